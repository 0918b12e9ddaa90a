/** Live findings of a workbook: computed once on load, then only for the rows an edit changed. */
import { carryBalances } from '../domain/balanceRows';
import { carryContext, sheetContext } from '../domain/checkContext';
import { type Finding, planFindings, rowChecker, rowFindings } from '../domain/checks';
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

export class CheckStore {
  private sheets = new Map<Id, SheetFindings>();
  private version = 0;
  /** The last list built per sheet, valid while nothing was recomputed (the view asks on every render). */
  private lists = new Map<Id, { version: number; rows: readonly unknown[]; list: Finding[] }>();
  /** Position of each row id, per sheet (checked on use: rows move). */
  private index = new Map<Id, Map<Id, number>>();

  /** Recomputes every finding of every sheet. */
  full(wb: Workbook, engine: PlanEngine): void {
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
    if (patches.some((p) => p.structure)) return this.full(wb, engine);
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
      for (const i of rows) {
        const r = sheet.rows[i];
        if (!r) continue;
        const f = rowFindings(sheet, i, v);
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
    const ids = [...st.byRow.keys()];
    if (!index || ids.some((id) => at(id) < 0)) {
      index = new Map(rows.map((r, i) => [r.id, i]));
      this.index.set(sheetId, index);
    }
    const placed = ids.map((id) => ({ id, i: at(id) })).filter((x) => x.i >= 0);
    placed.sort((a, b) => a.i - b.i);
    const out: Finding[] = [];
    for (const { id } of placed) out.push(...st.byRow.get(id)!);
    const list = [...out, ...st.plan];
    this.lists.set(sheetId, { version: this.version, rows: sheet.rows, list });
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
