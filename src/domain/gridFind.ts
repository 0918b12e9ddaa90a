/**
 * Find in a plain grid sheet: every cell whose content or value (case and diacritics folded)
 * contains the query, or whose figure reads as the query typed in either style (`61600`, `61.600`,
 * `61,600`), in row then column order.
 */
import { gridText } from './grid';
import { formatAmount } from './numbers';
import { fold } from './sources';
import type { GridSheet } from './types';

/** A cell of a plain sheet found (0-based). */
export interface GridHit {
  r: number;
  c: number;
}

function forms(v: unknown): string[] {
  if (typeof v === 'number') return [String(v), formatAmount(v, 'vi'), formatAmount(v, 'en')];
  if (typeof v === 'string') return [gridText(v)];
  if (typeof v === 'boolean') return [v ? 'TRUE' : 'FALSE'];
  return [];
}

/**
 * The cells of `g` that match `query`; `value` gives a cell's computed value (a formula's
 * result is found as well as its text).
 */
export function findInGrid(
  g: GridSheet,
  query: string,
  value: (r: number, c: number) => unknown,
): GridHit[] {
  const q = fold(query);
  const typed = query.trim();
  if (!q) return [];
  const out: GridHit[] = [];
  g.cells.forEach((row, r) =>
    row.forEach((raw, c) => {
      if (raw === null || raw === '') return;
      const all = [
        ...forms(raw),
        ...(typeof raw === 'string' && raw.startsWith('=') ? forms(value(r, c)) : []),
      ];
      if (all.includes(typed) || all.some((x) => fold(x).includes(q))) out.push({ r, c });
    }),
  );
  return out;
}
