/**
 * Live findings of a workbook: computed once on load, then only for the rows an edit changed. A large
 * workbook's first pass runs in steps of some thousands of rows (`begin`, `step`), its findings
 * shown only once the pass is complete (none half-way, so never a false alarm); an edit made
 * meanwhile re-checks the rows the pass has already done and leaves the rest to it. A step that
 * moved rows in a workbook of more than `stepRows` rows starts a pass again in steps (`again`): the
 * findings of the last complete pass stay shown until it is done, then its own replace them.
 */
import { carryBalances } from '../domain/balanceSheet';
import { carryContext, sheetContext } from '../domain/checkContext';
import { type CheckValues, type Finding, planFindings, rowChecker } from '../domain/checks';
import type { Delta } from '../domain/delta';
import type { AppendixSheet, Id, Workbook } from '../domain/types';
import type { EnginePatch, PlanEngine } from '../engine/engine';

export interface SheetFindings {
  byRow: Map<Id, Finding[]>;
  plan: Finding[];
}

/** Total rows and rows whose label states a rule, per check context (kept while the structure is). */
const dependents = new WeakMap<object, number[]>();

/** The rows whose findings follow figures elsewhere in the sheet (totals, label rules). */
function dependentRows(sheet: AppendixSheet): number[] {
  const ctx = sheetContext(sheet);
  let out = dependents.get(ctx);
  if (!out) {
    out = [];
    sheet.rows.forEach((r, i) => (r.kind === 'total' || r.rule) && out!.push(i));
    dependents.set(ctx, out);
  }
  return out;
}

/** Rows checked per step of a first pass (a step is then some milliseconds to a few tens). */
export const CHECK_STEP_ROWS = 4000;

/** A first pass under way: the findings so far, the next row, and the checker of its sheet. */
interface Pass {
  sheets: Map<Id, SheetFindings>;
  /** Sheet index and row index of the next row to check. */
  k: number;
  i: number;
  /** The checker of sheet k, for the sheet object it was made for. */
  sheet: AppendixSheet | null;
  check: ((i: number) => Finding[]) | null;
}

/** A pass just started: nothing checked yet. */
const startPass = (): Pass => ({ sheets: new Map(), k: 0, i: 0, sheet: null, check: null });

/** Rows of every appendix of a workbook. */
const rowCount = (wb: Workbook): number => wb.sheets.reduce((n, s) => n + s.rows.length, 0);

export class CheckStore {
  /** A workbook of more rows than this checks a structural step's findings in steps. */
  stepRows = CHECK_STEP_ROWS;
  /** The findings shown: those of the last complete pass, as edits since then updated them. */
  private sheets = new Map<Id, SheetFindings>();
  /** The first pass under way in steps (null: none). */
  private pass: Pass | null = null;
  /** Rows checked by the pass's steps so far (tests count a step's work). */
  passRows = 0;
  private version = 0;
  /** The last list built per sheet, valid while nothing was recomputed (the view asks on every render). */
  private lists = new Map<
    Id,
    { version: number; rows: readonly unknown[]; list: Finding[]; order: Id[] }
  >();
  /** Position of each row id, per sheet (checked on use: rows move). */
  private index = new Map<Id, Map<Id, number>>();

  /** Recomputes every finding of every sheet (a pass in steps under way is dropped). */
  full(wb: Workbook, engine: PlanEngine): void {
    this.pass = null;
    this.sheets.clear();
    wb.sheets.forEach((sheet, k) => {
      const v = engine.values(sheet.id);
      const byRow = new Map<Id, Finding[]>();
      const check = rowChecker(sheet, v);
      sheet.rows.forEach((r, i) => {
        const f = check(i);
        if (f.length) byRow.set(r.id, f);
      });
      this.sheets.set(sheet.id, { byRow, plan: k === 0 ? planFindings(sheet, wb.meta, v) : [] });
    });
    this.version++;
  }

  /** Whether a pass is under way in steps (its findings are shown once it is done). */
  get passing(): boolean {
    return this.pass !== null;
  }

  /** Starts the first pass over every sheet, to be run by `step`; no finding shows meanwhile. */
  begin(): void {
    this.sheets.clear();
    this.version++;
    this.pass = startPass();
  }

  /**
   * Starts a pass over every sheet again, to be run by `step` (after a step that moved rows): the
   * findings of the last complete pass stay shown until it is done.
   */
  again(): void {
    this.pass = startPass();
  }

  /**
   * Checks at most `rows` more rows of the pass over `wb` as it is now; true once the pass is done
   * (its findings are then shown, equal to those of `full`), or when there is none.
   */
  step(wb: Workbook, values: (sheetId: Id) => CheckValues, rows = CHECK_STEP_ROWS): boolean {
    const p = this.pass;
    if (!p) return true;
    let left = rows;
    while (p.k < wb.sheets.length) {
      const sheet = wb.sheets[p.k];
      if (p.sheet !== sheet || !p.check) {
        // made again after an edit: the rows left are checked against the sheet as it is now
        p.sheet = sheet;
        p.check = rowChecker(sheet, values(sheet.id));
        // a large sheet's checker (its context: every row read) is a step of its own
        if (sheet.rows.length - p.i > rows) return false;
      }
      const st = p.sheets.get(sheet.id) ?? { byRow: new Map(), plan: [] };
      p.sheets.set(sheet.id, st);
      const end = Math.min(sheet.rows.length, p.i + left);
      for (let i = p.i; i < end; i++) {
        const f = p.check(i);
        if (f.length) st.byRow.set(sheet.rows[i].id, f);
      }
      left -= end - p.i;
      this.passRows += end - p.i;
      p.i = end;
      if (p.i < sheet.rows.length) return false;
      if (p.k === 0) st.plan = planFindings(sheet, wb.meta, values(sheet.id));
      p.k++;
      p.i = 0;
      p.sheet = p.check = null;
      if (left <= 0 && p.k < wb.sheets.length) return false;
    }
    this.pass = null;
    this.sheets = p.sheets;
    this.version++;
    return true;
  }

  /**
   * An edit while the pass is under way: the rows it changed that the pass has already checked
   * are checked again (the others the pass checks as they are now); a step that moved rows or
   * changed the sheets starts the pass again.
   */
  private duringPass(
    p: Pass,
    wb: Workbook,
    engine: PlanEngine,
    patches: readonly EnginePatch[],
    metaChanged: boolean,
  ): void {
    const same =
      p.sheets.size <= wb.sheets.length &&
      [...p.sheets.keys()].every((id, k) => wb.sheets[k]?.id === id);
    // rows moved or sheets changed: the pass starts again (what is shown stays as it is)
    if (!same || patches.some((p) => p.structure)) return this.again();
    wb.sheets.forEach((sheet, k) => {
      if (k > p.k) return;
      const mine = patches.filter((x) => x.sheetId === sheet.id);
      const st = p.sheets.get(sheet.id);
      if (!(mine.length || (metaChanged && k === 0)) || !st) return;
      const done = k < p.k ? sheet.rows.length : p.i;
      const v = engine.values(sheet.id);
      const rows = new Set<number>();
      for (const x of mine) for (const i of x.rows) rows.add(i);
      if (mine.some((x) => x.totals)) for (const i of dependentRows(sheet)) rows.add(i);
      // one checker for the rows (what it takes of the sheet is taken once, not once per row)
      let check: ((i: number) => Finding[]) | undefined;
      for (const i of rows) {
        const r = sheet.rows[i];
        if (!r || i >= done) continue;
        const f = (check ??= rowChecker(sheet, v))(i);
        if (f.length) st.byRow.set(r.id, f);
        else st.byRow.delete(r.id);
      }
      // the plan's findings follow the totals, once the pass has made them
      if (k === 0 && p.k > 0) st.plan = planFindings(sheet, wb.meta, v);
    });
  }

  /**
   * Before `update`: the sheets a step changed only cells of keep their check context (built once
   * per structure; rebuilding it hashes every row).
   */
  carry(before: Workbook, after: Workbook, delta: Delta): void {
    for (const d of delta.sheets) {
      if (d.order || d.header) continue;
      const a = before.sheets.find((s) => s.id === d.sheetId);
      const b = after.sheets.find((s) => s.id === d.sheetId);
      if (a && b) {
        carryContext(a, b, d.rows);
        carryBalances(a, b, d.rows);
      }
    }
  }

  /** Updates the findings of the rows (and totals) a set of patches changed. */
  update(
    wb: Workbook,
    engine: PlanEngine,
    patches: readonly EnginePatch[],
    metaChanged: boolean,
  ): void {
    if (this.pass) return this.duringPass(this.pass, wb, engine, patches, metaChanged);
    if (patches.some((p) => p.structure))
      return rowCount(wb) > this.stepRows ? this.again() : this.full(wb, engine);
    for (const id of this.sheets.keys())
      if (!wb.sheets.some((s) => s.id === id)) this.sheets.delete(id);
    wb.sheets.forEach((sheet, k) => {
      const mine = patches.filter((p) => p.sheetId === sheet.id);
      if (!mine.length && !(metaChanged && k === 0)) return;
      const st = this.sheets.get(sheet.id) ?? { byRow: new Map(), plan: [] };
      const v = engine.values(sheet.id);
      const rows = new Set<number>();
      for (const p of mine) for (const i of p.rows) rows.add(i);
      // total rows and rows whose label states a rule depend on rows elsewhere in the sheet
      if (mine.some((p) => p.totals)) for (const i of dependentRows(sheet)) rows.add(i);
      // one checker for the rows: a paste of 1,000 rows built 1,000 (each reading the column tree)
      let check: ((i: number) => Finding[]) | undefined;
      for (const i of rows) {
        const r = sheet.rows[i];
        if (!r) continue;
        const f = (check ??= rowChecker(sheet, v))(i);
        if (f.length) st.byRow.set(r.id, f);
        else st.byRow.delete(r.id);
      }
      if (k === 0 && (metaChanged || mine.some((p) => p.totals)))
        st.plan = planFindings(sheet, wb.meta, v);
      this.sheets.set(sheet.id, st);
    });
    this.version++;
  }

  /** Findings of a sheet in row order, plan-level ones last. */
  list(wb: Workbook, sheetId: Id): Finding[] {
    const st = this.sheets.get(sheetId);
    const sheet = wb.sheets.find((s) => s.id === sheetId);
    if (!st || !sheet) return [];
    const cached = this.lists.get(sheetId);
    if (cached && cached.version === this.version && cached.rows === sheet.rows) return cached.list;
    // the rows with findings in row order: positions from an index of the rows, checked (rebuilt
    // when a row moved), so an edit costs the findings, not the whole sheet
    const rows = sheet.rows;
    let index = this.index.get(sheetId);
    const at = (id: Id) => {
      const i = index!.get(id);
      return i !== undefined && rows[i]?.id === id ? i : -1;
    };
    // the rows of the last list, when still the rows with findings and in this order (an edit that
    // changed findings of rows already listed): no sort
    let order = cached?.order;
    if (!index || !order || !sameOrder(order, st.byRow, at)) {
      const ids = [...st.byRow.keys()];
      if (!index || ids.some((id) => at(id) < 0)) {
        index = new Map(rows.map((r, i) => [r.id, i]));
        this.index.set(sheetId, index);
      }
      const placed = ids.map((id) => ({ id, i: at(id) })).filter((x) => x.i >= 0);
      placed.sort((a, b) => a.i - b.i);
      order = placed.map((x) => x.id);
    }
    const list: Finding[] = [];
    for (const id of order) for (const f of st.byRow.get(id)!) list.push(f);
    for (const f of st.plan) list.push(f);
    this.lists.set(sheetId, { version: this.version, rows: sheet.rows, list, order });
    return list;
  }

  /** Findings on one row of a sheet. */
  ofRow(sheetId: Id, rowId: Id): Finding[] {
    return this.sheets.get(sheetId)?.byRow.get(rowId) ?? [];
  }

  /** Changes whenever findings were recomputed. */
  get stamp(): number {
    return this.version;
  }
}

/**
 * Whether `order` lists exactly the rows having findings (`byRow`'s keys), each still at a valid
 * place (`at` ≥ 0), in increasing places: then it is the sorted order again.
 */
function sameOrder(
  order: readonly Id[],
  byRow: ReadonlyMap<Id, unknown>,
  at: (id: Id) => number,
): boolean {
  if (order.length !== byRow.size) return false;
  let last = -1;
  for (const id of order) {
    const i = byRow.has(id) ? at(id) : -1;
    if (i <= last) return false;
    last = i;
  }
  return true;
}
