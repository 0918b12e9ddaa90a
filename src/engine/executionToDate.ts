/**
 * The to-date inputs of the execution engine (disbursed to date of the year's plan and of the
 * carry-over, per project row and source) as the engine holds them, and writing to the Lines sheet
 * only those a report or a removed period changed, for a range of rows at a time (so a report can
 * be recorded in steps, a few thousand rows each).
 */
import type { HyperFormula } from 'hyperformula';
import { lineKey } from '../domain/execution';

/** A reader of a line's figures to date (`toDateReader` of the domain). */
export type ToDateRead = (key: string) => { plan: number; carry: number };

/**
 * Reads the to-date figures of rows `from`..`to`−1 into `into`, laid out as the engine's from
 * row `from` on: `[((row − from) × sources + source) × 2 + part]` (part 0 the year's plan, 1 the
 * carry-over).
 */
export function readToDate(
  read: ToDateRead,
  projects: readonly string[],
  sources: readonly string[],
  into: Float64Array,
  from: number,
  to: number,
): void {
  const S = sources.length;
  for (let i = from; i < to; i++)
    for (let s = 0; s < S; s++) {
      const d = read(lineKey(projects[i], sources[s]));
      into[((i - from) * S + s) * 2] = d.plan;
      into[((i - from) * S + s) * 2 + 1] = d.carry;
    }
}

/**
 * Writes to the Lines sheet the figures of rows `from`..`to`−1 in `next` (laid out from row `from`,
 * as `readToDate` fills it) that differ from `had` (the engine's, from row 0): runs of rows per
 * source and part, columns `source × 6 + 4 + part`; then copies them to `had`.
 * The caller suspends evaluation around it (one recalculation).
 */
export function writeToDate(
  hf: HyperFormula,
  sheet: number,
  S: number,
  had: Float64Array,
  next: Float64Array,
  from: number,
  to: number,
): void {
  for (let s = 0; s < S; s++)
    for (let part = 0; part < 2; part++) {
      const col = s * 6 + 4 + part;
      const at = (k: number) => (k * S + s) * 2 + part;
      const same = (k: number) => next[at(k - from)] === had[at(k)];
      for (let i = from; i < to;) {
        if (same(i)) {
          i++;
          continue;
        }
        const run: number[][] = [];
        const first = i;
        for (; i < to && !same(i); i++) run.push([next[at(i - from)]]);
        hf.setCellContents({ sheet, row: first, col }, run);
      }
    }
  had.set(next.subarray(0, (to - from) * S * 2), from * S * 2);
}
