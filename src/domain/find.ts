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

/**
 * A row's forms joined (folded ones apart by NUL, exact ones between SOH): one `includes` tells
 * whether any cell of the row can match, so only those rows are looked at cell by cell. Only
 * these two strings are kept per row (100,000 rows of per-cell maps kept the collector busy for
 * hundreds of milliseconds while the query was typed); the cells' forms are read back from them.
 */
interface RowForms {
  folded: string;
  exact: string;
}

/** Forms per row object (rows are immutable: an edited row is a new object). */
const formsCache = new WeakMap<Row, RowForms>();

/** The row's non-empty cells in the order of its keys. */
function filled(r: Row): [Id, string | number][] {
  const out: [Id, string | number][] = [];
  for (const [k, v] of Object.entries(r.cells))
    if (v !== null && v !== undefined && v !== '') out.push([k, v as string | number]);
  return out;
}

function cellFormsOf(v: string | number): CellForms {
  const exact = typeof v === 'number' ? figureForms(v) : [v];
  return { exact: typeof v === 'number' ? exact : [], folded: exact.map(fold) };
}

function formsOf(r: Row): RowForms {
  let m = formsCache.get(r);
  if (m) return m;
  let folded = '';
  let exact = '\u0001';
  let first = true;
  let firstExact = true;
  for (const [, v] of filled(r)) {
    const f = cellFormsOf(v);
    for (const x of f.folded) {
      folded += first ? x : `\0${x}`;
      first = false;
    }
    for (const x of f.exact) {
      exact += firstExact ? x : `\u0001${x}`;
      firstExact = false;
    }
  }
  m = { folded, exact: `${exact}\u0001` };
  formsCache.set(r, m);
  return m;
}

/**
 * The forms of a row's cells by column, read back from its joined forms (split where no cell
 * text holds a separator, else built again).
 */
function cellsOf(r: Row, forms: RowForms): Map<Id, CellForms> {
  const cells = filled(r);
  const out = new Map<Id, CellForms>();
  const fparts = forms.folded.split('\0');
  const eparts = forms.exact.slice(1, -1).split('\u0001');
  let nf = 0;
  let ne = 0;
  for (const [, v] of cells) {
    nf += typeof v === 'number' ? 3 : 1;
    ne += typeof v === 'number' ? 3 : 0;
  }
  if (fparts.length !== nf || (ne > 0 && eparts.length !== ne)) {
    for (const [k, v] of cells) out.set(k, cellFormsOf(v));
    return out;
  }
  let fi = 0;
  let ei = 0;
  for (const [k, v] of cells) {
    const n = typeof v === 'number' ? 3 : 1;
    const exact = typeof v === 'number' ? eparts.slice(ei, (ei += 3)) : [];
    out.set(k, { exact, folded: fparts.slice(fi, (fi += n)) });
  }
  return out;
}

/** How often (in rows) the stepped search lets the caller pause (a step of forms built ~5 ms). */
export const STEP_ROWS = 128;

/**
 * The search of `findInPlan` in steps: it yields every hundred-odd rows (the caller may pause
 * there and go on later, the sheets unchanged) and returns the hits, exactly those of one pass.
 */
export function* findSteps(
  sheets: readonly AppendixSheet[],
  query: string,
): Generator<void, FindHit[], void> {
  const q = fold(query);
  if (!q) return [];
  const typed = query.trim();
  // the joined forms rule rows out only when the query cannot straddle two forms
  const both = q + typed;
  const joined = !both.includes('\0') && !both.includes('\u0001');
  const out: FindHit[] = [];
  for (const s of sheets) {
    const cols = leaves(s.columns).filter((l) => l.role !== 'rowTotal');
    for (let i = 0; i < s.rows.length; i++) {
      if (i % STEP_ROWS === STEP_ROWS - 1) yield;
      const r = s.rows[i];
      const forms = formsOf(r);
      if (joined && !forms.folded.includes(q) && !forms.exact.includes(`\u0001${typed}\u0001`))
        continue;
      const cells = cellsOf(r, forms);
      for (const l of cols) {
        const f = cells.get(l.id);
        if (!f) continue;
        if (f.exact.includes(typed) || f.folded.some((x) => x.includes(q)))
          out.push({ sheetId: s.id, rowIndex: i, rowId: r.id, colId: l.id });
      }
    }
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
export function findInPlan(sheets: readonly AppendixSheet[], query: string): FindHit[] {
  return finish(findSteps(sheets, query));
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
