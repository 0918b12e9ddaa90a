/** Frozen copy of src/domain/matchNames.ts before the 100,000-project speed work (oracle for compareFast.test.ts only). */
/**
 * Names reduced for matching: case, diacritics, spacing and punctuation dropped, and how similar
 * two such names are (word and letter-pair overlap).
 */
import { baseLetter } from './nameKey';

/** Name or unit text reduced to what matters for matching (case, diacritics, spacing, punctuation). */
export function normaliseName(s: unknown): string {
  const text = String(s ?? '');
  let out = '';
  let space = false;
  for (const ch of text) {
    const b = baseLetter(ch);
    if (b) {
      if (space && out) out += ' ';
      out += b;
      space = false;
    } else space = true;
  }
  return out;
}

/** The letter pairs of a normalised name (with a space before and after), counted. */
export function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = ` ${s} `;
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice overlap of two letter-pair counts, 0..1. */
export function bigramDice(ga: Map<string, number>, gb: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total ? (2 * shared) / total : 0;
}

/** Similarity of two normalised names, 0..1: the mean of word and letter-pair overlaps. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  const words = (2 * common) / (wa.size + wb.size);
  return (words + bigramDice(bigrams(a), bigrams(b))) / 2;
}
