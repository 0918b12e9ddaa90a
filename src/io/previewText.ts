/**
 * How the import preview shows a source cell: as the file shows it, except a stored number that
 * the file's reader formatted in English style (`782,700`, `1,234.5`: SheetJS formats an `.xls`
 * cell's `#,##0` with en-US separators), shown in the Vietnamese style the officer's Excel or
 * LibreOffice shows it in and the grid reads it in (`782.700`, `1.234,5`).
 */
import type { RawCell } from './appendix/grid';

const EN_NUMBER = /^([-+(]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\)?)(%?)$/;

/** The text of a source cell as the preview draws it (see the module's note). */
export function previewText(cell: RawCell): string {
  const text = cell.text;
  if (typeof cell.value !== 'number' || !Number.isFinite(cell.value)) return text;
  const t = text.trim();
  const m = EN_NUMBER.exec(t);
  if (!m || (!m[3] && !m[2].includes(','))) return text;
  // the text must be the value in English style, to the digits shown (`1.000` for 1000 is not)
  const shown = Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
  const want = Math.abs(cell.value) * (m[5] ? 100 : 1);
  const decimals = m[3] ? m[3].length - 1 : 0;
  if (Math.abs(shown - want) > 0.5 * 10 ** -decimals + 1e-9 * Math.max(1, want)) return text;
  const vi = t.replace(/[.,]/g, (ch) => (ch === ',' ? '.' : ','));
  return text.replace(t, vi);
}
