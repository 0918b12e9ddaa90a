/**
 * The state PlanEngine keeps beside its HyperFormula instance: each appendix's engine sheets and
 * layout, the index from engine sheets back to appendices, what a write changed (effects), and the
 * reads of computed values. PlanEngine (engine.ts) adds the loads and writes.
 */
import {
  DetailedCellError,
  type ExportedChange,
  ExportedCellChange,
  HyperFormula,
} from 'hyperformula';
import type { CheckValues } from '../domain/checks';
import type { AppendixSheet, Id, Row } from '../domain/types';
import { inputColumn, layoutOf, type RawContent, type SheetLayout } from './layout';
import { totalsContents, totalsLayout, type TotalsLayout } from './totals';
import { PlanViews, type ViewHost } from './views';
import { missingSheets, writeBlocks } from './writes';
import { type EngineValue, freeName, type GridPatch, GridSheets } from './gridSheets';
import { ENGINE_CONFIG, engineName } from './config';
import { leanColumns, textValue, textWrites } from './leanTexts';

/** What a write changed over every sheet of the engine. */
export interface EngineEffects {
  patches: EnginePatch[];
  grids: GridPatch[];
}

/** Which rows and totals of a sheet changed after an operation. */
export interface EnginePatch {
  sheetId: Id;
  rows: Set<number>;
  totals: boolean;
  structure: boolean;
  /** The computed total rows the sheet shows changed (a label renamed: app/stepMarks.ts). */
  pinned?: boolean;
  /**
   * The column ids whose computed value changed, by row of `rows` (a grid redraws those cells
   * only); absent: any cell of those rows may have changed.
   */
  cells?: Map<number, Set<Id>>;
  /**
   * With `totals`: the column ids (leaf or year group) whose computed total changed, every one of
   * them (a grid redraws those total cells only); absent: any total may have changed.
   */
  totalCols?: Set<Id>;
}

/** Column ids by engine column of a layout (built once per layout). */
const idsByCol = new WeakMap<SheetLayout, (Id | undefined)[]>();

function columnIds(layout: SheetLayout): (Id | undefined)[] {
  let out = idsByCol.get(layout);
  if (!out) {
    out = [];
    for (const [id, c] of layout.col) out[c] = id;
    idsByCol.set(layout, out);
  }
  return out;
}

/** One appendix in the engine: its layout, engine sheet names and ids, and the rows it holds. */
export interface SheetState {
  layout: SheetLayout;
  totals: TotalsLayout;
  dataName: string;
  totName: string;
  /** Engine sheet ids of the data and totals sheets (stable until sheets are re-indexed). */
  dataId: number;
  totId: number;
  rows: readonly Row[];
  /** Visible columns whose texts a lean load left out (leanTexts.ts). */
  lean: ReadonlySet<number>;
}

/** The engine's sheets, their index and reads; the loads and writes are in PlanEngine. */
export abstract class EngineCore {
  protected instance: HyperFormula | null = null;
  protected sheets = new Map<Id, SheetState>();
  protected byHfSheet = new Map<number, { id: Id; totals: boolean }>();
  protected counter = 0;
  /** Whether the engine holds every text (false after a load of a workbook without formulas). */
  protected texts = true;
  /** The unit and year views of the sheets (built on demand). */
  readonly views = new PlanViews((id) => this.viewHost(id));
  /** The plain grid sheets, in the same instance (formulas refer across them both ways). */
  readonly grids = new GridSheets(
    () => this.hf,
    (f) => this.fix(f),
  );
  /** What a formula becomes in the engine: `=#REF!` while it names a sheet that is not there. */
  protected readonly fix = missingSheets((n) => this.hf.doesSheetExist(n));

  /** The HyperFormula instance (built on first use: a load builds its own). */
  protected get hf(): HyperFormula {
    return (this.instance ??= HyperFormula.buildEmpty({ ...ENGINE_CONFIG }));
  }

  /** Computed value of a plain grid sheet's cell (0-based). */
  gridValue(id: Id, r: number, c: number): EngineValue {
    return this.grids.value(id, r, c);
  }

  /** Computed value of a visible cell. */
  value(sheetId: Id, row: number, colId: Id): EngineValue {
    const st = this.state(sheetId);
    const col = st.layout.col.get(colId);
    if (col === undefined) return null;
    if (!this.texts && st.lean.has(col)) {
      const r = st.rows[row];
      const text =
        r && inputColumn(st.layout, r, colId) === col ? textValue(r.cells[colId]) : undefined;
      if (text !== undefined) return text;
    }
    return this.read(this.dataId(st), row, col);
  }

  /** Puts in every text a lean load left out (before the first formula is written). */
  protected withTexts(): void {
    if (this.texts) return;
    this.texts = true;
    for (const st of this.sheets.values()) {
      const writes = textWrites(st.layout, st.lean, st.rows);
      if (writes.length) writeBlocks(this.hf, this.dataId(st), writes);
    }
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
    // a formula as the model holds it (the engine may hold `=#REF!` for a missing sheet)
    const own = st.rows[row]?.cells[colId];
    // a text as the model holds it too (the engine holds it escaped, or not at all: leanTexts.ts)
    if (typeof own === 'string' && own !== '') return own;
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

  protected viewHost(sheetId: Id): ViewHost {
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

  protected read(sheet: number, row: number, col: number): EngineValue {
    const v = this.hf.getCellValue({ sheet, row, col });
    if (v instanceof DetailedCellError) return { error: v.type, message: v.message };
    return v as EngineValue;
  }

  /** Rewrites the totals sheet's ranges (after a structural change). */
  protected reconcileTotals(st: SheetState): ExportedChange[] {
    const t = this.hf.getSheetId(st.totName)!;
    const totals = totalsContents(st.layout, st.totals, st.dataName, st.rows);
    const stale: { row: number; col: number; content: RawContent }[] = [];
    totals.forEach((line, row) =>
      line.forEach((content, col) => {
        if ((this.hf.getCellSerialized({ sheet: t, row, col }) ?? null) !== content)
          stale.push({ row, col, content });
      }),
    );
    return stale.length ? writeBlocks(this.hf, t, stale) : [];
  }

  /**
   * The rows whose values a write changed, over every sheet: the patch of `own` first (present even
   * when empty), then the other appendices and the grid sheets that read what changed.
   */
  protected effects(
    out: readonly ExportedChange[],
    own: Id | null,
    structure = false,
  ): EngineEffects {
    const patches = new Map<Id, EnginePatch>();
    const grids = new Map<Id, GridPatch>();
    if (own !== null) patches.set(own, { sheetId: own, rows: new Set(), totals: false, structure });
    let gridOf: Map<number, Id> | undefined;
    let whole: Set<string> | undefined;
    let wholeTotals: Set<Id> | undefined;
    for (const c of out) {
      if (!(c instanceof ExportedCellChange)) continue;
      const owner = this.byHfSheet.get(c.address.sheet);
      if (owner) {
        let p = patches.get(owner.id);
        if (!p) {
          p = { sheetId: owner.id, rows: new Set(), totals: false, structure: false };
          patches.set(owner.id, p);
        }
        if (owner.totals) {
          const first = !p.totals;
          p.totals = true;
          const id = this.totalColumnId(owner.id, c.address.col);
          // a column not known by id: the patch says nothing of which totals changed
          if (id === undefined) (wholeTotals ??= new Set()).add(owner.id);
          else if (first || p.totalCols) (p.totalCols ??= new Set()).add(id);
        } else {
          p.rows.add(c.address.row);
          const layout = this.sheets.get(owner.id)?.layout;
          const id = layout && columnIds(layout)[c.address.col];
          const cells = (p.cells ??= new Map());
          const at = cells.get(c.address.row);
          // a column the grid does not show (a helper): the row is redrawn whole
          if (id === undefined) (whole ??= new Set()).add(`${owner.id}\n${c.address.row}`);
          else if (at) at.add(id);
          else cells.set(c.address.row, new Set([id]));
        }
        continue;
      }
      const g = (gridOf ??= this.grids.bySheet()).get(c.address.sheet);
      if (g === undefined) continue;
      let gp = grids.get(g);
      if (!gp) grids.set(g, (gp = { gridId: g, rows: new Set(), structure: false }));
      gp.rows.add(c.address.row);
    }
    for (const k of whole ?? []) {
      const [id, row] = k.split('\n');
      patches.get(id)?.cells?.delete(Number(row));
    }
    for (const id of wholeTotals ?? []) delete patches.get(id)?.totalCols;
    return { patches: [...patches.values()], grids: [...grids.values()] };
  }

  /** The leaf or year group id of a column of a sheet's totals sheet (totals.ts's layout). */
  private totalColumnId(sheetId: Id, col: number): Id | undefined {
    const st = this.sheets.get(sheetId);
    if (!st) return undefined;
    const leaf = st.layout.leaves[col];
    if (leaf) return leaf.id;
    for (const [id, c] of st.totals.yearCol) if (c === col) return id;
    return undefined;
  }

  protected stateFor(sheet: AppendixSheet, taken?: Set<string>): SheetState {
    const layout = layoutOf(sheet);
    const n = ++this.counter;
    // the data sheet has the appendix's name, so formulas elsewhere can name it
    const name = (want: string) => {
      if (!taken) return freeName(this.hf, want);
      let out = want.trim() || 'Sheet';
      for (let k = 2; taken.has(out.toLowerCase()); k++) out = `${want.trim() || 'Sheet'} (${k})`;
      taken.add(out.toLowerCase());
      return out;
    };
    const st: SheetState = {
      layout,
      totals: totalsLayout(layout),
      dataName: name(engineName(sheet.name, n)),
      totName: name(`~Totals_${n}`),
      dataId: -1,
      totId: -1,
      rows: sheet.rows,
      lean: leanColumns(layout),
    };
    this.sheets.set(sheet.id, st);
    return st;
  }

  protected reindex(): void {
    this.byHfSheet.clear();
    for (const [id, st] of this.sheets) {
      st.dataId = this.hf.getSheetId(st.dataName)!;
      st.totId = this.hf.getSheetId(st.totName)!;
      this.byHfSheet.set(st.dataId, { id, totals: false });
      this.byHfSheet.set(st.totId, { id, totals: true });
    }
  }

  protected state(sheetId: Id): SheetState {
    const st = this.sheets.get(sheetId);
    if (!st) throw new Error(`sheet ${sheetId} is not loaded`);
    return st;
  }

  protected dataId(st: SheetState): number {
    return st.dataId;
  }
}
