/**
 * Comparing two versions of a plan (revisions, or files a department sent): projects matched, added
 * and removed, split and merged; every changed cell of matched projects (amounts per year and
 * source, other cells with neither); metadata changes; and the net effect on the plan's total.
 * Amounts are in the plan's unit; a blank amount counts as 0; equality has the amounts' tolerance.
 * Row ids pair projects only when both sides share an identity (`sharesIdentity`).
 */
import { leaves } from './columns';
import { moveFormulaRows } from './formulaShift';
import {
  type Match,
  type MatchOverrides,
  matchProjects,
  type ProjectRef,
  keptProjectRefs,
} from './match';
import { cellsOf, memoised } from './refsMemo';
import { FigureTable, readFigures } from './figures';
import { findGroups, type ProjectGroup } from './matchGroups';
import { movedTest } from './moved';
import { nameChange } from './nameSpelling';
import { amountsEqual } from './numbers';
import type { AppendixSheet, CellInput, ColumnLeaf, ColumnNode, Workbook } from './types';
import { appendAll } from './arrays';

/** One side of a comparison: a workbook and the computed value of its cells. */
export interface Side {
  label: string;
  workbook: Workbook;
  /** Computed value of a cell (a formula's result); null when blank or not a number. */
  value: (sheetId: string, row: number, colId: string) => number | null;
  /**
   * Whose row ids this side's rows carry: a workbook's id for its current state and saved
   * revisions, the lineage a `.planbook` file or a re-read export names. Absent for a table read
   * from a file (its reader numbered the rows: they identify nothing).
   */
  identity?: string;
  /**
   * Every value is the cell as typed (a finite number, else null): no formula to compute, so the
   * comparison reads the cells directly (a 100,000-project revision: no call per cell).
   */
  typed?: boolean;
}

/** Whether row ids pair projects: only between versions of one workbook. */
export function sharesIdentity(a: Side, b: Side): boolean {
  return !!a.identity && a.identity === b.identity;
}

/** A compared column: amounts by year and source, other cells by role (or label). */
export interface ComparedColumn {
  key: string;
  year: number | null;
  source: string | null;
  /** The header as it reads (group labels, then the column's). */
  label: string;
  amount: boolean;
  a?: ColumnLeaf;
  b?: ColumnLeaf;
}

export interface CellDiff {
  match: Match;
  column: ComparedColumn;
  before: number | string | null;
  after: number | string | null;
  kind: 'value' | 'formula';
}

export interface MatchedProject extends Match {
  /** Named otherwise (`nameChange`: more than case, diacritics or spacing differ). */
  renamed: boolean;
  /** The same name spelled otherwise (only case or diacritics differ): shown, not a rename. */
  respelled: boolean;
  /** Now under other sections. */
  moved: boolean;
}

export interface MetaDiff {
  field: string;
  before: string;
  after: string;
}

export interface Comparison {
  a: string;
  b: string;
  /** Each project's amounts (0 for blank), in the order of its sheet pair's amount columns. */
  amounts: FigureTable;
  /** Sheets paired by id, name, then position; a sheet without a partner has only added/removed projects. */
  sheets: { a?: AppendixSheet; b?: AppendixSheet; columns: ComparedColumn[] }[];
  matched: MatchedProject[];
  added: ProjectRef[];
  removed: ProjectRef[];
  /** Splits and merges proposed (their members are in none of matched, added, removed). */
  groups: ProjectGroup[];
  changes: CellDiff[];
  meta: MetaDiff[];
  totals: { before: number; after: number; increase: number; decrease: number };
}

/** Header path of every leaf, outermost label first. */
export function leafPaths(nodes: ColumnNode[], above: string[] = []): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of nodes) {
    const path = [...above, n.label.trim()].filter(Boolean);
    if (n.kind === 'leaf') out.set(n.id, path);
    else for (const [k, v] of leafPaths(n.children, path)) out.set(k, v);
  }
  return out;
}

const COMPARED_ROLES = new Set(['stated', 'lead', 'coord', 'notes', 'text', 'value', 'amount']);

function columnKey(l: ColumnLeaf): string {
  if (l.role === 'amount') return `amount|${l.year ?? ''}|${l.source ?? ''}`;
  if (l.role === 'text' || l.role === 'value') return `${l.role}|${l.label.trim().toLowerCase()}`;
  return l.role;
}

/** The columns two sheets share or have alone, in a's order then b's new ones. */
export function pairColumns(a?: AppendixSheet, b?: AppendixSheet): ComparedColumn[] {
  const out = new Map<string, ComparedColumn>();
  for (const [side, sheet] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (!sheet) continue;
    const paths = leafPaths(sheet.columns);
    for (const l of leaves(sheet.columns)) {
      if (!COMPARED_ROLES.has(l.role)) continue;
      const key = columnKey(l);
      const c = out.get(key) ?? {
        key,
        year: l.role === 'amount' ? (l.year ?? null) : null,
        source: l.role === 'amount' ? (l.source ?? null) : null,
        label: (paths.get(l.id) ?? [l.label]).join(' / '),
        amount: l.role === 'amount',
      };
      c[side] = l;
      out.set(key, c);
    }
  }
  return [...out.values()];
}

function pairSheets(
  a: AppendixSheet[],
  b: AppendixSheet[],
): { a?: AppendixSheet; b?: AppendixSheet }[] {
  const pairs: { a?: AppendixSheet; b?: AppendixSheet }[] = [];
  const restB = new Set(b);
  const restA: AppendixSheet[] = [];
  for (const x of a) {
    const y = [...restB].find((s) => s.id === x.id) ?? [...restB].find((s) => s.name === x.name);
    if (y) {
      pairs.push({ a: x, b: y });
      restB.delete(y);
    } else restA.push(x);
  }
  for (const x of restA) {
    const y = [...restB][0];
    if (y) restB.delete(y);
    pairs.push({ a: x, b: y });
  }
  for (const y of restB) pairs.push({ b: y });
  return pairs;
}

/** No column on this side: every project's cell absent. */
const NONE: readonly undefined[] = [];

/** The row both formulas of a pair are moved to before comparing them. */
const SAME_ROW = 500_000;

const isFormula = (v: CellInput | undefined): v is string =>
  typeof v === 'string' && v.startsWith('=');

const text = (v: CellInput | undefined): string | number | null =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
    ? null
    : typeof v === 'string'
      ? v.replace(/\s+/g, ' ').trim()
      : v;

function same(x: string | number | null, y: string | number | null): boolean {
  if (typeof x === 'number' && typeof y === 'number') return amountsEqual(x, y);
  return x === y;
}

/** Compares side a (before) with side b (after). */
export function compare(a: Side, b: Side, overrides: MatchOverrides = {}): Comparison {
  const out: Comparison = {
    a: a.label,
    b: b.label,
    amounts: new FigureTable(),
    sheets: [],
    matched: [],
    added: [],
    removed: [],
    groups: [],
    changes: [],
    meta: metaDiffs(a.workbook, b.workbook),
    totals: { before: 0, after: 0, increase: 0, decrease: 0 },
  };
  const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);
  const ids = sharesIdentity(a, b);
  const confirmed = new Set(overrides.confirmed ?? []);
  const refused = new Set(overrides.ungrouped ?? []);
  for (const pair of pairSheets(a.workbook.sheets, b.workbook.sheets)) {
    const columns = pairColumns(pair.a, pair.b);
    out.sheets.push({ ...pair, columns });
    const amountCols = columns.filter((c) => c.amount);
    const others = columns.filter((c) => !c.amount);
    // what matching weighs and groups add up: the amounts, or a table's numeric columns
    const figureCols = amountCols.length
      ? amountCols
      : others.filter((c) => c.a?.role === 'value' || c.b?.role === 'value');
    // each sheet's projects as kept for the next comparison (never changed here)
    const refsA = pair.a ? keptProjectRefs(pair.a) : [];
    const refsB = pair.b ? keptProjectRefs(pair.b) : [];
    const figures = figureCols === amountCols ? out.amounts : new FigureTable();
    // each side's figures read once, into one block per sheet (no array per project)
    const sides = (
      [
        [a, refsA, 'a', pair.a],
        [b, refsB, 'b', pair.b],
      ] as const
    ).map(([s, refs, side, sheet]) => {
      const read = (cols: ComparedColumn[]) => {
        const ids = cols.map((c) => c[side]?.id);
        const rows = sheet?.rows.length ?? 0;
        const made = () =>
          readFigures(refs, rows, ids, !!s.typed, (sheetId, row, colId) =>
            s.value(sheetId, row, colId),
          );
        // cells as typed are the rows' own (kept with their list); computed values are the engine's
        return s.typed
          ? memoised(
              refs,
              `figures ${rows} ${ids.map((id) => id ?? '\u0000').join('\u0001')}`,
              made,
            )
          : made();
      };
      const block = read(amountCols);
      out.amounts.blocks.push(block);
      if (figures !== out.amounts) figures.blocks.push(read(figureCols));
      return block;
    });
    const m = matchProjects(refsA, refsB, overrides, { ids, figures });
    const groups = findGroups(m, figures, refused, confirmed);
    appendAll(out.groups, groups);
    const amounts = (p: ProjectRef) => out.amounts.get(p)!;
    for (const p of m.removed) {
      const v = sum(amounts(p));
      out.totals.before += v;
      out.totals.decrease += v;
    }
    for (const p of m.added) {
      const v = sum(amounts(p));
      out.totals.after += v;
      out.totals.increase += v;
    }
    for (const g of groups)
      amountCols.forEach((_, k) => {
        const va = g.a.reduce((t, p) => t + amounts(p)[k], 0);
        const vb = g.b.reduce((t, p) => t + amounts(p)[k], 0);
        out.totals.before += va;
        out.totals.after += vb;
        if (vb > va) out.totals.increase += vb - va;
        else out.totals.decrease += va - vb;
      });
    appendAll(out.added, m.added);
    appendAll(out.removed, m.removed);
    const moved = movedTest(refsA, refsB, m.matched);
    const totals = out.totals;
    const amountA = amountCols.map((c) => c.a?.id);
    const amountB = amountCols.map((c) => c.b?.id);
    const [fa, fb] = sides;
    const w = amountCols.length;
    // both sides as typed: a cell changed exactly when its amounts differ (no raw cell to read)
    const raw = !(a.typed && b.typed);
    // raw cells by row index, kept with each side's list (none to read: undefined, as a blank)
    const rowsA = pair.a?.rows.length ?? 0;
    const rowsB = pair.b?.rows.length ?? 0;
    const cellsA = (id: string | undefined) => (id ? cellsOf(refsA, rowsA, id) : NONE);
    const cellsB = (id: string | undefined) => (id ? cellsOf(refsB, rowsB, id) : NONE);
    const rawA = raw ? amountA.map(cellsA) : [];
    const rawB = raw ? amountB.map(cellsB) : [];
    const otherA = others.map((c) => cellsA(c.a?.id));
    const otherB = others.map((c) => cellsB(c.b?.id));
    for (const pair of m.matched) {
      // the compared project made whole at once (one shape for 100,000 pairs: no fields added
      // late); a name in capitals or without diacritics is the same name respelled, not a rename
      // one name's forms (the same token list): the same name as written, no cell read
      const spelling =
        pair.a.tokens === pair.b.tokens
          ? 'same'
          : nameChange(pair.a.row.cells.name, pair.b.row.cells.name);
      const match: MatchedProject = {
        a: pair.a,
        b: pair.b,
        by: pair.by,
        score: pair.score,
        ambiguous: pair.ambiguous,
        confidence: pair.confidence,
        reasons: pair.reasons,
        doubtful: pair.doubtful,
        renamed: spelling === 'renamed',
        respelled: spelling === 'respelled',
        moved: moved(pair),
      };
      out.matched.push(match);
      const va = fa.values;
      const vb = fb.values;
      const ia = match.a.index * w;
      const ib = match.b.index * w;
      const ja = match.a.index;
      const jb = match.b.index;
      for (let k = 0; k < w; k++) {
        const x = va[ia + k];
        const y = vb[ib + k];
        totals.before += x;
        totals.after += y;
        const ra = raw ? rawA[k][ja] : undefined;
        const rb = raw ? rawB[k][jb] : undefined;
        // the same amount from the same cell (most cells of a revision): nothing to add or note
        if (x === y && ra === rb && Number.isFinite(x) && !isFormula(ra)) continue;
        if (y > x) totals.increase += y - x;
        else totals.decrease += x - y;
        // the common case first: the same typed amount (a diff entry only for a changed cell)
        if (ra === rb && !isFormula(ra)) {
          if (!amountsEqual(x, y))
            out.changes.push({ match, column: amountCols[k], before: x, after: y, kind: 'value' });
          continue;
        }
        const d = cellDiff(match, amountCols[k], x, y);
        if (d) out.changes.push(d);
      }
      for (let k = 0; k < others.length; k++) {
        // the same raw content is no change (what cellDiff finds first)
        const ra = otherA[k][ja];
        if (ra === otherB[k][jb] && !isFormula(ra)) continue;
        const d = cellDiff(match, others[k], 0, 0);
        if (d) out.changes.push(d);
      }
    }
  }
  // changes in column order, as a reader scans each project's row
  const order = new Map(out.sheets.flatMap((s) => s.columns).map((c, i) => [c, i]));
  out.changes.sort(
    (x, y) =>
      x.match.b.index - y.match.b.index || (order.get(x.column) ?? 0) - (order.get(y.column) ?? 0),
  );
  return out;
}

/** The change of one cell of a matched pair (va, vb: computed amounts), or null. */
function cellDiff(match: Match, column: ComparedColumn, va: number, vb: number): CellDiff | null {
  const ra = column.a ? match.a.row.cells[column.a.id] : undefined;
  const rb = column.b ? match.b.row.cells[column.b.id] : undefined;
  // the common case: the same raw content (for a typed amount, the same value)
  if (ra === rb && !isFormula(ra))
    return column.amount && !amountsEqual(va, vb)
      ? { match, column, before: va, after: vb, kind: 'value' }
      : null;
  if (isFormula(ra) || isFormula(rb)) {
    // formulas are compared as if both stood on one row (a moved row's references move with it)
    const na = isFormula(ra) ? moveFormulaRows(ra, SAME_ROW - match.a.index) : text(ra);
    const nb = isFormula(rb) ? moveFormulaRows(rb, SAME_ROW - match.b.index) : text(rb);
    if (na !== nb) return { match, column, before: text(ra), after: text(rb), kind: 'formula' };
    if (!column.amount) return null;
  }
  if (column.amount)
    return amountsEqual(va, vb) ? null : { match, column, before: va, after: vb, kind: 'value' };
  const ta = text(ra);
  const tb = text(rb);
  return same(ta, tb) ? null : { match, column, before: ta, after: tb, kind: 'value' };
}

function metaDiffs(a: Workbook, b: Workbook): MetaDiff[] {
  const fields: [string, (w: Workbook) => string][] = [
    ['title', (w) => w.meta.title],
    ['issuingBody', (w) => w.meta.issuingBody],
    ['docNumber', (w) => w.meta.docNumber],
    ['docDate', (w) => w.meta.docDate],
    ['unit', (w) => w.meta.unit],
    ['years', (w) => w.meta.years.join(', ')],
    ['sources', (w) => w.meta.sources.map((s) => s.code).join(', ')],
  ];
  return fields
    .map(([field, f]) => ({ field, before: f(a).trim(), after: f(b).trim() }))
    .filter((d) => d.before !== d.after);
}
