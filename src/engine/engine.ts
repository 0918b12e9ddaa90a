/**
 * PlanEngine: the only owner of HyperFormula. It builds one data sheet and one totals sheet per
 * appendix, applies edits in batches and reports which cells changed.
 */
import { HyperFormula } from 'hyperformula';
import { diffSheet, type SheetDelta } from '../domain/delta';
import type { CellChange } from '../domain/ops';
import { indexOfRows } from '../domain/rowIndex';
import type { AppendixSheet, Id, Row, Workbook } from '../domain/types';
import { layoutOf, type RawContent, rowContents } from './layout';
import { totalsContents, totalsLayout } from './totals';
import { type CellRefusal, dryArrays, dryCheck, errorsAfter } from './refusals';
import { isStructural, missingSheets, restructure, rowWrites, writeBlocks } from './writes';
import { type EngineValue, freeName, type GridPatch } from './gridSheets';
import { ENGINE_CONFIG, engineName } from './config';
import { rebuilds, reverseSheetDelta, typedCells } from './engineSteps';
import { type EngineEffects, type EnginePatch, type SheetState } from './engineCore';
import { dropTexts, hasFormula, leanColumns, rowsHaveFormula } from './leanTexts';
import { buildInSteps } from './stepwiseBuild';
import { EngineGrids } from './engineGrids';

/** Rows whose engine contents are written out per step of a stepwise load. */
const STEP_ROWS = 5000;

export type { EngineEffects, EnginePatch } from './engineCore';
export type { CellRefusal };

export type { EngineValue, GridPatch };
export { ENGINE_CONFIG, engineName } from './config';

/** The plan's one HyperFormula engine: loads a workbook and applies each step's writes to it. */
export class PlanEngine extends EngineGrids {
  /**
   * Replaces the engine's content with a workbook's appendix sheets (named as the appendices) and
   * plain grid sheets (named as the grids), in one build.
   */
  loadWorkbook(wb: Pick<Workbook, 'sheets' | 'grids'>): void {
    const steps = this.load(wb, false);
    while (!steps.next().done);
  }

  /**
   * As loadWorkbook, in short steps (one per `next()`; stepwiseBuild.ts): nothing may read the
   * engine before the iterator is done. A workbook holding a formula typed by the user is built in
   * one step (its formulas may read anything). `build` is the stepwise build (a bench passes an
   * older one to compare).
   */
  loadInSteps(
    wb: Pick<Workbook, 'sheets' | 'grids'>,
    build: typeof buildInSteps = buildInSteps,
  ): Iterator<void, void, void> {
    return this.load(wb, true, build);
  }

  private *load(
    wb: Pick<Workbook, 'sheets' | 'grids'>,
    stepwise: boolean,
    build = buildInSteps,
  ): Generator<void, void, void> {
    this.views.reset();
    this.instance?.destroy();
    this.instance = null;
    this.sheets.clear();
    this.grids.reset();
    // no prototype: a sheet may be called `__proto__`
    const contents: Record<string, RawContent[][]> = Object.create(null);
    const taken = new Set<string>();
    const states = wb.sheets.map((sheet) => this.stateFor(sheet, taken));
    const grids = this.grids.name(wb.grids ?? [], taken);
    const fix = missingSheets((n) => taken.has(n.trim().toLowerCase()));
    // no formula reads a label: they stay out of the engine until the first formula is written
    this.texts = hasFormula(wb.sheets, wb.grids ?? []);
    for (let k = 0; k < wb.sheets.length; k++) {
      const sheet = wb.sheets[k];
      const st = states[k];
      const rows: RawContent[][] = (contents[st.dataName] = []);
      for (let i = 0; i < sheet.rows.length; i++) {
        const row = rowContents(st.layout, sheet.rows, i, fix);
        rows.push(this.texts ? row : dropTexts(row, st.lean));
        if (stepwise && i % STEP_ROWS === STEP_ROWS - 1) yield;
      }
      contents[st.totName] = totalsContents(st.layout, st.totals, st.dataName, sheet.rows);
    }
    Object.assign(contents, this.grids.contents(wb.grids ?? [], grids, fix));
    if (!stepwise || this.texts) {
      this.instance = HyperFormula.buildFromSheets(contents, { ...ENGINE_CONFIG });
      this.reindex();
      return;
    }
    const names = states.map((st) => st.dataName);
    yield* build(contents, names, (hf) => {
      this.instance = hf;
      this.reindex();
    });
  }

  /** Adds an appendix sheet. */
  addSheet(sheet: AppendixSheet): EngineEffects {
    if (rowsHaveFormula(sheet.rows)) this.withTexts();
    const st = this.stateFor(sheet);
    const out = this.hf.batch(() => {
      const d = this.hf.getSheetId(this.hf.addSheet(st.dataName))!;
      const t = this.hf.getSheetId(this.hf.addSheet(st.totName))!;
      this.hf.setSheetContent(
        d,
        sheet.rows.map((_, i) => rowContents(st.layout, sheet.rows, i, this.fix)),
      );
      this.hf.setSheetContent(t, totalsContents(st.layout, st.totals, st.dataName, sheet.rows));
    });
    this.reindex();
    // formulas elsewhere that named this sheet read it now
    return this.effects(out, sheet.id);
  }

  /** Removes an appendix sheet. */
  removeSheet(sheetId: Id): EngineEffects {
    this.views.drop(sheetId);
    const st = this.state(sheetId);
    const out = [
      ...this.hf.removeSheet(this.hf.getSheetId(st.totName)!),
      ...this.hf.removeSheet(this.hf.getSheetId(st.dataName)!),
    ];
    this.sheets.delete(sheetId);
    this.reindex();
    return this.effects(out, null);
  }

  /**
   * Brings a sheet to `sheet` (the model after a step) given what the step changed in it. With
   * `check`, a write whose formula or whose effect on another cell would be an error is refused
   * before it lands (or put back at once): nothing changes and the refusals are returned.
   */
  applySheet(d: SheetDelta, sheet: AppendixSheet, check: boolean): EngineEffects | CellRefusal[] {
    if (rowsHaveFormula(d.rows.map((r) => r.after))) this.withTexts();
    // new columns, or most rows replaced (a version restored): building the sheet again is faster
    const most = d.order && d.rows.length > Math.max(50, sheet.rows.length / 2);
    if ((d.header && rebuilds(d.header.before, d.header.after)) || most) {
      return this.rebuild(sheet);
    }
    const st = this.state(sheet.id);
    const before = st.rows;
    st.rows = sheet.rows;
    const r = isStructural(d)
      ? this.restructure(st, before, d, sheet, check)
      : this.writeCells(st, d, sheet, check);
    if (Array.isArray(r)) st.rows = before;
    // the sheet's own fields changed (its checks' settings): everything it shows may
    else if (d.header)
      r.patches[0] = { ...r.patches[0], totals: true, totalCols: undefined, structure: true };
    return r;
  }

  /**
   * Writes a sheet again whole, in place (its engine sheets stay, so formulas elsewhere that name
   * it keep reading it): new columns, a new name, or most rows replaced.
   */
  private rebuild(sheet: AppendixSheet): EngineEffects {
    const st = this.state(sheet.id);
    this.views.drop(sheet.id);
    const d = this.dataId(st);
    const t = this.hf.getSheetId(st.totName)!;
    const want = engineName(sheet.name, this.counter + 1);
    if (want.trim().toLowerCase() !== st.dataName.trim().toLowerCase()) {
      const name = freeName(this.hf, want);
      this.hf.renameSheet(d, name);
      st.dataName = name;
    }
    st.layout = layoutOf(sheet);
    st.totals = totalsLayout(st.layout);
    st.lean = leanColumns(st.layout);
    st.rows = sheet.rows;
    const out = this.hf.batch(() => {
      this.hf.setSheetContent(
        d,
        sheet.rows.map((_, i) => rowContents(st.layout, sheet.rows, i, this.fix)),
      );
      this.hf.setSheetContent(t, totalsContents(st.layout, st.totals, st.dataName, sheet.rows));
    });
    this.reindex();
    const fx = this.effects(out, sheet.id, true);
    fx.patches[0].totals = true;
    fx.patches[0].totalCols = undefined;
    return fx;
  }

  private writeCells(
    st: SheetState,
    d: SheetDelta,
    sheet: AppendixSheet,
    check: boolean,
  ): EngineEffects | CellRefusal[] {
    const index = indexOfRows(sheet.rows);
    const writes = d.rows.flatMap((ch) =>
      rowWrites(st.layout, ch.before!, ch.after!, index.get(ch.id)!, this.fix),
    );
    const data = this.dataId(st);
    // formulas that lost a removed row (`#REF!`, rows removed in another sheet) are not checked
    const typed = writes.filter((w) => !w.followed);
    if (!typed.length) check = false;
    if (check) {
      const dry = dryCheck(this.hf, data, typed);
      if (dry.length) return dry;
    }
    // what the cells held, to put back if the write is refused (contents only: the write's cells
    // are the same, so no object per cell is built unless it is put back)
    const old = check
      ? writes.map(
          (w) =>
            (this.hf.getCellSerialized({ sheet: data, row: w.row, col: w.col }) ??
              null) as RawContent,
        )
      : [];
    const out = writeBlocks(this.hf, data, writes);
    if (check) {
      const refusals = errorsAfter(this.hf, data, out, typed, typed.length === writes.length);
      if (refusals.length) {
        writeBlocks(
          this.hf,
          data,
          writes.map((w, k) => ({ row: w.row, col: w.col, content: old[k] })),
        );
        return refusals;
      }
    }
    return this.effects(out, sheet.id);
  }

  private restructure(
    st: SheetState,
    before: readonly Row[],
    d: SheetDelta,
    sheet: AppendixSheet,
    check: boolean,
  ): EngineEffects | CellRefusal[] {
    const data = this.dataId(st);
    const typed = check ? typedCells(st.layout, before, d, sheet.rows) : [];
    if (check) {
      const arrays = dryArrays(this.hf, data, typed);
      if (arrays.length) return arrays;
    }
    const out = [
      ...restructure(this.hf, data, st.layout, d, sheet.rows, before, this.fix, this.texts),
      ...this.reconcileTotals(st),
    ];
    if (check) {
      const refusals = errorsAfter(this.hf, data, out, typed, false);
      if (refusals.length) {
        st.rows = before;
        restructure(
          this.hf,
          data,
          st.layout,
          reverseSheetDelta(d),
          before,
          sheet.rows,
          this.fix,
          this.texts,
        );
        this.reconcileTotals(st);
        return refusals;
      }
    }
    return this.effects(out, sheet.id, true);
  }

  /** Writes raw cells of `sheet` (the model after the edit); refusals instead of a patch. */
  setCells(sheet: AppendixSheet, _changes?: readonly CellChange[]): EnginePatch | CellRefusal[] {
    return this.step(sheet, true);
  }

  /** Rows of `sheet` were inserted (the model after the insertion). */
  insertRows(sheet: AppendixSheet, _at?: number, _count?: number): EnginePatch {
    return this.step(sheet, false) as EnginePatch;
  }

  /** Rows were removed; `sheet` is the model after removal. */
  deleteRows(sheet: AppendixSheet, _indexes?: readonly number[]): EnginePatch {
    return this.step(sheet, false) as EnginePatch;
  }

  /** Rows were moved; `sheet` is the model after the move. */
  moveRows(sheet: AppendixSheet, _from?: number, _count?: number, _to?: number): EnginePatch {
    return this.step(sheet, false) as EnginePatch;
  }

  /** Rows changed level or kind; `sheet` is the model after. */
  reshape(sheet: AppendixSheet, _rowIndexes?: readonly number[]): EnginePatch {
    return this.step(sheet, false) as EnginePatch;
  }

  /** Brings a sheet from what the engine holds to `sheet`, whatever changed in its rows. */
  private step(sheet: AppendixSheet, check: boolean): EnginePatch | CellRefusal[] {
    const st = this.state(sheet.id);
    const d = diffSheet({ ...sheet, rows: st.rows as Row[] }, sheet);
    const r = d ? this.applySheet(d, sheet, check) : this.effects([], sheet.id);
    return Array.isArray(r) ? r : r.patches[0];
  }
}
