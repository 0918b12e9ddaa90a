/**
 * What the notes below a table can explain: the amounts they state, and the columns whose header
 * points to a note with a marker (`(1)`, `(*)`). A gap is explained by a note only where the table
 * points to it.
 */
import { parseAmount } from './numbers';
import type { ColumnNode, Id } from './types';

/** Whether a figure ending at `end` of a line is a rate: a `%` follows it (spaces allowed). */
function isRate(line: string, end: number): boolean {
  return /^\s*%/.test(line.slice(end, end + 4));
}

/**
 * The figures a note line writes that may be amounts, as written, with where each ends: markers,
 * dates, years and document numbers (`(1)`, `910/QĐ-TTg`, `17/8/2004`) are none, nor rates
 * (`100%`, `30 %`: a share is never a gap of a sum).
 */
export function noteFigures(line: string): { text: string; end: number }[] {
  const out: { text: string; end: number }[] = [];
  for (const m of line.matchAll(/\d[\d.,]*\d|\d/g)) {
    const t = m[0];
    const around = line.slice(Math.max(0, m.index - 1), m.index + t.length + 1);
    if (/\/|^\(.*\)$/.test(around) || /^(19|20)\d\d$/.test(t) || isRate(line, m.index + t.length))
      continue;
    out.push({ text: t, end: m.index + t.length });
  }
  return out;
}

/**
 * Amounts the notes below a table state, and every sum of up to four of them (a total's gap is
 * often several items a note lists), in the table's unit, ×1000 and ÷1000 (notes speak in tỷ or triệu),
 * ×1,000,000 and ×1,000,000,000 (a table in đồng, its notes in triệu or tỷ).
 * Sorted, for a binary search.
 */
export function noteAmounts(footer: readonly string[]): number[] {
  const figures: number[] = [];
  for (const line of footer)
    for (const { text: t } of noteFigures(line)) {
      const ways = new Set(
        [parseAmount(t, 'vi'), parseAmount(t, 'en')].filter(
          (x): x is number => x !== null && x > 0,
        ),
      );
      for (const x of ways) if (figures.length < 16 && !figures.includes(x)) figures.push(x);
    }
  // a total's gap is one to four of the amounts a note lists, never any sum of them all
  const sums = new Set<number>();
  const add = (from: number, sum: number, left: number) => {
    for (let j = from; j < figures.length; j++) {
      sums.add(sum + figures[j]);
      if (left > 1) add(j + 1, sum + figures[j], left - 1);
    }
  };
  add(0, 0, 4);
  return [...sums].flatMap((x) => [x, x * 1000, x / 1000, x * 1e6, x * 1e9]).sort((a, b) => a - b);
}

/** Whether a sorted list holds a value within `tol` of x. */
export function holdsNear(sorted: readonly number[], x: number, tol: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x - tol) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= x + tol;
}

const MARKER = /\(\s*(\d{1,2}|\*{1,3})\s*\)/;

/** Leaves and groups whose header text (or a group's above them) carries a footnote marker. */
export function markedColumns(
  nodes: readonly ColumnNode[],
  above = false,
  out = new Set<Id>(),
): Set<Id> {
  for (const n of nodes) {
    const marked = above || MARKER.test(n.label);
    if (marked) out.add(n.id);
    if (n.kind === 'group') markedColumns(n.children, marked, out);
  }
  return out;
}
