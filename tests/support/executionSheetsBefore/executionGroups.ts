/** Frozen copy of src/engine/executionGroups.ts before 2026-12-02 (sub-sections as formulas), for the benchmark of the build before. */
/**
 * The formulas of the execution engine's group rows: sums of the projects' rows of the Lines sheet
 * (per source for a source, over the sources for the others), the behind-target count, rates, what
 * remains and the cumulative disbursement. A top-level group adds up its projects' rows; a
 * sub-section (level ≥ 1) the projects directly in it plus its own sub-sections' rows (each project
 * summed once), in the sheet of sub-sections that the engine fills after the first build.
 */
import { columnLetter } from '../../../src/domain/columns';
import { runTerms } from '../../../src/engine/executionBlocks';
import type { Group } from '../../../src/engine/executionLayout';

/** `#12:#31,#40` (`#`: the column) for 0-based rows, contiguous ones as ranges; '' for none. */
export function rowRefs(rows: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    out.push(i === j ? `#${rows[i] + 1}` : `#${rows[i] + 1}:#${rows[j] + 1}`);
    i = j + 1;
  }
  return out.join(',');
}

/** Whether a group lives in the sheet of sub-sections. */
export const isNested = (g: Group): boolean => g.kind === 'section' && (g.level ?? 0) > 0;

/**
 * The cells of a group row at 1-based row `r`: planned, carry-over, the figures to N−1, disbursed
 * (plan, carry-over), projects behind, rate, carry-over rate, remaining, since the start.
 * `sources` are the tracking's, `sumCol` the Lines column of a project's planned sum, `flagCol` its
 * behind flag, `childRows` the rows (in the same sheet) of a sub-section's own sub-sections;
 * runs of rows are added up through the subtotals of the blocks of `block` rows they contain.
 */
export function groupCells(
  g: Group,
  r: number,
  sources: readonly string[],
  sumCol: number,
  childRows: readonly number[] = [],
  block = Infinity,
): (string | number)[] {
  const at = (s: number, field: number) => columnLetter(s * 6 + field);
  const P = columnLetter(sumCol);
  const flagCol = columnLetter(sumCol + 3);
  const runs = isNested(g) ? (g.own ?? []) : g.runs;
  const sum = (c: string) =>
    `SUM(${runs.flatMap(([a, b]) => runTerms(a, b, c, block)).join(',') || 0})`;
  const s = g.kind === 'source' ? sources.indexOf(g.key) : -1;
  // per source for a source; the planned sum column, and the other figures over the sources
  const cols: string[][] =
    s >= 0
      ? [0, 1, 2, 3, 4, 5].map((f) => [at(s, f)])
      : [[P], ...[1, 2, 3, 4, 5].map((f) => sources.map((_, k) => at(k, f)))];
  const sub = rowRefs(childRows);
  const withSub = (fx: string, f: number) =>
    `=${fx}${sub ? `+SUM(${sub.replace(/#/g, columnLetter(f))})` : ''}`;
  return [
    ...cols.map((cs, f) => withSub(cs.map(sum).join('+'), f)),
    s >= 0 ? 0 : withSub(sum(flagCol), 6),
    `=IF(A${r}=0,"",E${r}/A${r})`,
    `=IF(B${r}=0,"",F${r}/B${r})`,
    `=A${r}-E${r}`,
    `=D${r}+E${r}+F${r}`,
  ];
}
