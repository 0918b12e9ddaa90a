/**
 * Splits and merges: one project of a whose figures are exactly shared out among several projects
 * of b (a split), or several projects of a whose figures add up to one of b (a merge). Found among
 * what matching left unpaired (and the pairs it made by name), proposed to the user — a group is
 * always doubtful until confirmed — and withdrawn when the user refuses it.
 */
import type { MatchResult, ProjectRef } from './match';
import type { Scorer } from './matchScore';
import { amountsEqual } from './numbers';

export interface ProjectGroup {
  kind: 'split' | 'merge';
  /** The projects of a (one for a split). */
  a: ProjectRef[];
  /** The projects of b (one for a merge). */
  b: ProjectRef[];
  confidence: number;
  /** 'namesAlike': the names share their words; 'amountsAddUp': column by column; 'totalsAddUp'. */
  reasons: ('namesAlike' | 'amountsAddUp' | 'totalsAddUp' | 'user')[];
  doubtful: boolean;
  /** Stable key (for the user's confirmation or refusal). */
  key: string;
}

/** A project's parts at most (a split into more is rare and costly to search). */
const MAX_PARTS = 4;
/** Candidates tried per whole. */
const MAX_POOL = 8;

/** The key of a group. */
export function groupKey(kind: ProjectGroup['kind'], a: ProjectRef[], b: ProjectRef[]): string {
  const ids = (ps: ProjectRef[]) =>
    ps
      .map((p) => p.row.id)
      .sort()
      .join('+');
  return `${kind}:${ids(a)}>${ids(b)}`;
}

/** How the parts' figures add up to the whole's (every column, the totals, most columns), or null. */
interface Fit {
  how: 'columns' | 'totals' | 'most';
  /** Columns where they add up (of those not blank on both sides). */
  equal: number;
}

function fit(parts: readonly (readonly number[])[], whole: readonly number[]): Fit | null {
  let nonzero = 0;
  let equal = 0;
  let sumParts = 0;
  let sumWhole = 0;
  for (let k = 0; k < whole.length; k++) {
    let s = 0;
    for (const p of parts) s += p[k] ?? 0;
    sumParts += s;
    sumWhole += whole[k];
    if (s === 0 && whole[k] === 0) continue;
    nonzero++;
    if (amountsEqual(s, whole[k])) equal++;
  }
  if (!nonzero || amountsEqual(sumWhole, 0)) return null;
  if (equal === nonzero) return { how: 'columns', equal };
  if (amountsEqual(sumParts, sumWhole)) return { how: 'totals', equal };
  return equal >= 3 && equal >= 0.75 * nonzero ? { how: 'most', equal } : null;
}

/** Subsets of a pool (size 1..max), smallest first. */
function* subsets<T>(pool: readonly T[], max: number): Generator<T[]> {
  const n = pool.length;
  for (let size = 1; size <= Math.min(max, n); size++) {
    const idx = Array.from({ length: size }, (_, i) => i);
    for (;;) {
      yield idx.map((i) => pool[i]);
      let i = size - 1;
      while (i >= 0 && idx[i] === n - size + i) i--;
      if (i < 0) break;
      idx[i]++;
      for (let j = i + 1; j < size; j++) idx[j] = idx[j - 1] + 1;
    }
  }
}

/**
 * Finds splits and merges and takes their members out of `m` (pairs, added, removed).
 * @param figures each project's numbers in one column order for both sides
 */
export function findGroups(
  m: MatchResult,
  figures: ReadonlyMap<ProjectRef, readonly number[]>,
  refused: ReadonlySet<string>,
  confirmed: ReadonlySet<string>,
): ProjectGroup[] {
  const scorer: Scorer = m.scorer;
  const groups: ProjectGroup[] = [];
  const grouped = new Set<ProjectRef>();
  const partnerOfA = new Map(
    m.matched.filter((x) => x.by !== 'id' && x.by !== 'user').map((x) => [x.a, x.b]),
  );
  const partnerOfB = new Map([...partnerOfA].map(([x, y]) => [y, x]));
  /** Names that share much of their words (cheap test first: most pairs share little). */
  const related = (p: ProjectRef, q: ProjectRef) => {
    const s = scorer.shared(p, q);
    const least = Math.min(scorer.massOf(p), scorer.massOf(q));
    if (s >= 0.5 * least) return true;
    return s >= 0.25 * least && scorer.name(p, q) >= 0.45;
  };
  const fig = (p: ProjectRef) => figures.get(p) ?? [];
  const blank = (p: ProjectRef) => fig(p).every((v) => amountsEqual(v, 0));
  const same = (p: ProjectRef, q: ProjectRef) => {
    const x = fig(p);
    const y = fig(q);
    return x.length === y.length && x.every((v, k) => amountsEqual(v, y[k]));
  };

  /** One whole against a pool of possible parts (its partner, if any, may be one of them). */
  const search = (
    kind: ProjectGroup['kind'],
    whole: ProjectRef,
    partner: ProjectRef | undefined,
    free: readonly ProjectRef[],
  ) => {
    if ((partner && same(whole, partner)) || blank(whole)) return;
    const open = free.filter((q) => !grouped.has(q) && !blank(q));
    const byName = open.filter((q) => related(whole, q)).slice(0, MAX_POOL);
    // a part whose name is unrelated is accepted only on a column-by-column fit of several columns
    const attempts: [ProjectRef[], boolean][] = [[byName, true]];
    if (partner) attempts.push([open.filter((q) => !byName.includes(q)), false]);
    for (const [pool, alike] of attempts) {
      for (const extra of subsets(pool, alike ? MAX_PARTS : 1)) {
        for (const parts of partner ? [[partner, ...extra], extra] : [extra]) {
          if (parts.length < 2) continue;
          const f = fit(parts.map(fig), fig(whole));
          if (!f || (!alike && (f.how === 'totals' || f.equal < 3))) continue;
          const inOrder = [...parts].sort((x, y) => x.index - y.index);
          const [a, b] = kind === 'split' ? [[whole], inOrder] : [inOrder, [whole]];
          const key = groupKey(kind, a, b);
          if (refused.has(key)) continue;
          const reasons: ProjectGroup['reasons'] = alike ? ['namesAlike'] : [];
          reasons.push(f.how === 'totals' ? 'totalsAddUp' : 'amountsAddUp');
          const ok = confirmed.has(key);
          if (ok) reasons.push('user');
          const confidence = alike ? (f.how === 'totals' ? 0.7 : 0.8) : 0.6;
          groups.push({ kind, a, b, confidence, reasons, doubtful: !ok, key });
          for (const p of [...a, ...b]) grouped.add(p);
          return;
        }
      }
    }
  };

  for (const p of [...m.removed, ...partnerOfA.keys()])
    if (!grouped.has(p)) search('split', p, partnerOfA.get(p), m.added);
  for (const q of [...m.added, ...partnerOfB.keys()])
    if (!grouped.has(q)) search('merge', q, partnerOfB.get(q), m.removed);
  if (groups.length) {
    m.matched = m.matched.filter((x) => !grouped.has(x.a) && !grouped.has(x.b));
    m.added = m.added.filter((p) => !grouped.has(p));
    m.removed = m.removed.filter((p) => !grouped.has(p));
  }
  return groups;
}
