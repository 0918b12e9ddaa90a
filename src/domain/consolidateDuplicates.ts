/**
 * The same or a similar project submitted by two units: names compared as matching compares them
 * (`nameKey`: abbreviations expanded, phases and numbers written alike, as comparing versions
 * reads them; `nameSimilarity` of match.ts); a name that alone states a count of units (`(29 ĐV)`)
 * is compared without it, as similar at most. Candidates share a distinctive word, so 60 units
 * of 200 projects are compared in milliseconds rather than pair by pair.
 */
import { nameSimilarity } from './match';
import { nameKey, withoutCounts } from './nameKey';

/** Two names of different units are flagged from this similarity up… */
export const DUPLICATE_SIMILARITY = 0.75;
/** …when their distinctive words (not the words every project name uses) overlap this much. */
export const DISTINCTIVE_OVERLAP = 0.6;
/** Names made of generic words only need this similarity. */
const GENERIC_ONLY = 0.9;

/** Words that say what is done, not to what: `Nâng cấp hệ thống…` vs `Nâng cấp hệ thống…`. */
const GENERIC =
  /\b(du an|nhiem vu|xay dung|nang cap|mo rong|trien khai|dau tu|mua sam|trang bi|thue|dich vu|he thong|phan mem|quan ly|ung dung|cong nghe thong tin|cntt|giai doan|cua|cho|cac|va|tai|tren|dia ban|tinh|huyen|thanh pho|thi xa|xa|cap|nam|so|toan|hoan thien|duy tri|bao tri|thiet lap)\b/g;

function distinctive(name: string): Set<string> {
  return new Set(name.replace(GENERIC, ' ').split(' ').filter(Boolean));
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}
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
  /** Same name once case, diacritics, spacing, punctuation, abbreviations and leading zeros are set aside. */
  same: boolean;
}

/** Key of a pair of entries (order does not matter). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** A name's words as duplicate detection compares them. */
interface Shape {
  name: string;
  /** Its numbers, in order. */
  digits: string;
  words: Set<string>;
  own: Set<string>;
}

/** A name as duplicate detection reads it: whole, and without its counts of units. */
interface Prepared extends Shape {
  /** Candidate keys: its numbers and one of its words (`12|trung`), also those of `bare`. */
  keys: string[];
  /** Without its counts of units (`(29 ĐV)`), when it states any. */
  bare?: Shape;
}

function shape(name: string): Shape {
  const digits = (name.match(/\d+/g) ?? []).join(' ');
  return { name, digits, words: new Set(name.split(' ')), own: distinctive(name) };
}

function keysOf(s: Shape): string[] {
  return [...new Set(s.name.split(' ').filter((w) => w.length > 1 && !/^\d+$/.test(w)))].map(
    (w) => `${s.digits}|${w}`,
  );
}

/**
 * The two names to compare: as they are, or, when only one states a count of units (`(29 ĐV)`),
 * that one without it (the same project, the count added: offered as similar, never the same).
 */
function compared(x: Prepared, y: Prepared): [Shape, Shape] {
  if (x.digits === y.digits) return [x, y];
  if (x.bare && !y.bare && x.bare.digits === y.digits) return [x.bare, y];
  if (y.bare && !x.bare && y.bare.digits === x.digits) return [x, y.bare];
  return [x, y];
}

/** Names already prepared (a re-submission consolidates again: most names are met before). */
const PREPARED = new Map<string, Prepared>();

function prepare(raw: string): Prepared {
  let p = PREPARED.get(raw);
  if (p) return p;
  // `09 huyện` = `9 huyện`, `CNTT` = `công nghệ thông tin`, `GĐ2` = `(Giai đoạn 2)`: two units
  // write one project as the compare reads it (normaliseName kept these apart)
  const name = nameKey(raw);
  const whole = shape(name);
  const { bare, counted } = withoutCounts(name);
  const extra = counted ? shape(bare) : undefined;
  // names that differ in their numbers (phase 1 / phase 2) are different projects: candidates
  // share their numbers and one rare word; a name stating a count of units (`(29 ĐV)`) is also a
  // candidate of the spellings that state none
  const keys = [...new Set([...keysOf(whole), ...(extra ? keysOf(extra) : [])])];
  p = { ...whole, keys, ...(extra ? { bare: extra } : {}) };
  if (PREPARED.size > 200_000) PREPARED.clear();
  PREPARED.set(raw, p);
  return p;
}

/** Pairs of projects of different units whose names are the same or similar, most similar first. */
export function findDuplicates(items: readonly DuplicateCandidate[]): DuplicatePair[] {
  const prepared = items.map((it) => prepare(it.name));
  const names = prepared.map((p) => p.name);
  // candidate lists only for keys two to COMMON names share (counted first: most keys are single)
  const counts = new Map<string, number>();
  for (const p of prepared) for (const k of p.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const index = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const k of p.keys) {
      const n = counts.get(k)!;
      if (n < 2 || n > COMMON) continue;
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push(i);
    }
  });
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
    const [x, y] = compared(prepared[i], prepared[j]);
    if (!same && !plausible(x, y)) return;
    // a count stated by one name only: at most similar (the user says whether it is one project)
    const trimmed = x !== prepared[i] || y !== prepared[j];
    const sim = same ? 1 : nameSimilarity(x.name, y.name);
    const score = trimmed ? Math.min(sim, 0.99) : sim;
    if (score < DUPLICATE_SIMILARITY) return;
    if (!same) {
      const [a, b] = [x.own, y.own];
      if (a.size || b.size ? dice(a, b) < DISTINCTIVE_OVERLAP : score < GENERIC_ONLY) return;
    }
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
  function plausible(x: Shape, y: Shape): boolean {
    if (x.digits !== y.digits) return false;
    let common = 0;
    for (const w of x.words) if (y.words.has(w)) common++;
    return (2 * common) / (x.words.size + y.words.size) >= 2 * DUPLICATE_SIMILARITY - 1;
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
  prepared.forEach((p, i) => {
    const rare = p.keys
      .map((k) => index.get(k))
      .filter((list): list is number[] => !!list)
      .sort((x, y) => x.length - y.length)
      .slice(0, 2);
    for (const list of rare) for (const j of list) consider(Math.min(i, j), Math.max(i, j));
  });
  return out.sort((p, q) => q.score - p.score || p.key.localeCompare(q.key));
}
