/**
 * The same or a similar project submitted by two units: names compared as matching compares them
 * (`normaliseName`, `nameSimilarity` of match.ts). Candidates share a distinctive word, so 60 units
 * of 200 projects are compared in milliseconds rather than pair by pair.
 */
import { nameSimilarity, normaliseName } from './match';

/** Two names of different units are flagged from this similarity up. */
export const DUPLICATE_SIMILARITY = 0.8;
/** Words met in more names than this are too common to find candidates by. */
const COMMON = 60;

/** What duplicate detection needs of a project. */
export interface DuplicateCandidate {
  key: string;
  unitKey: string;
  name: string;
}

/** A pair of projects of two units with the same or a similar name. */
export interface DuplicatePair {
  /** The pair's key (its entry keys, sorted, joined by `|`). */
  key: string;
  a: string;
  b: string;
  score: number;
  /** Same name once case, diacritics, spacing and punctuation are set aside. */
  same: boolean;
}

/** Key of a pair of entries (order does not matter). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Pairs of projects of different units whose names are the same or similar, most similar first. */
export function findDuplicates(items: readonly DuplicateCandidate[]): DuplicatePair[] {
  const names = items.map((it) => normaliseName(it.name));
  const words = names.map((n) => [...new Set(n.split(' ').filter((w) => w.length > 1))]);
  const index = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const w of ws) {
      let list = index.get(w);
      if (!list) index.set(w, (list = []));
      list.push(i);
    }
  });
  const seen = new Set<string>();
  const out: DuplicatePair[] = [];
  const consider = (i: number, j: number) => {
    if (j <= i || items[i].unitKey === items[j].unitKey) return;
    const k = `${i},${j}`;
    if (seen.has(k)) return;
    seen.add(k);
    const same = names[i] === names[j] && names[i] !== '';
    const score = same ? 1 : nameSimilarity(names[i], names[j]);
    if (score < DUPLICATE_SIMILARITY) return;
    out.push({
      key: pairKey(items[i].key, items[j].key),
      a: items[i].key,
      b: items[j].key,
      score,
      same,
    });
  };
  // exact names first (however common their words)
  const byName = new Map<string, number[]>();
  names.forEach((n, i) => {
    if (!n) return;
    let list = byName.get(n);
    if (!list) byName.set(n, (list = []));
    list.push(i);
  });
  for (const list of byName.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) consider(list[x], list[y]);
  // similar names share one of their two rarest words
  words.forEach((ws, i) => {
    const rare = ws
      .map((w) => ({ w, n: index.get(w)!.length }))
      .filter((x) => x.n > 1 && x.n <= COMMON)
      .sort((p, q) => p.n - q.n)
      .slice(0, 2);
    for (const { w } of rare)
      for (const j of index.get(w)!) consider(Math.min(i, j), Math.max(i, j));
  });
  return out.sort((p, q) => q.score - p.score || p.key.localeCompare(q.key));
}
