/**
 * How a matched project's name changed between two versions: one rule for every comparison of
 * plans (compare mode, the CLI, the consolidation's intake). Case and diacritics are treated alike:
 *
 * - `same`: identical once spacing is collapsed (and Unicode composed alike);
 * - `respelled`: the same name spelled otherwise, only letter case or diacritics differ
 *   (`HÀ GIANG` or `Ha Giang` for `Hà Giang`, `d` for `đ`): a spelling edit an officer wants to
 *   see, shown as such, but neither a rename nor a different project (matching pairs such names
 *   first, see `nameKey`);
 * - `renamed`: any other difference (words, punctuation, digits).
 */
export type NameChange = 'same' | 'respelled' | 'renamed';

/** A name's text as written, spacing collapsed and Unicode composed (NFC). */
const spaced = (v: unknown): string =>
  String(v ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();

/** A name without case, diacritics (`đ` as `d`) or extra spacing: the same for all spellings. */
export function spellingKey(v: unknown): string {
  return spaced(v)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLocaleLowerCase('vi');
}

/** How the name `after` differs from `before` (names: any cell content; blank is ''). */
export function nameChange(before: unknown, after: unknown): NameChange {
  if (before === after) return 'same';
  const a = spaced(before);
  const b = spaced(after);
  if (a === b) return 'same';
  return spellingKey(a) === spellingKey(b) ? 'respelled' : 'renamed';
}
