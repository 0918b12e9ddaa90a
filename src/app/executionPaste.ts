/**
 * A block pasted into the execution grid (amounts only): the clipboard's HTML read first — a value
 * the copier stated taken as it is, a cell it marked as text not a number — else its plain text,
 * each text read in the number style the block's texts show (Vietnamese or English).
 */
import { parseAmount } from '../domain/numbers';
import { detectStyle } from './tsv';
import { pastedCells } from './clipboardHtmlRead';

/** A pasted figure: a number in the units shown, null for a blank cell, or not a number. */
export type PastedFigure = number | null | 'notNumber';

/**
 * The figures of a pasted block, rows of cells: from `html` (the clipboard's `text/html`, '' when
 * none) when it holds a table, else from `plain` (tab-separated text).
 */
export function pastedFigures(plain: string, html: string): PastedFigure[][] {
  const cells = pastedCells(plain, html);
  // the style of the texts whose value is not stated (a stated value needs none)
  const style = detectStyle(cells);
  return cells.map((r) =>
    r.map((c): PastedFigure => {
      if (c.value !== undefined) return c.value;
      const t = c.text.trim();
      if (t === '') return null;
      if (c.isText) return 'notNumber';
      return parseAmount(t, style) ?? 'notNumber';
    }),
  );
}
