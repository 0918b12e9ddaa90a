/**
 * Find and filter over a whole plan, off-screen rows included: a query matched against names,
 * units, notes and figures (as typed or as shown), and filters by lead unit, section, findings or
 * changes. Filters only choose which rows are shown: totals stay those of the whole plan.
 */
import { leaves } from './columns';
import { formatAmount } from './numbers';
import { subtreeEnd } from './rows';
import { fold } from './sources';
import type { AppendixSheet, Id, Row } from './types';

export interface FindHit {
  sheetId: Id;
  rowIndex: number;
  rowId: Id;
  colId: Id;
}

/** A figure as the user might type it: `61600`, `61.600` (Vietnamese), `61,600` (English). */
function figureForms(x: number): string[] {
  return [String(x), formatAmount(x, 'vi'), formatAmount(x, 'en')];
}

/** A cell's searchable forms: a figure as typed in each style, and every form folded. */
interface CellForms {
  exact: string[];
  folded: string[];
}

/** Forms per row object (rows are immutable: an edited row is a new object). */
const formsCache = new WeakMap<Row, Map<Id, CellForms>>();

function formsOf(r: Row): Map<Id, CellForms> {
  let m = formsCache.get(r);
  if (m) return m;
  m = new Map();
  for (const [k, v] of Object.entries(r.cells)) {
    if (v === null || v === undefined || v === '') continue;
    const exact = typeof v === 'number' ? figureForms(v) : [v];
    m.set(k, { exact: typeof v === 'number' ? exact : [], folded: exact.map(fold) });
  }
  formsCache.set(r, m);
  return m;
}

/**
 * Every cell of the sheets whose text (case and diacritics folded) contains the query, or whose
 * figure reads as the query, in sheet and row order. The folded forms are kept per row, so each
 * keystroke after the first costs little.
 */
export function findInPlan(sheets: readonly AppendixSheet[], query: string): FindHit[] {
  const q = fold(query);
  if (!q) return [];
  const typed = query.trim();
  const out: FindHit[] = [];
  for (const s of sheets) {
    const cols = leaves(s.columns).filter((l) => l.role !== 'rowTotal');
    s.rows.forEach((r, i) => {
      const forms = formsOf(r);
      for (const l of cols) {
        const f = forms.get(l.id);
        if (!f) continue;
        if (f.exact.includes(typed) || f.folded.some((x) => x.includes(q)))
          out.push({ sheetId: s.id, rowIndex: i, rowId: r.id, colId: l.id });
      }
    });
  }
  return out;
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
  /** Lead units (folded spelling) to keep. */
  units?: string[];
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
  const units = new Set((f.units ?? []).map(fold));
  const keep = (r: Row, i: number) =>
    (!units.size || units.has(fold(String(r.cells.lead ?? '')))) &&
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
