/**
 * Order keys of stored rows (storage keeps each row with a key; rows read back in key order): the
 * rows a step brought to a new place get new keys, the longest run already in order keeps its own.
 * A row list whose keys were all given here is known to be in order, so the next step reads only
 * the stretch it changed (#20: 100,000 keys looked up and sorted per structural step).
 */
import { commonEnds } from '../domain/rowIndex';
import type { Id, Row } from '../domain/types';
import { type LoadedWorkbook, orderKeys } from '../storage/repo';

/** Per order map: row lists whose every row has a key there, the keys increasing down the list. */
const inOrder = new WeakMap<Map<Id, string>, WeakSet<readonly Row[]>>();

/** Whether every row of `rows` has a key in `order`, increasing down the list (known, not read). */
export function knownInOrder(rows: readonly Row[], order: Map<Id, string>): boolean {
  return inOrder.get(order)?.has(rows) ?? false;
}

/** Records that every row of `rows` has a key in `order`, increasing down the list. */
export function markInOrder(rows: readonly Row[], order: Map<Id, string>): void {
  let set = inOrder.get(order);
  if (!set) inOrder.set(order, (set = new WeakSet()));
  set.add(rows);
}

/**
 * Records what storage says of a loaded workbook: each sheet's row list in order when its keys
 * are (`keysInOrder`: read back in key order, or just given), so the first step after a load or
 * an import reads only the stretch it changed; nothing when not said.
 */
export function markLoaded(loaded: LoadedWorkbook): void {
  if (!loaded.keysInOrder) return;
  for (const s of loaded.workbook.sheets) markInOrder(s.rows, loaded.order);
}

/** Forgets what was known of `order` (its keys were replaced from elsewhere, a reload). */
export function forgetOrder(order: Map<Id, string>): void {
  inOrder.delete(order);
}

/**
 * Indexes (ascending) of the longest run of rows whose order keys already increase: these rows
 * keep their keys; every other row gets a new one.
 */
function keptByOrder(keys: readonly (string | undefined)[]): Set<number> {
  // patience sorting over the defined keys, with back links
  const tails: number[] = [];
  const prev = new Array<number>(keys.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === undefined) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]]! < k) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]) kept.add(i);
  return kept;
}

/**
 * New keys for the rows of `rows[from, to)` out of the run `kept` (indexes from `from`), each
 * stretch between the keys of the rows around it; returns their ids.
 */
function freshKeys(
  rows: readonly Row[],
  from: number,
  to: number,
  kept: Set<number>,
  order: Map<Id, string>,
): Set<Id> {
  const changed = new Set<Id>();
  let i = from;
  while (i < to) {
    if (kept.has(i - from)) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && !kept.has(j - from)) j++;
    const lo = i > 0 ? order.get(rows[i - 1].id)! : null;
    const hi = j < rows.length ? order.get(rows[j].id)! : null;
    const fresh = orderKeys(lo, hi, j - i);
    for (let k = i; k < j; k++) {
      order.set(rows[k].id, fresh[k - i]);
      changed.add(rows[k].id);
    }
    i = j;
  }
  return changed;
}

/** Gives new order keys to the rows of `rows` that are out of order or new; returns their ids. */
export function assignOrder(rows: readonly Row[], order: Map<Id, string>): Set<Id> {
  const kept = keptByOrder(rows.map((r) => order.get(r.id)));
  const changed = freshKeys(rows, 0, rows.length, kept, order);
  markInOrder(rows, order);
  return changed;
}

/**
 * `assignOrder` for `rows` made from `prev`, a list known in order, by changing one stretch: the
 * rows both share at their ends keep their keys and only the stretch between is read. The same
 * keys as `assignOrder` (the run kept is the same: every key of the stretch lies between those of
 * the ends); null, nothing changed, where that is not so (`assignOrder` is then needed).
 */
export function assignOrderBetween(
  prev: readonly Row[],
  rows: readonly Row[],
  order: Map<Id, string>,
): { changed: Set<Id>; from: number; to: number } | null {
  if (!knownInOrder(prev, order)) return null;
  const { head, tail } = commonEnds(prev, rows);
  const to = rows.length - tail;
  const lo = head > 0 ? order.get(rows[head - 1].id) : undefined;
  const hi = tail > 0 ? order.get(rows[to].id) : undefined;
  if ((head > 0 && lo === undefined) || (tail > 0 && hi === undefined)) return null;
  const keys: (string | undefined)[] = [];
  for (let i = head; i < to; i++) {
    const k = order.get(rows[i].id);
    if (k !== undefined && ((lo !== undefined && k <= lo) || (hi !== undefined && k >= hi)))
      return null;
    keys.push(k);
  }
  const changed = freshKeys(rows, head, to, keptByOrder(keys), order);
  markInOrder(rows, order);
  return { changed, from: head, to };
}
