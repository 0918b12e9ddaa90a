/**
 * PlanEngine: the only owner of HyperFormula. It builds one data sheet and one totals sheet per
 * appendix, applies edits in batches and reports which cells changed.
 */
import {
  DetailedCellError,
  type ExportedChange,
  ExportedCellChange,
  HyperFormula,
} from 'hyperformula';
import type { CheckValues } from '../domain/checks';
import type { CellChange } from '../domain/ops';
import { indexOfRows } from '../domain/rowIndex';
import type { AppendixSheet, Id, Row, Workbook } from '../domain/types';
import {
  derivedCells,
  inputColumn,
  inputContent,
  layoutOf,
  type RawContent,
  rowContents,
  type SheetLayout,
} from './layout';
import { totalsContents, totalsLayout, type TotalsLayout } from './totals';
import { PlanViews, type ViewHost } from './views';
import { refusalsOf } from './refusals';

/** HyperFormula configuration: GPL licence, sizes for 10,000+ project plans, noise-free sums. */
export const ENGINE_CONFIG = {
  licenseKey: 'gpl-v3',
  maxRows: 250_000,
  maxColumns: 2_000,
  precisionRounding: 10,
  smartRounding: true,
  undoLimit: 1,
} as const;

/** A computed value: number, text, blank or an error with its kind (`CYCLE`, `DIV_BY_ZERO`…). */
export type EngineValue = number | string | boolean | null | { error: string; message: string };

/** Which rows and totals of a sheet changed after an operation. */
export interface EnginePatch {
  sheetId: Id;
  rows: Set<number>;
  totals: boolean;
  structure: boolean;
}

/** A refused cell edit: the cell and the error its value would have had. */
export interface CellRefusal {
  rowId: Id;
  colId: Id;
  error: string;
  message: string;
}

interface SheetState {
  layout: SheetLayout;
  totals: TotalsLayout;
  dataName: string;
  totName: string;
  /** Engine sheet ids of the data and totals sheets (stable until sheets are re-indexed). */
  dataId: number;
  totId: number;
  rows: readonly Row[];
}

export class PlanEngine {
  private instance: HyperFormula | null = null;
  private sheets = new Map<Id, SheetState>();
  private byHfSheet = new Map<number, { id: Id; totals: boolean }>();
  private counter = 0;
  /** The unit and year views of the sheets (built on demand). */
  readonly views = new PlanViews((id) => this.viewHost(id));

  /** The engine instance (an empty one is made on first use when no workbook was loaded). */
  private get hf(): HyperFormula {
    return (this.instance ??= HyperFormula.buildEmpty({ ...ENGINE_CONFIG }));
  }

  /** Replaces the engine's content with a workbook's appendix sheets (one build). */
  loadWorkbook(wb: Workbook): void {
    this.views.reset();
    this.instance?.destroy();
    this.sheets.clear();
    const contents: Record<string, RawContent[][]> = {};
    for (const sheet of wb.sheets) {
      const st = this.stateFor(sheet);
      contents[st.dataName] = sheet.rows.map((_, i) => rowContents(st.layout, sheet.rows, i));
      contents[st.totName] = totalsContents(st.layout, st.totals, st.dataName, sheet.rows);
    }
    this.instance = HyperFormula.buildFromSheets(contents, { ...ENGINE_CONFIG });
    this.reindex();
  }

  /** Adds an appendix sheet. */
  addSheet(sheet: AppendixSheet): void {
    const st = this.stateFor(sheet);
    this.hf.batch(() => {
      const d = this.hf.getSheetId(this.hf.addSheet(st.dataName))!;
      const t = this.hf.getSheetId(this.hf.addSheet(st.totName))!;
      this.hf.setSheetContent(
        d,
        sheet.rows.map((_, i) => rowContents(st.layout, sheet.rows, i)),
      );
      this.hf.setSheetContent(t, totalsContents(st.layout, st.totals, st.dataName, sheet.rows));
    });
    this.reindex();
  }

  /** Removes an appendix sheet. */
  removeSheet(sheetId: Id): void {
    this.views.drop(sheetId);
    const st = this.state(sheetId);
    this.hf.removeSheet(this.hf.getSheetId(st.totName)!);
    this.hf.removeSheet(this.hf.getSheetId(st.dataName)!);
    this.sheets.delete(sheetId);
    this.reindex();
  }

  /**
   * Writes raw cells of `sheet` (the model after the edit). When a written value would be an
   * error (cycle, broken reference, division by zero…), nothing is changed and the refusals are
   * returned instead of a patch.
   */
  setCells(sheet: AppendixSheet, changes: readonly CellChange[]): EnginePatch | CellRefusal[] {
    const st = this.state(sheet.id);
    st.rows = sheet.rows;
    const idx = indexOfRows(sheet.rows);
    const d = this.dataId(st);
    const written: { row: number; col: number; ch: CellChange }[] = [];
    // one write per row (cells between two changed ones keep their content): the engine is two
    // orders of magnitude faster on blocks than on single cells inside a batch
    const byRow = new Map<number, Map<number, RawContent>>();
    for (const ch of changes) {
      const row = idx.get(ch.rowId)!;
      const col = inputColumn(st.layout, sheet.rows[row], ch.colId);
      if (col === undefined) continue;
      let m = byRow.get(row);
      if (!m) byRow.set(row, (m = new Map()));
      m.set(col, inputContent(ch.value));
      written.push({ row, col, ch });
    }
    // consecutive rows written over the same columns make one rectangular block (a paste of
    // 1,000 rows is a few dozen writes, not a thousand)
    const blocks: { row: number; col: number; c1: number; values: RawContent[][] }[] = [];
    for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
      const m = byRow.get(row)!;
      const cols = [...m.keys()];
      const c0 = Math.min(...cols);
      const c1 = Math.max(...cols);
      const values: RawContent[] = [];
      for (let c = c0; c <= c1; c++) {
        values.push(
          m.has(c)
            ? m.get(c)!
            : ((this.hf.getCellSerialized({ sheet: d, row, col: c }) ?? null) as RawContent),
        );
      }
      const last = blocks[blocks.length - 1];
      if (last && last.col === c0 && last.c1 === c1 && last.row + last.values.length === row)
        last.values.push(values);
      else blocks.push({ row, col: c0, c1, values: [values] });
    }
    const out = this.hf.batch(() => {
      for (const b of blocks)
        this.hf.setCellContents({ sheet: d, row: b.row, col: b.col }, b.values);
    });
    const refusals = refusalsOf(this.hf, this.dataId(st), out, written);
    if (refusals.length) {
      this.hf.undo();
      return refusals;
    }
    return this.patch(sheet.id, out, false);
  }

  /** Rows [at, at+count) of `sheet` are new: inserts them and fixes every range. */
  insertRows(sheet: AppendixSheet, at: number, count: number): EnginePatch {
    const st = this.state(sheet.id);
    st.rows = sheet.rows;
    const d = this.dataId(st);
    const out = this.hf.batch(() => {
      this.hf.addRows(d, [at, count]);
      const block: RawContent[][] = [];
      for (let i = at; i < at + count; i++) block.push(rowContents(st.layout, sheet.rows, i));
      this.hf.setCellContents({ sheet: d, row: at, col: 0 }, block);
    });
    return this.patch(sheet.id, [...out, ...this.reconcile(sheet.id)], true);
  }

  /** Removes the rows at the given (pre-removal) indexes; `sheet` is the model after removal. */
  deleteRows(sheet: AppendixSheet, indexes: readonly number[]): EnginePatch {
    const st = this.state(sheet.id);
    st.rows = sheet.rows;
    const d = this.dataId(st);
    const out = this.hf.batch(() => {
      for (const i of [...indexes].sort((a, b) => b - a)) this.hf.removeRows(d, [i, 1]);
    });
    return this.patch(sheet.id, [...out, ...this.reconcile(sheet.id)], true);
  }

  /** Moves the block [from, from+count) so that it starts at `to` in `sheet` (the model after). */
  moveRows(sheet: AppendixSheet, from: number, count: number, to: number): EnginePatch {
    const st = this.state(sheet.id);
    st.rows = sheet.rows;
    const d = this.dataId(st);
    const target = to > from ? to + count : to;
    const out = to !== from ? this.hf.moveRows(d, from, count, target) : [];
    return this.patch(sheet.id, [...out, ...this.reconcile(sheet.id)], true);
  }

  /** Rows changed level or kind: rewrites those rows and fixes every range. */
  reshape(sheet: AppendixSheet, rowIndexes: readonly number[]): EnginePatch {
    const st = this.state(sheet.id);
    st.rows = sheet.rows;
    const d = this.dataId(st);
    const out = this.hf.batch(() => {
      for (const i of rowIndexes) {
        this.hf.setCellContents({ sheet: d, row: i, col: 0 }, [
          rowContents(st.layout, sheet.rows, i),
        ]);
      }
    });
    return this.patch(sheet.id, [...out, ...this.reconcile(sheet.id)], true);
  }

  /** Computed value of a visible cell. */
  value(sheetId: Id, row: number, colId: Id): EngineValue {
    const st = this.state(sheetId);
    const col = st.layout.col.get(colId);
    if (col === undefined) return null;
    return this.read(this.dataId(st), row, col);
  }

  /** Computed total: for a source (null: all) in a leaf column or a year group. */
  total(sheetId: Id, source: string | null, colId: Id): EngineValue {
    const st = this.state(sheetId);
    const r = st.totals.rows.indexOf(source);
    const col = st.layout.col.get(colId) ?? st.totals.yearCol.get(colId);
    if (r < 0 || col === undefined) return null;
    return this.read(st.totId, r, col);
  }

  /** The computed right-hand side of column rule k (`4=2-3` → column 2 − column 3) on row i. */
  rule(sheetId: Id, row: number, k: number): EngineValue {
    const st = this.state(sheetId);
    const r = st.layout.rules[k];
    return r ? this.read(this.dataId(st), row, r.col) : null;
  }

  /** The computed side of a sheet, as the cross-checks and the exporters read it. */
  values(sheetId: Id): CheckValues {
    return {
      value: (i, c) => this.value(sheetId, i, c),
      total: (s, c) => this.total(sheetId, s, c),
      rule: (i, k) => this.rule(sheetId, i, k),
    };
  }

  /** The raw content (formula text or value) of a row's input cell. */
  raw(sheetId: Id, row: number, colId: Id): RawContent {
    const st = this.state(sheetId);
    const col = inputColumn(st.layout, st.rows[row], colId);
    if (col === undefined) return null;
    const v = this.hf.getCellSerialized({ sheet: this.dataId(st), row, col });
    return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (v as RawContent);
  }

  /** Layout of a sheet (engine columns of each model column). */
  layout(sheetId: Id): SheetLayout {
    return this.state(sheetId).layout;
  }

  /** Number of rows the engine holds for a sheet (for consistency checks in tests). */
  rowCount(sheetId: Id): number {
    return this.hf.getSheetDimensions(this.dataId(this.state(sheetId))).height;
  }

  private viewHost(sheetId: Id): ViewHost {
    const st = this.state(sheetId);
    return {
      hf: this.hf,
      data: st.dataName,
      totals: st.totName,
      layout: st.layout,
      totalsLayout: st.totals,
      rows: st.rows,
    };
  }

  private read(sheet: number, row: number, col: number): EngineValue {
    const v = this.hf.getCellValue({ sheet, row, col });
    if (v instanceof DetailedCellError) return { error: v.type, message: v.message };
    return v as EngineValue;
  }

  /**
   * After a structural change: rewrites, in one batch, every derived cell of sections and total
   * rows whose formula no longer matches the tree (the engine moves ranges as Excel does, which is
   * not always what the tree means), and the totals' ranges.
   */
  private reconcile(sheetId: Id): ExportedChange[] {
    const st = this.state(sheetId);
    const d = this.dataId(st);
    const writes: { row: number; col: number; want: RawContent }[] = [];
    st.rows.forEach((r, i) => {
      if (r.kind === 'project') return;
      for (const [col, want] of derivedCells(st.layout, st.rows, i)) {
        const have = this.hf.getCellSerialized({ sheet: d, row: i, col });
        if ((have ?? null) !== want) writes.push({ row: i, col, want });
      }
    });
    const t = this.hf.getSheetId(st.totName)!;
    const totals = totalsContents(st.layout, st.totals, st.dataName, st.rows);
    return this.hf.batch(() => {
      for (const w of writes)
        this.hf.setCellContents({ sheet: d, row: w.row, col: w.col }, [[w.want]]);
      this.hf.setCellContents({ sheet: t, row: 0, col: 0 }, totals);
    });
  }

  private patch(sheetId: Id, out: ExportedChange[], structure: boolean): EnginePatch {
    const p: EnginePatch = { sheetId, rows: new Set(), totals: false, structure };
    for (const c of out) {
      if (!(c instanceof ExportedCellChange)) continue;
      const owner = this.byHfSheet.get(c.address.sheet);
      if (!owner || owner.id !== sheetId) continue;
      if (owner.totals) p.totals = true;
      else p.rows.add(c.address.row);
    }
    return p;
  }

  private stateFor(sheet: AppendixSheet): SheetState {
    const layout = layoutOf(sheet);
    const n = ++this.counter;
    const st: SheetState = {
      layout,
      totals: totalsLayout(layout),
      dataName: `Data_${n}`,
      totName: `Totals_${n}`,
      dataId: -1,
      totId: -1,
      rows: sheet.rows,
    };
    this.sheets.set(sheet.id, st);
    return st;
  }

  private reindex(): void {
    this.byHfSheet.clear();
    for (const [id, st] of this.sheets) {
      st.dataId = this.hf.getSheetId(st.dataName)!;
      st.totId = this.hf.getSheetId(st.totName)!;
      this.byHfSheet.set(st.dataId, { id, totals: false });
      this.byHfSheet.set(st.totId, { id, totals: true });
    }
  }

  private state(sheetId: Id): SheetState {
    const st = this.sheets.get(sheetId);
    if (!st) throw new Error(`sheet ${sheetId} is not loaded`);
    return st;
  }

  private dataId(st: SheetState): number {
    return st.dataId;
  }
}
