/** Raw tables ↔ plain grid sheets (a sheet that is kept as it is, values and formulas). */
import { gridLiteral, gridText, isGridFormula } from '../../domain/grid';
import { newId } from '../../domain/ids';
import type { CellInput, GridSheet } from '../../domain/types';
import type { RawCell, RawGrid } from './grid';

/**
 * Keeps a raw table as a plain grid sheet: stored numbers stay numbers, formulas stay formulas,
 * everything else is kept as the text shown. Trailing blank rows and cells are dropped.
 */
export function gridSheetFromRaw(raw: RawGrid): GridSheet {
  const cells: CellInput[][] = raw.rows.map((row) => {
    const out: CellInput[] = row.map(cellInput);
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (cells.length && !cells[cells.length - 1].length) cells.pop();
  const sheet: GridSheet = { kind: 'grid', id: newId('g'), name: raw.name, cells };
  const merges = raw.merges.filter((m) => m.r0 < cells.length);
  if (merges.length) sheet.merges = merges.map((m) => ({ ...m }));
  return sheet;
}

function cellInput(c: RawCell): CellInput {
  if (c.formula) return `=${c.formula.replace(/^=/, '')}`;
  if (typeof c.value === 'number' && Number.isFinite(c.value)) return c.value;
  const text = c.text !== '' ? c.text : typeof c.value === 'string' ? c.value : '';
  return text.trim() === '' ? null : gridLiteral(text);
}

/** A number as Vietnamese text at full precision (`61.600`, `1,5`), for re-reading. */
function viNumber(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/**
 * A grid sheet as a raw table for the appendix reader; `valueAt` gives the computed value of a
 * formula cell (numbers are written in the Vietnamese style, which the reader detects).
 */
export function rawFromGridSheet(
  g: GridSheet,
  valueAt: (r: number, c: number) => number | string | boolean | null,
): RawGrid {
  const rows: RawCell[][] = g.cells.map((row, r) =>
    row.map((v, c) => {
      const value = isGridFormula(v) ? valueAt(r, c) : v;
      if (typeof value === 'number') return { text: viNumber(value), value };
      if (value === null) return { text: '' };
      const text = typeof value === 'string' && !isGridFormula(v) ? gridText(value) : String(value);
      return { text, value: text };
    }),
  );
  return {
    name: g.name,
    rows,
    merges: (g.merges ?? []).map((m) => ({ ...m })),
    lineOf: rows.map((_, i) => i + 1),
  };
}
