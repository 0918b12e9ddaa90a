/**
 * The inputs of a tracking as the engine's Lines sheet holds them: six per capital source
 * (LINE_INPUTS) on each project's row, written as blocks of cells, and copied for the sub-sections'
 * sums (`[(row × sources + source) × 6 + input]`).
 */
import { type AnnualPlan, lineKey } from '../domain/execution';

/** Input columns of a source, in the engine's order. */
export const LINE_INPUTS = [
  'plan',
  'carry',
  'priorAllocated',
  'priorDisbursed',
  'ytdPlan',
  'ytdCarry',
] as const;
export type LineInput = (typeof LINE_INPUTS)[number];

/**
 * The blocks to write for changed input cells (`byRow`: per row, the new value by column): one
 * block a row, from its first changed column to its last, the cells between read through `read`.
 */
export function inputBlocks(
  byRow: ReadonlyMap<number, ReadonlyMap<number, number>>,
  read: (row: number, col: number) => number,
): { row: number; c0: number; values: number[] }[] {
  return [...byRow].map(([row, m]) => {
    const cols = [...m.keys()];
    const c0 = Math.min(...cols);
    const c1 = Math.max(...cols);
    const values: number[] = [];
    for (let c = c0; c <= c1; c++) values.push(m.has(c) ? m.get(c)! : read(row, c));
    return { row, c0, values };
  });
}

/**
 * Every input of every project row (in `projects`' order, six per source), from the plan's lines
 * (`byKey`, by lineKey) and the to-date figures (`toDate`, `[(row × sources + source) × 2 + part]`).
 */
export function inputRows(
  byKey: ReadonlyMap<string, AnnualPlan['lines'][number]>,
  projects: readonly string[],
  sources: readonly string[],
  toDate: Float64Array,
): number[][] {
  const S = sources.length;
  return projects.map((id, i) => {
    const row: number[] = [];
    sources.forEach((source, s) =>
      pushLineInputs(row, byKey.get(lineKey(id, source)), toDate, (i * S + s) * 2),
    );
    return row;
  });
}

/**
 * Pushes one line's six inputs onto `out` in the engine's order (LINE_INPUTS; no line: zeros), its
 * figures to date from `toDate` at `t` (`(row × sources + source) × 2`).
 */
export function pushLineInputs(
  out: (number | string | null)[],
  l: AnnualPlan['lines'][number] | undefined,
  toDate: Float64Array,
  t: number,
): void {
  out.push(
    l?.plan ?? 0,
    l?.carry ?? 0,
    l?.priorAllocated ?? 0,
    l?.priorDisbursed ?? 0,
    toDate[t],
    toDate[t + 1],
  );
}

/** Copies the to-date figures of rows `from`..`to`−1 into `inputs` (S sources a row). */
export function copyToDateInputs(
  toDate: Float64Array,
  inputs: Float64Array,
  S: number,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++)
    for (let s = 0; s < S; s++) {
      inputs[(i * S + s) * 6 + 4] = toDate[(i * S + s) * 2];
      inputs[(i * S + s) * 6 + 5] = toDate[(i * S + s) * 2 + 1];
    }
}
