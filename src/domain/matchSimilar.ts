/**
 * Pairing projects whose names differ: every candidate pair is scored (name, unit, section,
 * amounts), and pairs are taken best first, each project once, above a threshold — a globally
 * sensible assignment, not a positional one. Such pairs are always doubtful (the user confirms a
 * rename); one with a runner-up nearly as close is also ambiguous. Names differing by a word that
 * tells which one (matchPlaces.ts) pair only when a figure is kept.
 */
import { CONFIRM_BELOW, type Match, type MatchReason, type ProjectRef } from './matchTypes';
import type { PairScore, Scorer } from './matchScore';
import { otherThing } from './matchPlaces';

/** A pair needs names at least this alike … */
export const MIN_NAME = 0.5;
/** … and a score at least this high; or, in one section with the same figures in 3 columns, … */
export const ACCEPT = 0.55;
/** … names this alike. */
const MIN_NAME_SAME_FIGURES = 0.3;
/** A runner-up this close to the best makes the pair ambiguous. */
const CLOSE = 0.03;
/** Pairs of remaining projects scored all against all up to this many; beyond, shared rare words. */
const ALL_PAIRS = 2_500;
/** Words in more remaining names than this (or a tenth of them) do not propose candidates. */
const COMMON = 20;

/** The candidates of each a-project among the b-projects. */
function candidateFinder(
  xs: readonly ProjectRef[],
  ys: readonly ProjectRef[],
  scorer: Scorer,
): (x: ProjectRef) => Iterable<ProjectRef> {
  if (xs.length * ys.length <= ALL_PAIRS) return () => ys;
  const postings = new Map<string, ProjectRef[]>();
  for (const y of ys)
    for (const t of scorer.tokens(y)) {
      const list = postings.get(t);
      if (list) list.push(y);
      else postings.set(t, [y]);
    }
  const common = Math.max(COMMON, ys.length / 10);
  return (x) => {
    const acc = new Map<ProjectRef, number>();
    let rare = false;
    for (const t of scorer.tokens(x)) {
      const list = postings.get(t);
      if (!list || list.length > common) continue;
      rare = true;
      const w = scorer.w(t);
      for (const y of list) acc.set(y, (acc.get(y) ?? 0) + w);
    }
    // a name made only of common words is compared with every remaining one
    if (!rare) return ys;
    const need = 0.25 * scorer.massOf(x);
    const out: ProjectRef[] = [];
    for (const [y, s] of acc) if (s >= need) out.push(y);
    return out;
  };
}

function reasonsOf(s: PairScore, runnerUp: boolean): MatchReason[] {
  const r: MatchReason[] = ['similarName'];
  r.push(s.unit === 1 ? 'sameUnit' : 'otherUnit');
  r.push(s.section === 1 ? 'sameSection' : 'otherSection');
  if (s.amounts === 1) r.push('sameAmounts');
  if (runnerUp) r.push('runnerUp');
  return r;
}

/** Pairs what is left of a and b by score, best first (see the module comment). */
export function pairSimilar(
  leftA: Map<string, ProjectRef>,
  leftB: Map<string, ProjectRef>,
  scorer: Scorer,
  take: (m: Match) => void,
): void {
  const xs = [...leftA.values()];
  const ys = [...leftB.values()];
  if (!xs.length || !ys.length) return;
  const candidatesOf = candidateFinder(xs, ys, scorer);
  const pairs: { x: ProjectRef; y: ProjectRef; s: PairScore }[] = [];
  const best = new Map<ProjectRef, number[]>();
  const note = (p: ProjectRef, v: number) => {
    const list = best.get(p);
    if (list) list.push(v);
    else best.set(p, [v]);
  };
  for (const x of xs)
    for (const y of candidatesOf(x)) {
      const name = scorer.name(x, y);
      if (name < MIN_NAME_SAME_FIGURES) continue;
      // a word telling which one replaced (`xã A` / `xã B`), no figure kept: another project
      if (otherThing(x.tokens, y.tokens) && scorer.sharesFigure(x, y) === false) continue;
      const s = scorer.score(x, y, name);
      const alike = name >= MIN_NAME && s.total >= ACCEPT;
      if (!alike && !(s.section === 1 && scorer.sameFigures(x, y, 3))) continue;
      pairs.push({ x, y, s });
      note(x, s.total);
      note(y, s.total);
    }
  pairs.sort((p, q) => q.s.total - p.s.total || p.x.index - q.x.index || p.y.index - q.y.index);
  // another candidate (ties included) nearly as close as this one
  const runnerUp = (p: ProjectRef, v: number) => {
    const all = best.get(p) ?? [];
    let self = false;
    for (const u of all) {
      if (u === v && !self) self = true;
      else if (Math.abs(u - v) < CLOSE) return true;
    }
    return false;
  };
  const used = new Set<ProjectRef>();
  for (const { x, y, s } of pairs) {
    if (used.has(x) || used.has(y)) continue;
    used.add(x);
    used.add(y);
    const close = runnerUp(x, s.total) || runnerUp(y, s.total);
    const confidence = Math.min(close ? 0.6 : 0.85, s.total, CONFIRM_BELOW - 0.01);
    take({
      a: x,
      b: y,
      by: 'similar',
      score: Math.min(1, s.name),
      ambiguous: close,
      confidence,
      reasons: reasonsOf(s, close),
      doubtful: true,
    });
  }
}
