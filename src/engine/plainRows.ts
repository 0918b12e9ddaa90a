/**
 * Which rows of a sheet PlainValues computes again after a step: the rows whose figures are kept
 * after rows were added, removed or moved, and the rows to compute again after cells changed.
 */
import { childRows } from '../domain/rows';
import type { Row } from '../domain/types';

/**
 * Which rows of `rows` keep their figures (1), from the bottom: a project row that was there as it
 * is (`from`: its index in `before`, -1 when new or changed), a section likewise whose children
 * are the same rows as before, every one kept; never a total row (its block may have changed).
 */
export function keptRows(
  rows: readonly Row[],
  before: readonly Row[],
  from: Int32Array,
): Uint8Array {
  const kept = new Uint8Array(rows.length);
  for (let j = rows.length - 1; j >= 0; j--) {
    const r = rows[j];
    const i = from[j];
    if (i < 0 || r.kind === 'total') continue;
    if (r.kind !== 'section') {
      kept[j] = 1;
      continue;
    }
    const now = childRows(rows, j);
    const then = childRows(before, i);
    kept[j] =
      now.length === then.length && now.every((a, k) => kept[a] && rows[a] === before[then[k]])
        ? 1
        : 0;
  }
  return kept;
}

/**
 * The rows to compute again when only cells of `changed` rows changed: those rows, the sections
 * above each (a row of a lower level before it is its section, or that one's), and `always` (the
 * total rows).
 */
export function rowsToRecompute(
  rows: readonly Row[],
  changed: readonly number[],
  always: Iterable<number>,
): Set<number> {
  const dirty = new Set<number>(always);
  for (const i of changed) {
    dirty.add(i);
    let level = rows[i].level;
    for (let j = i - 1; j >= 0 && level > 0; j--)
      if (rows[j].level < level) {
        dirty.add(j);
        level = rows[j].level;
      }
  }
  return dirty;
}
