/**
 * Empty columns left of a table (a margin column, a table pasted from column C): no part of it.
 * The reader drops them so the table's number and name columns stand first, as everywhere else.
 */
import type { RawGrid } from './grid';

const filled = (g: RawGrid, c: number) =>
  g.rows.some((row) => {
    const cell = row[c];
    return !!cell && (cell.text.trim() !== '' || (cell.value != null && cell.value !== ''));
  });

/**
 * The grid without its leading columns that are empty in every row, and how many were dropped
 * (add it back to a column index to name the source column).
 */
export function withoutLeadColumns(g: RawGrid): { grid: RawGrid; lead: number } {
  // a loop, not Math.max(...rows): a sheet of 200,000 rows would overflow the call stack
  let width = 0;
  for (const r of g.rows) if (r.length > width) width = r.length;
  let lead = 0;
  while (lead < width && !filled(g, lead)) lead++;
  if (lead === 0 || lead === width) return { grid: g, lead: 0 };
  const shift = (c: number) => c - lead;
  return {
    grid: {
      ...g,
      rows: g.rows.map((row) => row.slice(lead)),
      merges: g.merges
        .filter((m) => m.c1 >= lead)
        .map((m) => ({ ...m, c0: Math.max(0, shift(m.c0)), c1: shift(m.c1) })),
      hiddenCols: g.hiddenCols && new Set([...g.hiddenCols].filter((c) => c >= lead).map(shift)),
      groupedCols: g.groupedCols && new Set([...g.groupedCols].filter((c) => c >= lead).map(shift)),
    },
    lead,
  };
}
