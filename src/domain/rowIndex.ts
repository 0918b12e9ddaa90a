/** Row id → index maps, cached per row list (row lists are immutable: a new list gets a new map). */
import type { Id, Row } from './types';

const cache = new WeakMap<readonly Row[], Map<Id, number>>();

/** The index of every row id in `rows` (computed once per list). */
export function indexOfRows(rows: readonly Row[]): Map<Id, number> {
  let m = cache.get(rows);
  if (!m) {
    m = new Map();
    for (let i = 0; i < rows.length; i++) m.set(rows[i].id, i);
    cache.set(rows, m);
  }
  return m;
}

/** `to` has the same ids in the same order as `from`: it shares its index. */
export function shareIndex(from: readonly Row[], to: readonly Row[]): void {
  const m = cache.get(from);
  if (m) cache.set(to, m);
}
