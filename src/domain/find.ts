/**
 * Find and filter over a whole plan, off-screen rows included: a query matched against names,
 * units, notes and figures (as typed or as shown, computed sums included), and filters by lead unit, section, findings or
 * changes. Filters only choose which rows are shown: totals stay those of the whole plan.
 */
import { isNumericLeaf, leaves } from './columns';
import { type CellForms, cellFormsOf, cellsOf, formsOf, shownFormsOf } from './findForms';
import { findInTotals, type TotalsReader } from './findTotals';
import { subtreeEnd } from './rows';
import { fold } from './sources';
import type { AppendixSheet, Id, PlanMeta, Row } from './types';
import { unitKey } from './units';

export interface FindHit {
  sheetId: Id;
  rowIndex: number;
  rowId: Id;
  colId: Id;
}

/** How often (in rows) the stepped search lets the caller pause (a step of forms built ~5 ms). */
export const STEP_ROWS = 128;

/** What find reads besides the rows' cells (without them: the typed cells only). */
export interface FindOptions {
  /**
   * A cell's figure as computed (plan's unit): the sums of sections and totals, formulas. A row
   * that is not a project's, or holds a formula, is matched on its computed figures too.
   */
  value?: (sheetId: Id, rowIndex: number, colId: Id) => unknown;
  /** The plan's unit: a sheet shown in another unit (or decimals) is matched as shown too. */
  planUnit?: string;
  /**
   * The computed total rows pinned below a sheet without a total row of its own: their figures
   * are matched as shown, a hit's row index after the sheet's rows (findTotals.ts).
   */
  totals?: TotalsReader;
}

/** Whether a cell's forms match the query (`q` folded, `typed` as typed). */
function matches(f: CellForms, q: string, typed: string): boolean {
  return f.exact.includes(typed) || f.folded.some((x) => x.includes(q));
}

/**
 * The search of `findInPlan` in steps: it yields every hundred-odd rows (the caller may pause
 * there and go on later, the sheets unchanged) and returns the hits, exactly those of one pass.
 */
export function* findSteps(
  sheets: readonly AppendixSheet[],
  query: string,
  opts: FindOptions = {},
): Generator<void, FindHit[], void> {
  const q = fold(query);
  if (!q) return [];
  const typed = query.trim();
  // the joined forms rule rows out only when the query cannot straddle two forms
  const both = q + typed;
  const joined = !both.includes('\0') && !both.includes('\u0001');
  const out: FindHit[] = [];
  const { value } = opts;
  for (const s of sheets) {
    const cols = leaves(s.columns).filter((l) => l.role !== 'rowTotal');
    const shown = shownFormsOf(s, opts.planUnit);
    for (let i = 0; i < s.rows.length; i++) {
      if (i % STEP_ROWS === STEP_ROWS - 1) yield;
      const r = s.rows[i];
      const forms = formsOf(r, shown);
      // a section's or a total's figures (and a formula's) are computed: matched as computed too
      const live = !!value && (r.kind !== 'project' || forms.formula);
      if (
        !live &&
        joined &&
        !forms.folded.includes(q) &&
        !forms.exact.includes(`\u0001${typed}\u0001`)
      )
        continue;
      const cells = cellsOf(r, forms, shown);
      for (const l of cols) {
        const f = cells.get(l.id);
        let hit = !!f && matches(f, q, typed);
        if (!hit && live && isNumericLeaf(l)) {
          const v = value(s.id, i, l.id);
          hit = typeof v === 'number' && matches(cellFormsOf(v, l.id, shown), q, typed);
        }
        if (hit) out.push({ sheetId: s.id, rowIndex: i, rowId: r.id, colId: l.id });
      }
    }
    if (opts.totals)
      for (const h of findInTotals(s, cols, shown, opts.totals, (f) => matches(f, q, typed)))
        out.push({ sheetId: s.id, ...h });
  }
  return out;
}

/** Runs a stepped search to its end (no pause). */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
  }
}

/**
 * Every cell of the sheets whose text (case and diacritics folded) contains the query, or whose
 * figure reads as the query, in sheet and row order. The folded forms are kept per row, so each
 * keystroke after the first costs little.
 */
export function findInPlan(
  sheets: readonly AppendixSheet[],
  query: string,
  opts: FindOptions = {},
): FindHit[] {
  return finish(findSteps(sheets, query, opts));
}

/** The next (or previous) hit after a position, wrapping around. */
export function nextHit(
  hits: readonly FindHit[],
  from: { sheetId: Id; rowIndex: number; colId: Id } | null,
  sheetOrder: readonly Id[],
  back = false,
): FindHit | null {
  if (!hits.length) return null;
  if (!from) return back ? hits[hits.length - 1] : hits[0];
  // from a hit: the one after (or before) it in the list, several hits of a row included
  const k = hits.findIndex(
    (h) => h.sheetId === from.sheetId && h.rowIndex === from.rowIndex && h.colId === from.colId,
  );
  if (k >= 0) return hits[(k + (back ? hits.length - 1 : 1)) % hits.length];
  const pos = (h: { sheetId: Id; rowIndex: number }) => [sheetOrder.indexOf(h.sheetId), h.rowIndex];
  const [fs, fr] = pos(from);
  const at = hits.findIndex((h) => {
    const [s, r] = pos(h);
    return s > fs || (s === fs && (r > fr || (r === fr && h.colId !== from.colId && !back)));
  });
  if (!back) return hits[at < 0 ? 0 : at];
  const before = hits.filter((h) => {
    const [s, r] = pos(h);
    return s < fs || (s === fs && r < fr);
  });
  return before.length ? before[before.length - 1] : hits[hits.length - 1];
}

export interface RowFilter {
  /** Lead units to keep, as any spelling of them (one unit as the units view groups it). */
  units?: string[];
  /** The plan's unit aliases (spellings the user merged under one name, see units.ts). */
  aliases?: PlanMeta['unitAliases'];
  /** Section row ids whose subtree is kept. */
  sections?: Id[];
  /** Row ids with findings to keep. */
  withFindings?: ReadonlySet<Id>;
  /** Row ids changed since a version to keep. */
  changed?: ReadonlySet<Id>;
}

/**
 * Which rows a filter shows: projects that pass every condition, with the sections above them
 * (so the tree stays readable) and every total row. Null when the filter is empty (all rows).
 */
export function filterRows(sheet: AppendixSheet, f: RowFilter): Set<Id> | null {
  const active =
    (f.units?.length ?? 0) +
    (f.sections?.length ?? 0) +
    (f.withFindings ? 1 : 0) +
    (f.changed ? 1 : 0);
  if (!active) return null;
  const rows = sheet.rows;
  const inSection = new Set<number>();
  for (const id of f.sections ?? []) {
    const i = rows.findIndex((r) => r.id === id);
    if (i >= 0) for (let j = i; j < subtreeEnd(rows, i); j++) inSection.add(j);
  }
  const units = new Set((f.units ?? []).map((u) => unitKey(u, f.aliases)));
  // each distinct lead text keyed once (100,000 projects have some dozens of units)
  const keys = new Map<unknown, string>();
  const keyOf = (lead: unknown) => {
    let k = keys.get(lead);
    if (k === undefined) keys.set(lead, (k = unitKey(lead, f.aliases)));
    return k;
  };
  const keep = (r: Row, i: number) =>
    (!units.size || units.has(keyOf(r.cells.lead))) &&
    (!f.sections?.length || inSection.has(i)) &&
    (!f.withFindings || f.withFindings.has(r.id)) &&
    (!f.changed || f.changed.has(r.id));
  const out = new Set<Id>();
  const open: Row[] = []; // the sections above the current row
  rows.forEach((r, i) => {
    while (open.length && open[open.length - 1].level >= r.level) open.pop();
    if (r.kind === 'total') out.add(r.id);
    else if (r.kind === 'section') open.push(r);
    if (r.kind !== 'total' && keep(r, i) && (r.kind === 'project' || f.withFindings?.has(r.id))) {
      out.add(r.id);
      for (const s of open) out.add(s.id);
    }
  });
  return out;
}
