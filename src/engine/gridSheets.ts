/**
 * Plain grid sheets (imported tables kept as they are) inside the plan's one HyperFormula
 * instance: one engine sheet per grid, named as the grid, beside the appendices' sheets (named as
 * the appendices), so formulas refer across them both ways (`='Phụ lục'!E5`, `=Sheet2!A1`).
 */
import { DetailedCellError, type ExportedChange, type HyperFormula } from 'hyperformula';
import type { GridChange } from '../domain/grid';
import type { CellInput, GridSheet, Id } from '../domain/types';
import { type CellRefusal, dryCheck, errorsAfter } from './refusals';
import { lostRow, writeBlocks } from './writes';

/** A computed value: number, text, blank or an error with its kind (`CYCLE`, `DIV_BY_ZERO`…). */
export type EngineValue = number | string | boolean | null | { error: string; message: string };

/** A refused grid edit: the cell and the error its formula would give. */
export interface GridRefusal {
  r: number;
  c: number;
  error: string;
  message: string;
}

/** Rows of a grid sheet whose values changed; `structure` when the sheet was added or removed. */
export interface GridPatch {
  gridId: Id;
  rows: Set<number>;
  structure: boolean;
}

/** The engine content of a grid cell (texts behind a `'`, so `1.5` or `TRUE` stay texts). */
export function gridContent(v: CellInput): number | string | null {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v.startsWith('=') || v.startsWith("'") ? v : `'${v}`;
}

/** A sheet name not yet used in the engine (the model keeps names unique; old files may not). */
export function freeName(hf: HyperFormula, name: string): string {
  const base = name.trim() || 'Sheet';
  let out = base;
  for (let k = 2; !hf.isItPossibleToAddSheet(out); k++) out = `${base} (${k})`;
  return out;
}

export class GridSheets {
  private names = new Map<Id, string>();

  constructor(
    private readonly hf: () => HyperFormula,
    /** What a formula becomes in the engine (`=#REF!` while it names a missing sheet). */
    private readonly fix: (formula: string) => string,
  ) {}

  private content(v: CellInput, fix = this.fix): number | string | null {
    const c = gridContent(v);
    return typeof c === 'string' && c.startsWith('=') ? fix(c) : c;
  }

  /** Forgets every grid (the instance was rebuilt). */
  reset(): void {
    this.names.clear();
  }

  /** Names grid sheets for a build (names in `taken` are avoided and added to it). */
  name(grids: readonly GridSheet[], taken: Set<string>): string[] {
    return grids.map((g) => {
      const base = g.name.trim() || 'Sheet';
      let name = base;
      for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base} (${k})`;
      taken.add(name.toLowerCase());
      this.names.set(g.id, name);
      return name;
    });
  }

  /** Contents of grid sheets for a build, by the names `name` gave them. */
  contents(
    grids: readonly GridSheet[],
    names: readonly string[],
    fix: (formula: string) => string,
  ): Record<string, (number | string | null)[][]> {
    // no prototype: a sheet may be called `__proto__`
    const out: Record<string, (number | string | null)[][]> = Object.create(null);
    grids.forEach((g, k) => {
      out[names[k]] = g.cells.map((row) => row.map((v) => this.content(v, fix)));
    });
    return out;
  }

  /** Adds a grid sheet (its formulas may refer to the sheets already there). */
  add(g: GridSheet): ExportedChange[] {
    const hf = this.hf();
    const name = freeName(hf, g.name);
    this.names.set(g.id, name);
    return hf.batch(() => {
      hf.addSheet(name);
      if (g.cells.length)
        hf.setSheetContent(
          hf.getSheetId(name)!,
          g.cells.map((row) => row.map((v) => this.content(v))),
        );
    });
  }

  /** Removes a grid sheet. */
  remove(id: Id): ExportedChange[] {
    const name = this.names.get(id);
    if (name === undefined) return [];
    this.names.delete(id);
    return this.hf().removeSheet(this.hf().getSheetId(name)!);
  }

  /**
   * Writes cells of a grid sheet. With `check`, a written cell that would be an error refuses the
   * write (nothing changes); otherwise the engine's changes.
   */
  setCells(
    id: Id,
    changes: readonly (GridChange & { before?: CellInput })[],
    check: boolean,
  ): ExportedChange[] | GridRefusal[] {
    const hf = this.hf();
    const sheet = this.sheetOf(id);
    const writes = changes.map((ch) => ({
      row: ch.r,
      col: ch.c,
      content: this.content(ch.value),
      rowId: String(ch.r),
      colId: String(ch.c),
      followed: 'before' in ch && lostRow(ch.before, ch.value),
    }));
    // formulas that lost a removed row (`#REF!`, rows removed in an appendix) are not checked
    const typed = writes.filter((w) => !w.followed);
    if (!typed.length) check = false;
    const refused = (rs: CellRefusal[]): GridRefusal[] =>
      rs.map((r) => ({
        r: Number(r.rowId),
        c: Number(r.colId),
        error: r.code,
        message: r.message,
      }));
    if (check) {
      const dry = dryCheck(hf, sheet, typed);
      if (dry.length) return refused(dry);
    }
    const old = writes.map((w) => ({
      ...w,
      content: (hf.getCellSerialized({ sheet, row: w.row, col: w.col }) ?? null) as
        number | string | null,
    }));
    const out = writeBlocks(hf, sheet, writes);
    if (check) {
      const errors = errorsAfter(hf, sheet, out, typed, false);
      if (errors.length) {
        writeBlocks(hf, sheet, old);
        return refused(errors);
      }
    }
    return out;
  }

  /** Computed value of a cell (0-based row and column). */
  value(id: Id, r: number, c: number): EngineValue {
    const v = this.hf().getCellValue({ sheet: this.sheetOf(id), row: r, col: c });
    if (v instanceof DetailedCellError) return { error: v.type, message: v.message };
    return v as EngineValue;
  }

  /** Whether a grid sheet is in the engine. */
  has(id: Id): boolean {
    return this.names.has(id);
  }

  /** The grid of an engine sheet, if it is one. */
  gridOf(hfSheet: number): Id | undefined {
    const hf = this.hf();
    for (const [id, name] of this.names) if (hf.getSheetId(name) === hfSheet) return id;
    return undefined;
  }

  /** The grid ids by engine sheet (for sorting the changes of a write). */
  bySheet(): Map<number, Id> {
    const hf = this.hf();
    const m = new Map<number, Id>();
    for (const [id, name] of this.names) {
      const s = hf.getSheetId(name);
      if (s !== undefined) m.set(s, id);
    }
    return m;
  }

  /** The engine sheet of a grid. */
  sheetOf(id: Id): number {
    const name = this.names.get(id);
    const s = name === undefined ? undefined : this.hf().getSheetId(name);
    if (s === undefined) throw new Error(`grid sheet ${id} is not loaded`);
    return s;
  }
}
