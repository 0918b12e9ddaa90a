/**
 * The formulas of the execution engine's group rows: sums of the projects' rows of the Lines sheet
 * (per source for a source, over the sources for the others), the behind-target count, rates, what
 * remains and the cumulative disbursement, for the top-level groups (the sub-sections, level ≥ 1,
 * are added up by the engine itself: executionNested.ts).
 */
import { columnLetter } from '../domain/columns';
import { runTerms } from './executionBlocks';
import type { Group } from './executionLayout';

/** Whether a group is a sub-section (added up by the engine, not in the Groups sheet). */
export const isNested = (g: Group): boolean => g.kind === 'section' && (g.level ?? 0) > 0;

/**
 * The cells of a group row at 1-based row `r`: planned, carry-over, the figures to N−1, disbursed
 * (plan, carry-over), projects behind, rate, carry-over rate, remaining, since the start.
 * `sources` are the tracking's, `sumCol` the Lines column of a project's planned sum (its behind
 * flag 3 columns on); runs of rows are added up through the subtotals of the blocks of `block` rows
 * they contain.
 */
export function groupCells(
  g: Group,
  r: number,
  sources: readonly string[],
  sumCol: number,
  block = Infinity,
): (string | number)[] {
  const at = (s: number, field: number) => columnLetter(s * 6 + field);
  const P = columnLetter(sumCol);
  const flagCol = columnLetter(sumCol + 3);
  const runs = g.runs;
  const sum = (c: string) =>
    `SUM(${runs.flatMap(([a, b]) => runTerms(a, b, c, block)).join(',') || 0})`;
  const s = g.kind === 'source' ? sources.indexOf(g.key) : -1;
  // per source for a source; the planned sum column, and the other figures over the sources
  const cols: string[][] =
    s >= 0
      ? [0, 1, 2, 3, 4, 5].map((f) => [at(s, f)])
      : [[P], ...[1, 2, 3, 4, 5].map((f) => sources.map((_, k) => at(k, f)))];
  return [
    ...cols.map((cs) => `=${cs.map(sum).join('+')}`),
    s >= 0 ? 0 : `=${sum(flagCol)}`,
    `=IF(A${r}=0,"",E${r}/A${r})`,
    `=IF(B${r}=0,"",F${r}/B${r})`,
    `=A${r}-E${r}`,
    `=D${r}+E${r}+F${r}`,
  ];
}
