/**
 * The one rule for a leading apostrophe in what a user types or pastes (Excel's): `'` before the
 * text means "keep what follows as text, even if it reads as a number or a formula" (`'0123` is the
 * text `0123`, not the number 123). The apostrophe is an input marker, never part of the text.
 * Typing and pasting read it here (appendix cells: `parseInput`; plain grid sheets: `gridInput`);
 * a fill copies the stored contents, so it never meets the marker.
 */

/** The text the user meant after a keep-as-text apostrophe, or null when there is no apostrophe. */
export function textAfterMarker(typed: string): string | null {
  const t = typed.trimStart();
  return t.startsWith("'") ? t.slice(1) : null;
}
