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
  // names that differ in their numbers (phase 1 / phase 2) are different projects: candidates
  // share their numbers and one rare word
  const digits = names.map((n) => (n.match(/\d+/g) ?? []).join(' '));
  const words = names.map((n) => [
    ...new Set(n.split(' ').filter((w) => w.length > 1 && !/^\d+$/.test(w))),
  ]);
  const index = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const w of ws) {
      const k = `${digits[i]}|${w}`;
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push(i);
    }
  });
  const sets = names.map((n) => new Set(n.split(' ')));
  const unitIds = new Map<string, number>();
  const unit = items.map((it) => {
    let u = unitIds.get(it.unitKey);
    if (u === undefined) unitIds.set(it.unitKey, (u = unitIds.size));
    return u;
  });
  const seen = new Set<number>();
  const out: DuplicatePair[] = [];
  const consider = (i: number, j: number) => {
    if (j <= i || unit[i] === unit[j]) return;
    const k = i * items.length + j;
    if (seen.has(k)) return;
    seen.add(k);
    const same = names[i] === names[j] && names[i] !== '';
    if (!same && !plausible(i, j)) return;
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
  // the similarity is the mean of a word and a letter-pair overlap, so it cannot reach the
  // threshold unless the word overlap reaches 2 × threshold − 1 (checked first: it is cheap)
  function plausible(i: number, j: number): boolean {
    if (digits[i] !== digits[j]) return false;
    let common = 0;
    for (const w of sets[i]) if (sets[j].has(w)) common++;
    return (2 * common) / (sets[i].size + sets[j].size) >= 2 * DUPLICATE_SIMILARITY - 1;
  }
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
      .map((w) => index.get(`${digits[i]}|${w}`)!)
      .filter((list) => list.length > 1 && list.length <= COMMON)
      .sort((p, q) => p.length - q.length)
      .slice(0, 2);
    for (const list of rare) for (const j of list) consider(Math.min(i, j), Math.max(i, j));
  });
  return out.sort((p, q) => q.score - p.score || p.key.localeCompare(q.key));
}
