/**
 * The adjustment table's figures (adjustmentRows.ts): row statuses as codes, one shared quad per
 * unchanged amount, sections' sums with binary noise rounded away, and amounts read from the
 * comparison's figure blocks.
 */
import type { AdjRow, Quad } from './adjustment';
import type { SheetFigures } from './figures';
import type { ProjectRef } from './match';
import { clean } from './numbers';

type Status = AdjRow['status'];

/** Statuses by code (a row's status is kept as its index here). */
export const STATUS: readonly Status[] = [
  'same',
  'changed',
  'added',
  'removed',
  'split',
  'merged',
  'section',
];
export const SAME = 0;
export const CHANGED = 1;
export const ADDED = 2;
export const REMOVED = 3;
export const SPLIT = 4;
export const MERGED = 5;
export const SECTION = 6;

/** One shared, frozen quad per unchanged amount (most cells of a revision). */
const UNCHANGED = new Map<number, Quad>();

/** The quad of an amount that did not change (shared, frozen). */
export function unchanged(x: number): Quad {
  let q = UNCHANGED.get(x);
  if (!q) {
    q = Object.freeze([x, 0, 0, x]) as Quad;
    if (UNCHANGED.size > 100_000) UNCHANGED.clear();
    UNCHANGED.set(x, q);
  }
  return q;
}

/**
 * Adds `from[at..]` into `into[to..]`, `len` figures, binary noise rounded away (as sections sum).
 * A 0 added changes nothing (`into` holds only cleaned sums, never −0): skipped.
 */
export function addInto(
  into: Float64Array,
  to: number,
  from: Float64Array,
  at: number,
  len: number,
): void {
  for (let k = 0; k < len; k++) {
    const x = from[at + k];
    if (x !== 0) into[to + k] = clean(into[to + k] + x);
  }
}

/** The index of the block holding `p` among `blocks` (−1: none), as `FigureTable.blockOf` finds it. */
export function blockIndex(blocks: readonly SheetFigures[], p: ProjectRef): number {
  for (let k = 0; k < blocks.length; k++) if (blocks[k].has(p)) return k;
  return -1;
}

/** The k-th amount of row `row` in its block (0 when absent, as a blank). */
export function at(block: SheetFigures | undefined, row: number, k: number): number {
  return block && k < block.width ? block.values[row * block.width + k] : 0;
}
