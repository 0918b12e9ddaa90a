/**
 * The text rule of find and replace (Ctrl+H): unlike find, which folds case and diacritics to
 * find more, a replacement changes only text that is exactly the query, diacritics included
 * (`Sở` never hits `So`); the forms a keyboard or a file may write one letter in (NFC, NFD) are
 * the same text, and letter case is folded unless asked to match.
 */

/** How a replacement matches: letter case exactly or not, the whole cell or a part of it. */
export interface ReplaceOptions {
  /** Khớp chữ hoa/thường: `sở` does not hit `Sở`. */
  matchCase: boolean;
  /** Khớp cả ô: only a cell whose whole text (spaces around it aside) is the query. */
  wholeCell: boolean;
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A query as a regular expression over NFC text (null: an empty query finds nothing). */
function patternOf(query: string, o: ReplaceOptions): RegExp | null {
  const q = query.normalize('NFC');
  if (!q.trim()) return null;
  const body = o.wholeCell ? `^\\s*${escaped(q.trim())}\\s*$` : escaped(q);
  return new RegExp(body, o.matchCase ? 'gu' : 'giu');
}

/**
 * The text after replacing every occurrence of `query` by `replacement` (the whole text when
 * matching whole cells), or null when the text holds no occurrence. Texts are compared in NFC;
 * the result is NFC.
 */
export function replaceText(
  text: string,
  query: string,
  replacement: string,
  o: ReplaceOptions,
): string | null {
  const re = patternOf(query, o);
  if (!re) return null;
  const t = text.normalize('NFC');
  re.lastIndex = 0;
  if (!re.test(t)) return null;
  re.lastIndex = 0;
  const r = replacement.normalize('NFC');
  return t.replace(re, () => r);
}

/** Whether a text holds the query as a replacement would match it (see `replaceText`). */
export function replaceMatches(text: string, query: string, o: ReplaceOptions): boolean {
  return replaceText(text, query, '', o) !== null;
}
