/**
 * Block subtotals of the execution engine: the project rows of the Lines sheet cut in blocks of
 * `size` rows, a hidden Blocks sheet holding one row of SUMs per whole block (per Lines column),
 * and the sums a group makes of its rows reading the subtotals of the blocks it fully contains plus
 * the loose rows at the ends. An edit then recomputes one block (`size` rows) and groups adding up
 * a few hundred subtotals, instead of every group summing up to all the projects again.
 */
import { columnLetter } from '../domain/columns';

/** Project rows per block (an edit re-adds at most this many rows of a column). */
export const BLOCK_ROWS = 512;

/**
 * The Blocks sheet: one row per whole block of `size` rows among `n` projects, a SUM of its Lines
 * rows in each column of `cols` (0-based Lines columns), the others empty.
 */
export function blockCells(n: number, size: number, cols: readonly number[]): (string | null)[][] {
  const width = cols.length ? Math.max(...cols) + 1 : 0;
  const count = Math.floor(n / size);
  const rows: (string | null)[][] = [];
  for (let k = 0; k < count; k++) {
    const row: (string | null)[] = new Array<string | null>(width).fill(null);
    for (const c of cols) {
      const L = columnLetter(c);
      row[c] = `=SUM(Lines!${L}${k * size + 1}:${L}${(k + 1) * size})`;
    }
    rows.push(row);
  }
  return rows;
}

/**
 * The terms adding up 0-based Lines rows `a`..`b` of column letter `c`: the subtotals of the whole
 * blocks inside (one Blocks range), and the Lines rows before and after them (one range each).
 */
export function runTerms(a: number, b: number, c: string, size: number): string[] {
  const lines = (x: number, y: number) =>
    x === y ? `Lines!${c}${x + 1}` : `Lines!${c}${x + 1}:${c}${y + 1}`;
  const k0 = Math.ceil(a / size);
  const k1 = Math.floor((b + 1) / size) - 1;
  if (k0 > k1) return [lines(a, b)];
  const out: string[] = [];
  if (a < k0 * size) out.push(lines(a, k0 * size - 1));
  out.push(k0 === k1 ? `Blocks!${c}${k0 + 1}` : `Blocks!${c}${k0 + 1}:${c}${k1 + 1}`);
  if ((k1 + 1) * size <= b) out.push(lines((k1 + 1) * size, b));
  return out;
}
