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
 * The replacement of `query` by `replacement` as one function over texts (the pattern compiled
 * once for a whole workbook's cells): a text's new content (the whole text when matching whole
 * cells), or null when it holds no occurrence. Texts are compared in NFC; the result is NFC.
 */
export function replacer(
  query: string,
  replacement: string,
  o: ReplaceOptions,
): (text: string) => string | null {
  const re = patternOf(query, o);
  if (!re) return () => null;
  const r = replacement.normalize('NFC');
  return (text) => {
    const t = text.normalize('NFC');
    re.lastIndex = 0;
    if (!re.test(t)) return null;
    re.lastIndex = 0;
    return t.replace(re, () => r);
  };
}

/** `text` with every occurrence of `query` replaced (see `replacer`), or null when none. */
export function replaceText(
  text: string,
  query: string,
  replacement: string,
  o: ReplaceOptions,
): string | null {
  return replacer(query, replacement, o)(text);
}
