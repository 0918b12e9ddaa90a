/**
 * The data sheet's row operations: HyperFormula's rows removed, moved and added to take the sheet
 * from one row order to the next (the orders' common start and end passed over).
 */
import type { HyperFormula } from 'hyperformula';
import type { Id } from '../domain/types';

/** Rows two orders share at their start (`head`) and at their end (`tail`), not overlapping. */
export function commonEnds(
  before: readonly Id[],
  after: readonly Id[],
): { head: number; tail: number } {
  let head = 0;
  const most = Math.min(before.length, after.length);
  while (head < most && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < most - head && before[before.length - 1 - tail] === after[after.length - 1 - tail])
    tail++;
  return { head, tail };
}

/** Index runs `[start, count]` of a sorted list of indexes. */
export function runs(indexes: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indexes) {
    const last = out.at(-1);
    if (last && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}

/**
 * Row operations taking the data sheet from the `before` row order to `after`: removes the rows
 * that are gone, moves the rest into their new order (in runs), adds the new rows (empty). The
 * rows the two orders share at their start and at their end are passed over (an insert among
 * 100,000 rows: a few rows looked at, not two sets of them all): the operations are those the
 * whole orders give, their indexes past the common start.
 */
export function reorderRows(
  hf: HyperFormula,
  sheet: number,
  before: readonly Id[],
  after: readonly Id[],
): void {
  const { head, tail } = commonEnds(before, after);
  reorderMiddle(
    hf,
    sheet,
    before.slice(head, before.length - tail),
    after.slice(head, after.length - tail),
    head,
  );
}

/** `reorderRows` of the orders' differing middles, which start at row `at`. */
function reorderMiddle(
  hf: HyperFormula,
  sheet: number,
  before: readonly Id[],
  after: readonly Id[],
  at: number,
): void {
  const keep = new Set(after);
  const gone = before.flatMap((id, i) => (keep.has(id) ? [] : [i]));
  for (const [start, count] of runs(gone).reverse()) hf.removeRows(sheet, [at + start, count]);
  const had = new Set(before);
  const cur = before.filter((id) => keep.has(id));
  const target = after.filter((id) => had.has(id));
  const pos = new Map(cur.map((id, i) => [id, i]));
  for (let k = 0; k < target.length; k++) {
    if (cur[k] === target[k]) continue;
    const j = pos.get(target[k])!;
    let len = 1;
    while (k + len < target.length && cur[j + len] === target[k + len]) len++;
    hf.moveRows(sheet, at + j, len, at + k);
    cur.splice(k, 0, ...cur.splice(j, len));
    for (let i = k; i < j + len; i++) pos.set(cur[i], i);
    k += len - 1;
  }
  const added = after.flatMap((id, i) => (had.has(id) ? [] : [i]));
  for (const [start, count] of runs(added)) hf.addRows(sheet, [at + start, count]);
}
