/**
 * Pairing by name key (see match.ts): projects grouped by their canonical name, pairs of one key
 * taken with their reasons and confidence, duplicates of a key sorted out by section, unit and
 * amounts; in pieces (`Steps`).
 */
import type { KeyStep } from './matchIds';
import type { Scorer } from './matchScore';
import { CONFIRM_BELOW, type Match, type MatchReason, type ProjectRef } from './matchTypes';
import { pauseAt, type Steps } from './steps';

/** Reasons lists shared by the pairs that have the same (10,000 pairs: 12 lists). */
const REASONS = new Map<string, readonly MatchReason[]>();

/** One frozen list per set of reasons (pairs share it). */
export function reasonList(...rs: MatchReason[]): MatchReason[] {
  const k = rs.join();
  let list = REASONS.get(k);
  if (!list) {
    list = Object.freeze(rs);
    REASONS.set(k, list);
  }
  return list as MatchReason[];
}

/** The reasons of an id pair (one list for every pair: no key joined per pair). */
let ID_REASONS: MatchReason[] | undefined;

/** The reasons of an id pair. */
export const idReasons = (): MatchReason[] => (ID_REASONS ??= reasonList('id'));

/** The reasons of key pairs, by how the names, units and sections compare (built on first need). */
const KEY_REASONS: MatchReason[][] = [];

function keyReasons(name: 0 | 1 | 2, unit: boolean, section: boolean): MatchReason[] {
  const k = name * 4 + (unit ? 2 : 0) + (section ? 1 : 0);
  return (KEY_REASONS[k] ??= reasonList(
    name === 0 ? 'sameName' : name === 1 ? 'sameSpelling' : 'expanded',
    unit ? 'sameUnit' : 'otherUnit',
    section ? 'sameSection' : 'otherSection',
  ));
}

/** A pair of projects whose names have the same key. */
function keyMatch(x: ProjectRef, y: ProjectRef, dup: 'no' | 'bySection' | 'byOthers'): Match {
  let reasons = keyReasons(
    x.text === y.text ? 0 : x.name === y.name ? 1 : 2,
    x.unit === y.unit,
    x.section === y.section,
  );
  let confidence = x.name === y.name ? 1 : 0.97;
  if (x.unit !== y.unit) confidence -= 0.05;
  if (x.section !== y.section) confidence -= 0.03;
  // a common name under another unit and in another section may be another project
  if (x.unit !== y.unit && x.section !== y.section) confidence = Math.min(confidence, 0.8);
  if (dup !== 'no') {
    reasons = [...reasons, 'duplicate'];
    confidence = Math.min(confidence, dup === 'bySection' ? 0.9 : 0.7);
  }
  return {
    a: x,
    b: y,
    by: 'key',
    score: 1,
    ambiguous: dup !== 'no',
    confidence,
    reasons,
    doubtful: confidence < CONFIRM_BELOW,
  };
}

/** Projects by key: one project, or a list of those sharing it (lists only where needed). */
export function* groupBy(ps: Iterable<ProjectRef>): Steps<Map<string, ProjectRef | ProjectRef[]>> {
  const m = new Map<string, ProjectRef | ProjectRef[]>();
  let i = 0;
  for (const p of ps) {
    if (pauseAt(i++)) yield;
    if (!p.key) continue;
    const had = m.get(p.key);
    if (!had) m.set(p.key, p);
    else if (Array.isArray(had)) had.push(p);
    else m.set(p.key, [had, p]);
  }
  return m;
}

/** Pairs projects whose names have the same key; duplicates by section, unit and amounts. */
export function* pairByKey(
  inA: Map<string, ProjectRef | ProjectRef[]>,
  inB: Map<string, ProjectRef | ProjectRef[]>,
  scorer: Scorer,
  take: (m: Match) => void,
  step?: KeyStep,
): Steps<void> {
  // b's next project tried first (its key's group kept by place): versions keep their order
  let j = 0;
  let i = 0;
  for (const [k, x] of inA) {
    if (pauseAt(i++)) yield;
    let y: ProjectRef | ProjectRef[] | undefined;
    if (step && j < step.list.length && step.list[j].key === k) y = step.groups[j++];
    else {
      y = inB.get(k);
      if (step && y && !Array.isArray(y)) j = step.places[y.index] + 1;
    }
    if (!y) continue;
    if (!Array.isArray(x) && !Array.isArray(y)) {
      take(keyMatch(x, y, 'no'));
      continue;
    }
    const xs = Array.isArray(x) ? x : [x];
    const ys = Array.isArray(y) ? y : [y];
    const cands = xs.flatMap((p) =>
      ys.map((q) => ({ x: p, y: q, s: scorer.score(p, q, 1).total })),
    );
    cands.sort((p, q) => q.s - p.s || p.x.index - q.x.index || p.y.index - q.y.index);
    const used = new Set<ProjectRef>();
    for (const c of cands) {
      if (used.has(c.x) || used.has(c.y)) continue;
      used.add(c.x);
      used.add(c.y);
      const bySection =
        c.x.section === c.y.section &&
        xs.filter((p) => p.section === c.y.section).length === 1 &&
        ys.filter((p) => p.section === c.x.section).length === 1;
      take(keyMatch(c.x, c.y, bySection ? 'bySection' : 'byOthers'));
    }
  }
}
