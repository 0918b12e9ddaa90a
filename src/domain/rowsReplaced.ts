/**
 * Row lists made from another by replacing rows in place (same length, same order: a cell
 * edit's), with the indexes replaced, so the step's diff reads those rows, not every row of the
 * sheet (#20: 100,000 rows compared per typed figure).
 */
import type { Row } from './types';

interface Replaced {
  base: readonly Row[];
  /** ascending */
  at: readonly number[];
}

const replaced = new WeakMap<readonly Row[], Replaced>();

/** Notes that `rows` is `base` with the rows at `at` (any order) replaced, and no other change. */
export function noteReplaced(
  base: readonly Row[],
  rows: readonly Row[],
  at: Iterable<number>,
): void {
  replaced.set(rows, { base, at: [...at].sort((a, b) => a - b) });
}

/** The indexes (ascending) at which `rows` replaced rows of `base`; undefined: not known. */
export function replacedFrom(
  base: readonly Row[],
  rows: readonly Row[],
): readonly number[] | undefined {
  const r = replaced.get(rows);
  return r && r.base === base && base.length === rows.length ? r.at : undefined;
}
