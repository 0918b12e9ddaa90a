/**
 * GridEngine: evaluates a workbook's plain grid sheets (imported tables kept as they are) in their
 * own HyperFormula instance, one engine sheet per grid named as the grid, so that formulas written
 * in another spreadsheet (`=SUM(B2:B9)`, `=Sheet2!A1`) keep working.
 */
import { DetailedCellError, ExportedCellChange, HyperFormula } from 'hyperformula';
import type { GridChange } from '../domain/grid';
import type { CellInput, GridSheet, Id } from '../domain/types';
import { ENGINE_CONFIG, type EngineValue } from './engine';
import { type CellRefusal, dryCheck, errorsAfter } from './refusals';
import { writeBlocks } from './writes';

/** A refused grid edit: the cell and the error its formula would give. */
export interface GridRefusal {
  r: number;
  c: number;
  error: string;
  message: string;
}

function content(v: CellInput): number | string | null {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  // texts always reach the engine behind a `'`, so `1.5` or `TRUE` typed as text stay text
  return v.startsWith('=') || v.startsWith("'") ? v : `'${v}`;
}

export class GridEngine {
  private instance: HyperFormula | null = null;

  /** The HyperFormula instance (built on first use). */
  private get hf(): HyperFormula {
    return (this.instance ??= HyperFormula.buildEmpty({ ...ENGINE_CONFIG }));
  }
  private names = new Map<Id, string>();

  /**
   * Replaces the engine's content with these grid sheets.
   * @param grids the workbook's plain grid sheets
   */
  load(grids: readonly GridSheet[]): void {
    this.instance?.destroy();
    this.instance = null;
    this.names.clear();
    this.hf.batch(() => {
      for (const g of grids) this.addInBatch(g);
    });
  }

  /** Adds a grid sheet (its formulas may refer to the sheets already there). */
  add(g: GridSheet): void {
    this.hf.batch(() => this.addInBatch(g));
  }

  /** Removes a grid sheet. */
  remove(id: Id): void {
    const name = this.names.get(id);
    if (name === undefined) return;
    this.hf.removeSheet(this.hf.getSheetId(name)!);
    this.names.delete(id);
  }

  /**
   * Writes cells of a grid sheet. With `check`, when a written cell would evaluate to an error,
   * nothing is changed and the refusals are returned; otherwise the rows whose values changed.
   * @param id the grid sheet's id
   * @param changes the cells (0-based) and their new raw content
   */
  setCells(id: Id, changes: readonly GridChange[], check = true): Set<number> | GridRefusal[] {
    const sheet = this.sheetId(id);
    const writes = changes.map((ch) => ({
      row: ch.r,
      col: ch.c,
      content: content(ch.value),
      rowId: String(ch.r),
      colId: String(ch.c),
    }));
    const refused = (rs: CellRefusal[]): GridRefusal[] =>
      rs.map((r) => ({
        r: Number(r.rowId),
        c: Number(r.colId),
        error: r.code,
        message: r.message,
      }));
    if (check) {
      const dry = dryCheck(this.hf, sheet, writes);
      if (dry.length) return refused(dry);
    }
    const old = writes.map((w) => ({
      ...w,
      content: (this.hf.getCellSerialized({ sheet, row: w.row, col: w.col }) ?? null) as
        number | string | null,
    }));
    const out = writeBlocks(this.hf, sheet, writes);
    if (check) {
      const errors = errorsAfter(this.hf, sheet, out, writes, false);
      if (errors.length) {
        writeBlocks(this.hf, sheet, old);
        return refused(errors);
      }
    }
    const rows = new Set<number>();
    for (const c of out)
      if (c instanceof ExportedCellChange && c.address.sheet === sheet) rows.add(c.address.row);
    for (const ch of changes) rows.add(ch.r);
    return rows;
  }

  /**
   * Computed value of a cell (0-based row and column).
   * @returns a number, text, boolean, blank, or the error kind and message
   */
  value(id: Id, r: number, c: number): EngineValue {
    const v = this.hf.getCellValue({ sheet: this.sheetId(id), row: r, col: c });
    if (v instanceof DetailedCellError) return { error: v.type, message: v.message };
    return v as EngineValue;
  }

  private addInBatch(g: GridSheet): void {
    let name = g.name.trim() || 'Sheet';
    for (let k = 2; !this.hf.isItPossibleToAddSheet(name); k++) name = `${g.name.trim()} (${k})`;
    this.hf.addSheet(name);
    this.names.set(g.id, name);
    const sheet = this.hf.getSheetId(name)!;
    if (g.cells.length)
      this.hf.setSheetContent(
        sheet,
        g.cells.map((row) => row.map(content)),
      );
  }

  private sheetId(id: Id): number {
    const name = this.names.get(id);
    const s = name === undefined ? undefined : this.hf.getSheetId(name);
    if (s === undefined) throw new Error(`grid sheet ${id} is not loaded`);
    return s;
  }
}
