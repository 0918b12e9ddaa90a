/** A plain grid sheet in the exported workbook: its values, and its formulas with cached values. */
import { gridText, isGridFormula } from '../../domain/grid';
import type { GridSheet } from '../../domain/types';
import { exportableFormula } from './formulaSafety';

/** A computed value as the exporter needs it (errors as their kind). */
export type GridValue = number | string | boolean | null | { error: string };

/** Cells for write-excel-file and the cached value of each formula cell (by A1 address). */
export function gridSheetData(
  g: GridSheet,
  valueAt: (r: number, c: number) => GridValue,
  colName: (c: number) => string,
): { data: unknown[][]; cached: Map<string, number | string> } {
  const cached = new Map<string, number | string>();
  const data: (Record<string, unknown> | null)[][] = g.cells.map((row, r) =>
    row.map((v, c) => {
      if (v === null) return null;
      if (typeof v === 'number') return { type: Number, value: v };
      // a formula reaching outside the workbook (link, web, DDE) is written as its text
      if (isGridFormula(v) && exportableFormula(v)) {
        const x = valueAt(r, c);
        if (typeof x === 'number' || typeof x === 'string') cached.set(`${colName(c)}${r + 1}`, x);
        else if (typeof x === 'boolean') cached.set(`${colName(c)}${r + 1}`, x ? 1 : 0);
        return { type: 'Formula', value: v.slice(1) };
      }
      // a text is written as a text, even when it starts with = + - or @ (it never runs)
      return { type: String, value: isGridFormula(v) ? v : gridText(v) };
    }),
  );
  for (const m of g.merges ?? []) {
    const row = data[m.r0];
    if (!row) continue;
    while (row.length <= m.c0) row.push(null);
    const cell = (row[m.c0] ??= { value: null }) as Record<string, unknown>;
    if (m.c1 > m.c0) cell.columnSpan = m.c1 - m.c0 + 1;
    if (m.r1 > m.r0) cell.rowSpan = Math.min(m.r1, data.length - 1) - m.r0 + 1;
  }
  return { data, cached };
}
