/** Frozen copy of src/domain/compare.ts before the 100,000-project speed work (oracle for compareFast.test.ts only). */
/**
 * Comparing two versions of a plan (revisions, or files a department sent): projects matched, added
 * and removed, split and merged; every changed cell of matched projects (amounts per year and
 * source, other cells with neither); metadata changes; and the net effect on the plan's total.
 * Amounts are in the plan's unit; a blank amount counts as 0; equality has the amounts' tolerance.
 * Row ids pair projects only when both sides share an identity (`sharesIdentity`).
 */
import { pairColumns } from '../../../src/domain/compareColumns';
import { moveFormulaRows } from '../../../src/domain/formulaShift';
import {
  type Match,
  type MatchOverrides,
  matchProjects,
  type ProjectRef,
  projectRefs,
} from './match';
import { findGroups, type ProjectGroup } from './matchGroups';
import { movedTest } from '../../../src/domain/moved';
import { nameChange } from '../../../src/domain/nameSpelling';
import { amountsEqual } from '../../../src/domain/numbers';
import type {
  AppendixSheet,
  CellInput,
  ColumnLeaf,
  ColumnNode,
  Workbook,
} from '../../../src/domain/types';
import { appendAll } from '../../../src/domain/arrays';

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
  renamed: boolean;
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
  amounts: Map<ProjectRef, number[]>;
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

// column pairing (h146, not speed work: repeated labels told apart by their header path), as
// compareColumns.ts has it
export { pairColumns };

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
    amounts: new Map(),
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
    const refsA = pair.a ? projectRefs(pair.a) : [];
    const refsB = pair.b ? projectRefs(pair.b) : [];
    const figures = figureCols === amountCols ? out.amounts : new Map<ProjectRef, number[]>();
    for (const [s, refs, side] of [
      [a, refsA, 'a'],
      [b, refsB, 'b'],
    ] as const) {
      const read = (cols: ComparedColumn[]) => {
        const ids = cols.map((c) => c[side]?.id);
        return (p: ProjectRef) =>
          ids.map((id) => (id ? (s.value(p.sheetId, p.index, id) ?? 0) : 0));
      };
      const amountsOf = read(amountCols);
      const figuresOf = figureCols === amountCols ? null : read(figureCols);
      for (const p of refs) {
        out.amounts.set(p, amountsOf(p));
        if (figuresOf) figures.set(p, figuresOf(p));
      }
    }
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
    for (const match of m.matched) {
      // the pair becomes a compared project in place (10,000 pairs: no copies)
      const mp = match as MatchedProject;
      // what a name change is, is the domain's rule (not a matter of speed): shared, not frozen
      const spelling = nameChange(match.a.row.cells.name, match.b.row.cells.name);
      mp.renamed = spelling === 'renamed';
      mp.respelled = spelling === 'respelled';
      mp.moved = moved(match);
      out.matched.push(mp);
      const va = amounts(match.a);
      const vb = amounts(match.b);
      amountCols.forEach((column, k) => {
        out.totals.before += va[k];
        out.totals.after += vb[k];
        if (vb[k] > va[k]) out.totals.increase += vb[k] - va[k];
        else out.totals.decrease += va[k] - vb[k];
        const d = cellDiff(match, column, va[k], vb[k]);
        if (d) out.changes.push(d);
      });
      for (const column of others) {
        const d = cellDiff(match, column, 0, 0);
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
