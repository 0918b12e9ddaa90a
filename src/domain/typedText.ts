/**
 * The one rule for a leading apostrophe in what a user types or pastes (Excel's): `'` before the
 * text means "keep what follows as text, even if it reads as a number or a formula" (`'0123` is the
 * text `0123`, not the number 123). The apostrophe is an input marker, never part of the text.
 * Typing and pasting read it here (appendix cells: `parseInput`; plain grid sheets: `gridInput`);
 * a fill copies the stored contents, so it never meets the marker. A spreadsheet's paste says the
 * same in its clipboard HTML (a cell formatted as text: `PastedCell.isText`), read by the same two.
 */

/** The text the user meant after a keep-as-text apostrophe, or null when there is no apostrophe. */
export function textAfterMarker(typed: string): string | null {
  const t = typed.trimStart();
  return t.startsWith("'") ? t.slice(1) : null;
}

/**
 * A pasted cell as the copier described it (a spreadsheet's clipboard HTML, app/clipboardHtmlRead):
 * its text as shown, the number it holds when the copier stated it (Excel's `x:num`, LibreOffice's
 * `sdval`: `61.600` shown in Vietnamese is 61.6 or 61600 only by the value), or marked as text (the
 * copier's keep-as-text, like a typed `'`). Plain text is a cell of text alone.
 */
export interface PastedCell {
  text: string;
  /** The number the cell holds, in the units shown. */
  value?: number;
  /** Marked as text by the copier (a code such as 0123 is not a number). */
  isText?: boolean;
}

/** A typed or pasted input as a cell (a string: its text alone). */
export function asPasted(input: string | PastedCell): PastedCell {
  return typeof input === 'string' ? { text: input } : input;
}

/** A pasted block: rows of cells, each a text alone or a cell as its copier described it. */
export type PastedBlock = readonly (readonly (string | PastedCell)[])[];
