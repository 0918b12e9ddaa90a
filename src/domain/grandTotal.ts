/**
 * Whether a grand total (*Tổng cộng*) of a sheet's top-level rows means anything, read from the
 * table's structure and labels as official tables are written, never from its figures (the layout
 * must not change with a value).
 *
 * A total adds parts of one whole: the projects or sectors of a capital plan, the regions of a
 * transfer table, the ministries of a spending table. A balance table (*Cân đối ngân sách*) lists
 * different quantities at its top: revenue (*Tổng thu*), expenditure (*Tổng chi*), the deficit or
 * balance (*Bội chi*, *Cân đối*, *Chênh lệch thu – chi*) and its financing (*Vay bù đắp*, *Vay –
 * trả nợ*); their sum is no figure. So the grand total is not meaningful when a top-level row is a
 * balance, when the top-level rows are both revenue and expenditure, or when a
 * top-level section is itself such a balance (*Ngân sách trung ương*: its revenue, expenditure and
 * borrowing). Everything else keeps its total. The words are read by the one label reader
 * (quantityLabels.ts).
 */
import { addsToTotals } from './formulaForms';
import { labelQuantity, type Quantity } from './quantityLabels';
import type { Row } from './types';

const quantityOf = (r: Row): Quantity => labelQuantity(String(r.cells.name ?? ''));

/** Whether rows of these quantities are different things: a balance, or revenue and expenditure. */
function mixed(qs: Quantity[]): boolean {
  return qs.includes('balance') || (qs.includes('revenue') && qs.includes('expenditure'));
}

/** The direct children of section i that are added into it (no of-which or ratio row). */
function childQuantities(rows: readonly Row[], i: number): Quantity[] {
  const out: Quantity[] = [];
  const level = rows[i].level;
  for (let j = i + 1; j < rows.length && rows[j].level > level; j++)
    if (rows[j].level === level + 1 && !rows[j].part && rows[j].kind !== 'total')
      out.push(quantityOf(rows[j]));
  return out;
}

const cache = new WeakMap<readonly Row[], boolean>();

/**
 * Whether adding a sheet's top-level rows into a grand total is meaningful (see the file's note):
 * false for a balance table, true for the parts of one whole. Cached per version of the rows.
 */
export function grandTotalMeaningful(rows: readonly Row[]): boolean {
  const hit = cache.get(rows);
  if (hit !== undefined) return hit;
  const tops: Quantity[] = [];
  let meaningful = true;
  for (let i = 0; i < rows.length && meaningful; i++) {
    if (!addsToTotals(rows[i])) continue;
    tops.push(quantityOf(rows[i]));
    if (rows[i].kind === 'section' && mixed(childQuantities(rows, i))) meaningful = false;
  }
  if (meaningful && mixed(tops)) meaningful = false;
  cache.set(rows, meaningful);
  return meaningful;
}

/** Whether a row's change can change `grandTotalMeaningful`: at the top two levels, a new label or place. */
function mayChangeReading(a: Row | null | undefined, b: Row | null | undefined): boolean {
  if (!a || !b) return true;
  if (a.level > 1 && b.level > 1) return false;
  return (
    a.level !== b.level ||
    a.kind !== b.kind ||
    a.part !== b.part ||
    String(a.cells.name ?? '') !== String(b.cells.name ?? '')
  );
}

/**
 * After a step that changed only the `changed` rows of a sheet (same rows in the same order):
 * whether the grand total's meaning changed (a top-level label renamed to `Bội chi`, or back).
 * A step that keeps every top-level label and place carries the reading before (a figure typed in
 * a plan of 100,000 projects reads no label).
 */
export function grandTotalChanged(
  before: readonly Row[],
  after: readonly Row[],
  changed: readonly { before?: Row | null; after?: Row | null }[],
): boolean {
  if (before === after) return false;
  if (!changed.some((c) => mayChangeReading(c.before, c.after))) {
    const hit = cache.get(before);
    if (hit !== undefined && !cache.has(after)) cache.set(after, hit);
    return false;
  }
  return grandTotalMeaningful(before) !== grandTotalMeaningful(after);
}
