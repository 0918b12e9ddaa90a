/**
 * One string object per text, for what two versions of a plan compare by equality (row ids,
 * section paths, text cells): equal texts read from two versions are two objects, and comparing
 * them reads both (100,000 rows: cache misses); interned once when a version's lists are built,
 * they compare as one object.
 */

/** Texts seen, each its own key; emptied beyond a few 100,000-project versions' worth. */
const TEXTS = new Map<string, string>();

/** The one string object kept for `s`'s text (`s` itself the first time). */
export function intern(s: string): string {
  const t = TEXTS.get(s);
  if (t !== undefined) return t;
  if (TEXTS.size > 1_000_000) TEXTS.clear();
  TEXTS.set(s, s);
  return s;
}
