/**
 * HyperFormula's range map keyed by numbers, not texts (#20). The engine keeps each range vertex
 * (a section's `SUM(E3:E27)`, one per field: ~44,000 at 100,000 projects) in a map per sheet
 * keyed by its corners, `"col,row,col,row"`; every row added, removed or moved re-keys each range
 * below the rows (twice per row move): a new text built, hashed and stored for each of them, the
 * dearest part of a row move's engine work after the recalculation.
 *
 * In its place the corners are packed into one number (8 bits per column, 18 per row: 52 bits,
 * exact in a double) when they fit (columns below 256, rows below 262,144), else the text as
 * before: two keys are equal exactly when the corners are (a number never equals a text), so the
 * map holds the same vertices, found, merged and iterated in the same order. The key is the
 * class's one static `calculateRangeKey`, replaced once by the first engine built (fastRecalc.ts),
 * whose map, already keyed by texts, is re-keyed in its order; engines built later key by
 * numbers from their start. When HyperFormula's shape differs (another version), nothing is
 * changed: the app is then only slower.
 */
import type { HyperFormula } from 'hyperformula';

/** A cell address as HyperFormula keeps it (its sheet not part of the key). */
interface Address {
  col: number;
  row: number;
}

type KeyOf = (start: Address, end: Address) => string | number;

/** The range map's class (internals): its one static key function. */
interface RangeMappingClass {
  calculateRangeKey: KeyOf;
  __planbookNumberKeys?: true;
}

/** A range map (internals): per sheet, its vertices by key. */
interface RangeMapping {
  rangeMapping: Map<number, Map<string | number, unknown>>;
}

const COLS = 256;
const ROWS = 2 ** 18;

const fits = (n: number, below: number) => Number.isInteger(n) && n >= 0 && n < below;

/** The key of the range from `s` to `e`: a number when its corners fit, else HyperFormula's text. */
export function rangeKey(s: Address, e: Address): string | number {
  return fits(s.col, COLS) && fits(e.col, COLS) && fits(s.row, ROWS) && fits(e.row, ROWS)
    ? ((s.col * COLS + e.col) * ROWS + s.row) * ROWS + e.row
    : `${s.col},${s.row},${e.col},${e.row}`;
}

/** The range map of an engine (internals), when it has the expected shape. */
function rangeMappingOf(hf: HyperFormula): RangeMapping | undefined {
  const dg = (hf as unknown as { dependencyGraph?: { rangeMapping?: RangeMapping } })
    .dependencyGraph;
  const rm = dg?.rangeMapping;
  return rm?.rangeMapping instanceof Map ? rm : undefined;
}

/** The key HyperFormula's text key stands for (the text itself when it is not four numbers). */
function rekeyed(key: string | number): string | number {
  if (typeof key !== 'string') return key;
  const n = key.split(',').map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isInteger(x)) || String(n) !== key) return key;
  const [col, row, ecol, erow] = n;
  return rangeKey({ col, row }, { col: ecol, row: erow });
}

/** Re-keys the range map of `hf` (keyed by texts) by `rangeKey`, each sheet's in its order. */
export function rekeyRanges(hf: HyperFormula): void {
  const rm = rangeMappingOf(hf);
  if (!rm) return;
  for (const [sheet, byKey] of rm.rangeMapping) {
    const next = new Map<string | number, unknown>();
    for (const [k, v] of byKey) next.set(rekeyed(k), v);
    rm.rangeMapping.set(sheet, next);
  }
}

/**
 * Keys HyperFormula's range maps by numbers from now on (once per class), re-keying the map of
 * `hf`, the one engine built so far, in its order. True when installed (now or before).
 */
export function installRangeKeys(hf: HyperFormula): boolean {
  const rm = rangeMappingOf(hf);
  if (!rm) return false;
  const cls = rm.constructor as unknown as RangeMappingClass;
  if (cls.__planbookNumberKeys) return true;
  const own = cls.calculateRangeKey;
  if (typeof own !== 'function') return false;
  // the text key this code stands in for
  const a = { col: 3, row: 7 };
  const b = { col: 5, row: 11 };
  if (own.call(cls, a, b) !== '3,7,5,11') return false;
  rekeyRanges(hf);
  cls.calculateRangeKey = rangeKey;
  cls.__planbookNumberKeys = true;
  return true;
}
