/**
 * How a wide appendix or consolidated appendix prints (printStrips.ts): one page wide while that
 * stays readable, else A4 landscape at one scale in strips of whole years (of a year's sources when
 * a year alone is too wide), the label columns (TT, name) and the header rows repeated on every
 * page.
 *
 * What each strip carries, as an officer reads an official table printed in pieces:
 * - the strips print one after the other, each top to bottom (`downThenOver`): a strip is a whole
 *   table of its years that reads down its pages, and its pages stack behind each other;
 * - the first page of every strip opens with the table's title and its unit line
 *   ("ĐVT: triệu đồng") over that strip's own columns, so no strip's figures are read without their
 *   unit; the issuing body and national motto head the document once, on page 1;
 * - every page repeats the header rows (with the column codes) and the TT and name columns;
 * - the signature block closes the document once: after the last row, on the last strip's
 *   columns, i.e. on the last printed page.
 */
import { groups, leaves } from '../../domain/columns';
import type { ColumnLeaf, ColumnNode } from '../../domain/types';
import { planStrips, type StripPlan, stripRanges } from './printStrips';

/** A sheet's print plan in strips, with the count of label columns repeated on every strip. */
export interface PrintStrips {
  plan: StripPlan;
  /** Leading columns printed on every strip (TT and name). */
  titleCols: number;
  /** Each strip's own columns `[from, to)`, the first from column 0. */
  ranges: [number, number][];
}

/**
 * The strips of an appendix whose header is `header` (leaves `ls`, widths in Excel units): cut
 * before each year group, inside a year before each of its columns when the year is too wide
 * alone. Null when the table prints one page wide (narrow, or nothing to cut at).
 */
export function appendixStrips(
  header: ColumnNode[],
  ls: ColumnLeaf[],
  widths: number[],
): PrintStrips | null {
  const index = new Map(ls.map((l, i) => [l.id, i]));
  const firstOf = (nodes: ColumnNode[]) => {
    const at = leaves(nodes).map((l) => index.get(l.id) ?? -1);
    return at.length ? Math.min(...at) : -1;
  };
  const years = groups(header).filter((g) => g.year !== undefined);
  // years cut the table; without years, its top-level column groups do
  const units = years.length ? years : header.filter((n) => n.kind === 'group');
  const cuts = [...new Set(units.map((g) => firstOf(g.kind === 'group' ? g.children : [g])))]
    .filter((c) => c > 0)
    .sort((a, b) => a - b);
  if (!cuts.length) return null;
  const name = ls.findIndex((l) => l.role === 'name');
  return stripsOf(widths, name >= 0 ? name + 1 : 1, cuts, widths.length);
}

/**
 * The strips of a table with `titles` label columns, whose strips may start at `cuts` (sorted,
 * the first one ends the leading columns) or, when one unit is too wide alone, at any column
 * between the first cut and `fineEnd`.
 */
export function stripsOf(
  widths: number[],
  titles: number,
  cuts: number[],
  fineEnd: number,
  fine?: number[],
): PrintStrips | null {
  const lead = cuts[0];
  const f = fine ?? Array.from({ length: Math.max(0, fineEnd - lead) }, (_, i) => lead + i);
  const plan = planStrips({ widths, titles, lead, cuts, fine: f });
  if (plan.scale === null || !plan.breaks.length) return null;
  return { plan, titleCols: titles, ranges: stripRanges(plan, widths.length) };
}
