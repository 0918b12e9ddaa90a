/**
 * FROZEN (2026-12-01, before the common ends of the two orders were passed over): the row
 * operations taking a data sheet from one row order to the next, the oracle of
 * src/engine/reorderRows.test.ts (the same operations, in the same order).
 */
import type { HyperFormula } from 'hyperformula';

type Id = string;

/** Index runs `[start, count]` of a sorted list of indexes. */
function runs(indexes: readonly number[]): [number, number][] {
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
 * that are gone, moves the rest into their new order (in runs), adds the new rows (empty).
 */
export function reorderRowsBefore(
  hf: HyperFormula,
  sheet: number,
  before: readonly Id[],
  after: readonly Id[],
): void {
  const keep = new Set(after);
  const gone = before.flatMap((id, i) => (keep.has(id) ? [] : [i]));
  for (const [start, count] of runs(gone).reverse()) hf.removeRows(sheet, [start, count]);
  const had = new Set(before);
  const cur = before.filter((id) => keep.has(id));
  const target = after.filter((id) => had.has(id));
  const pos = new Map(cur.map((id, i) => [id, i]));
  for (let k = 0; k < target.length; k++) {
    if (cur[k] === target[k]) continue;
    const j = pos.get(target[k])!;
    let len = 1;
    while (k + len < target.length && cur[j + len] === target[k + len]) len++;
    hf.moveRows(sheet, j, len, k);
    cur.splice(k, 0, ...cur.splice(j, len));
    for (let i = k; i < j + len; i++) pos.set(cur[i], i);
    k += len - 1;
  }
  const added = after.flatMap((id, i) => (had.has(id) ? [] : [i]));
  for (const [start, count] of runs(added)) hf.addRows(sheet, [start, count]);
}
