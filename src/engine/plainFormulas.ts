/**
 * The formulas the layout gives the engine (layout.ts derivedCells, totals.ts totalsContents), as
 * data instead of text: which cells each `SUM(…)` adds (single cells and one-row or one-column
 * ranges, in the order written) and which cells a column rule adds or subtracts. PlainValues
 * evaluates these directly (no formula text built and parsed back); `formulaText` renders one as
 * the layout writes it, so a test holds the two to the same content, cell for cell.
 */
import { childRows, sumsInComputedTotal, topRows } from '../domain/formulaForms';
import { totalRowTerms, type TotalTerms } from '../domain/totals';
import type { Row } from '../domain/types';
import { a1, oneRun, type SheetLayout } from './layout';
import type { TotalsLayout } from './totals';

/** The data sheet (0) or the totals sheet (1) of an appendix. */
export type PlainSheetNo = 0 | 1;

/** One argument of a SUM: a cell (`r1`/`c1` absent) or a one-row or one-column range. */
export interface SumArg {
  sheet: PlainSheetNo;
  r0: number;
  c0: number;
  r1?: number;
  c1?: number;
}

/** A formula the layout writes: a SUM of arguments, or `±A±B…` (one plain term: a reference). */
export type PlainFormula =
  { sum: SumArg[] } | { terms: { sign: 1 | -1; row: number; col: number }[] };

/** What a derived cell holds: a constant, a formula, or blank. */
export type PlainContent = number | PlainFormula | null;

/** Contiguous runs of ascending indexes, as `[first, last]`. */
function runs(xs: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < xs.length) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j] + 1) j++;
    out.push([xs[i], xs[j]]);
    i = j + 1;
  }
  return out;
}

/** The listed columns of one row, contiguous runs as ranges (as layout.ts rowRanges). */
export function rowArgs(cols: readonly number[], row: number, sheet: PlainSheetNo): SumArg[] {
  return runs(cols).map(([a, b]) =>
    a === b ? { sheet, r0: row, c0: a } : { sheet, r0: row, c0: a, r1: row, c1: b },
  );
}

/** Column c at the listed rows, contiguous runs as ranges (as layout.ts columnRanges). */
export function columnArgs(c: number, rowIdx: readonly number[], sheet: PlainSheetNo): SumArg[] {
  return runArgs(c, runs(rowIdx), sheet);
}

/** Column c over runs of rows (`[first, last]`), each a cell or a range. */
function runArgs(c: number, rs: readonly [number, number][], sheet: PlainSheetNo): SumArg[] {
  return rs.map(([a, b]) =>
    a === b ? { sheet, r0: a, c0: c } : { sheet, r0: a, c0: c, r1: b, c1: c },
  );
}

/** A total row's cell over its terms (as layout.ts totalTermsFormula). */
function totalTerms(l: SheetLayout, t: TotalTerms): PlainContent {
  const cols = t.cols
    .flatMap((id) => (l.col.has(id) ? [l.col.get(id)!] : []))
    .sort((a, b) => a - b);
  if (!cols.length || !t.rows.length) return null;
  if (t.rows.length === 1) return { sum: rowArgs(cols, t.rows[0], 0) };
  return { sum: cols.flatMap((c) => columnArgs(c, t.rows, 0)) };
}

/**
 * The derived cells of data row i (as layout.ts derivedCells), keyed by engine column; a later
 * entry overrides an earlier one as there.
 */
export function plainDerived(
  l: SheetLayout,
  rows: readonly Row[],
  i: number,
  segments: Map<number, number[]>,
): Map<number, PlainContent> {
  const r = rows[i];
  const out = new Map<number, PlainContent>();
  out.set(l.flagCol, r.kind === 'project' ? 1 : 0);
  if (r.kind === 'section') {
    const children = childRows(rows, i);
    // the children's runs found once, for every column (as columnArgs)
    const rs = runs(children);
    for (const c of l.numericCols)
      out.set(
        c,
        children.length
          ? { sum: runArgs(c, rs, 0) }
          : typeof r.cells[l.leaves[c].id] === 'number'
            ? { terms: [{ sign: 1, row: i, col: l.statedCol.get(l.leaves[c].id)! }] }
            : null,
      );
  }
  if (r.kind === 'total')
    for (const [key, t] of totalRowTerms(l.totals, rows, i, segments)) {
      const c = l.col.get(key);
      if (c !== undefined) out.set(c, totalTerms(l, t));
    }
  if (l.rowTotalCol !== undefined)
    out.set(
      l.rowTotalCol,
      // cells, not a range, when the columns are one run (as layout.ts rowTotalFormula)
      !l.amountCols.length
        ? null
        : oneRun(l.amountCols)
          ? { sum: l.amountCols.map((c) => ({ sheet: 0, r0: i, c0: c })) }
          : { sum: rowArgs(l.amountCols, i, 0) },
    );
  for (const rule of l.rules)
    out.set(rule.col, { terms: rule.terms.map((t) => ({ sign: t.sign, row: i, col: t.col })) });
  return out;
}

/** The totals sheet (as totals.ts totalsContents): its cells read the data sheet's top rows. */
export function plainTotals(
  l: SheetLayout,
  t: TotalsLayout,
  rows: readonly Row[],
): PlainContent[][] {
  const top = topRows(rows);
  const sum = (c: number): PlainContent => (top.length ? { sum: columnArgs(c, top, 0) } : 0);
  return t.rows.map((source, r) => {
    const row: PlainContent[] = new Array(t.width).fill(null);
    const mine = l.amountCols.filter((c) => source === null || l.leaves[c].source === source);
    l.leaves.forEach((leaf, c) => {
      if (sumsInComputedTotal(leaf, source)) row[c] = sum(c);
    });
    if (l.rowTotalCol !== undefined) {
      row[l.rowTotalCol] = mine.length ? { sum: rowArgs(mine, r, 1) } : 0;
    }
    for (const y of l.years) {
      const cols = y.cols.filter((c) => mine.includes(c));
      row[t.yearCol.get(y.id)!] = cols.length ? { sum: rowArgs(cols, r, 1) } : null;
    }
    return row;
  });
}

/**
 * A content as the layout writes it for the engine (`data` names the data sheet from the totals
 * sheet): for tests that hold this module to layout.ts and totals.ts.
 */
export function formulaText(content: PlainContent, from: PlainSheetNo, data: string): unknown {
  if (content === null || typeof content === 'number') return content;
  if ('terms' in content)
    return `=${content.terms
      .map((t, k) => `${t.sign < 0 ? '-' : k ? '+' : ''}${a1(t.col, t.row)}`)
      .join('')}`;
  const args = content.sum.map((a) => {
    const prefix = a.sheet !== from ? `'${data.replace(/'/g, "''")}'!` : '';
    const start = `${prefix}${a1(a.c0, a.r0)}`;
    return a.r1 === undefined ? start : `${start}:${a1(a.c1!, a.r1)}`;
  });
  return `=SUM(${args.join(',')})`;
}
