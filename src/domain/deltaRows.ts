/**
 * The rows of a step that moved rows, read and written over the stretch it changed only: the rows
 * both lists share at their ends (the same objects, the same ids) are neither looked up nor copied
 * one by one (#20: a structural step over 100,000 rows built and read two 100,000-entry maps).
 */
import type { RowChange, SheetDelta } from './delta';
import { commonEnds, indexOfRows } from './rowIndex';
import type { Id, Row } from './types';

/**
 * The rows changed, added (in the order of `b`) and then removed (in the order of `a`) between two
 * row lists of different order: only the stretch between the rows both lists share at their
 * start and end (the same objects) is read (#20: a row inserted into 100,000 is one row read, not
 * two 100,000-entry maps).
 */
export function orderedChanges(a: readonly Row[], b: readonly Row[]): RowChange[] {
  const { head, tail } = commonEnds(a, b);
  const out: RowChange[] = [];
  // ids of either stretch are found in the other stretch only: the shared ends hold the rest
  const ia = new Map<Id, Row>();
  for (let i = head; i < a.length - tail; i++) ia.set(a[i].id, a[i]);
  const ib = new Set<Id>();
  for (let i = head; i < b.length - tail; i++) {
    const rb = b[i];
    ib.add(rb.id);
    const ra = ia.get(rb.id) ?? null;
    if (ra !== rb) out.push({ id: rb.id, before: ra, after: rb });
  }
  for (let i = head; i < a.length - tail; i++)
    if (!ib.has(a[i].id)) out.push({ id: a[i].id, before: a[i], after: null });
  return out;
}

/**
 * The rows of `d.order.after`: each the row `d` changed it to, or the row of `rows` with its id.
 * Where `rows` holds the ids of `d.order.before`, the ids both orders share at their start and
 * end keep their rows (read by position) and only the stretch between is looked up (#20: an undo
 * of an insertion into 100,000 rows looked up 100,000 ids).
 */
export function reordered(rows: readonly Row[], d: SheetDelta): Row[] {
  const changed = new Map(d.rows.map((r) => [r.id, r.after]));
  const index = indexOfRows(rows);
  const { before, after } = d.order!;
  const n = Math.min(before.length, after.length);
  let head = 0;
  while (head < n && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < n - head && before[before.length - 1 - tail] === after[after.length - 1 - tail])
    tail++;
  const fits =
    rows.length === before.length &&
    rows.every((r, i) => r.id === before[i] || (i >= head && i < before.length - tail));
  if (!fits) return after.map((id) => changed.get(id) ?? rows[index.get(id)!]);
  const out = rows.slice(0, head);
  for (let i = head; i < after.length - tail; i++) {
    const id = after[i];
    out.push(changed.get(id) ?? rows[index.get(id)!]);
  }
  for (let i = before.length - tail; i < before.length; i++) out.push(rows[i]);
  // rows `d` changed in the shared ends (a renumbered row past the stretch)
  const shift = after.length - before.length;
  for (const r of d.rows) {
    if (!r.after) continue;
    const k = index.get(r.id);
    if (k === undefined) continue;
    if (k < head) out[k] = changed.get(r.id) ?? rows[k];
    else if (k >= before.length - tail) out[k + shift] = changed.get(r.id) ?? rows[k];
  }
  return out;
}
