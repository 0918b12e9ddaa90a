/**
 * Matching the projects of two versions of a plan. Row ids are identities only when the caller
 * says both versions share them (revisions of one workbook: `sharesIdentity` in compare.ts);
 * otherwise, and for the rest, projects are paired by what they are: the same name once spelled
 * alike (`nameKey`: case, diacritics, abbreviations, phases), then by a score over similar names,
 * lead unit, section and amounts, best pairs first (a project code both files give pairs a renamed
 * project before: matchCodes.ts; then a name completed with a label or a place: matchCore.ts)
 * (never by position). Every pair carries its
 * reasons and a confidence; a pair below `CONFIRM_BELOW` is doubtful and waits for the user.
 * The work can run in pieces (`matchProjectsSteps`), with the same result.
 */
import { nameSimilarity } from './matchNames';
import { Scorer, tokenCountsSteps } from './matchScore';
import { pairSimilar } from './matchSimilar';
import { pairByCode } from './matchCodes';
import { pairByCore } from './matchCore';
import { byId, keyStep, marks, pairByIdInStep, placesOf, unique, untaken } from './matchIds';
import { groupBy, idReasons, pairByKey, reasonList } from './matchKeys';
import { memoisedSteps } from './refsMemo';
import { runAll, type Steps } from './steps';
import type { Match, MatchOptions, MatchOverrides, MatchResult, ProjectRef } from './matchTypes';

// the shapes and name helpers are matching's vocabulary: importers of match.ts get them too
export { nameSimilarity, normaliseName } from './matchNames';
export * from './matchTypes';
export { keptProjectRefs, keptProjectRefsSteps, projectRefs } from './matchRefs';

/** Pairs the projects of a and b; see the module comment for the order of the rules. */
export function matchProjects(
  a: readonly ProjectRef[],
  b: readonly ProjectRef[],
  o: MatchOverrides = {},
  opts: MatchOptions = {},
): MatchResult {
  return runAll(matchProjectsSteps(a, b, o, opts));
}

/** `matchProjects` in pieces. */
export function* matchProjectsSteps(
  a: readonly ProjectRef[],
  b: readonly ProjectRef[],
  o: MatchOverrides = {},
  opts: MatchOptions = {},
): Steps<MatchResult> {
  const matched: Match[] = [];
  // by id; a side's whole map is kept beside a kept list (read only: copied before a delete)
  const allA = yield* memoisedSteps(a, 'byId', () => byId(a));
  const allB = yield* memoisedSteps(b, 'byId', () => byId(b));
  let leftA = allA;
  let leftB = allB;
  const own = () => {
    if (leftA === allA) leftA = new Map(allA);
    if (leftB === allB) leftB = new Map(allB);
  };
  const take = (m: Match) => {
    matched.push(m);
    leftA.delete(m.a.row.id);
    leftB.delete(m.b.row.id);
  };
  const sure = (x: ProjectRef, y: ProjectRef, by: 'user' | 'id'): Match => ({
    a: x,
    b: y,
    by,
    score: x.name === y.name ? 1 : nameSimilarity(x.name, y.name),
    ambiguous: false,
    confidence: 1,
    reasons: by === 'id' ? idReasons() : reasonList(by),
    doubtful: false,
  });
  if (o.pairs?.length || o.unpaired?.length) own();
  for (const [ia, ib] of o.pairs ?? []) {
    const x = leftA.get(ia);
    const y = leftB.get(ib);
    if (x && y) take(sure(x, y, 'user'));
  }
  const kept = new Map<string, ProjectRef>();
  for (const id of o.unpaired ?? []) {
    const x = leftA.get(id);
    if (x) kept.set(id, x);
    leftA.delete(id);
  }
  const places =
    (opts.ids ?? true) && leftA === allA && leftB === allB && unique(a, allA, b, allB)
      ? yield* placesOf(b)
      : null;
  if (places) {
    // pairs by id walking both lists in step (no lookup while their ids follow in one order)
    const rest = yield* pairByIdInStep(a, b, allB, places, (x, y) =>
      matched.push(sure(x, y, 'id')),
    );
    if (rest) [leftA, leftB] = rest;
  } else if (opts.ids ?? true) {
    // pairs by id; what is left on each side kept in order (no delete per pair)
    const restA = new Map<string, ProjectRef>();
    for (const [id, x] of leftA) {
      const y = leftB.get(id);
      if (y) matched.push(sure(x, y, 'id'));
      else restA.set(id, x);
    }
    if (restA.size < leftA.size) {
      const restB = new Map<string, ProjectRef>();
      for (const [id, y] of leftB) if (!leftA.has(id)) restB.set(id, y);
      leftA = restA;
      leftB = restB;
    }
  }
  const scorer = new Scorer(a, opts.figures, b);
  // the names' token counts (what scores read) made in pieces first, when any pair is left to score
  if (leftA.size && leftB.size) {
    yield* tokenCountsSteps(a);
    yield* tokenCountsSteps(b);
  }
  // names by key: a whole side's grouping kept with its list
  const keysA =
    leftA === allA
      ? yield* memoisedSteps(a, 'byKey', () => groupBy(allA.values()))
      : yield* groupBy(leftA.values());
  const keysB =
    leftB === allB
      ? yield* memoisedSteps(b, 'byKey', () => groupBy(allB.values()))
      : yield* groupBy(leftB.values());
  // key pairs taken in one batch: what is left is kept in order (no delete per pair); by row
  // index, when each side's projects have distinct rows (one sheet each, as projectRefs gives)
  const takenA = marks(a);
  const takenB = marks(b);
  if (takenA && takenB) {
    const step = leftB === allB && allB.size === b.length ? yield* keyStep(b, keysB) : undefined;
    yield* pairByKey(
      keysA,
      keysB,
      scorer,
      (m) => {
        matched.push(m);
        takenA[m.a.index] = 1;
        takenB[m.b.index] = 1;
      },
      step,
    );
    leftA = yield* untaken(leftA, takenA);
    leftB = yield* untaken(leftB, takenB);
  } else {
    own();
    yield* pairByKey(keysA, keysB, scorer, take);
  }
  // a renamed project keeps its code (both files coded): paired before names are scored
  pairByCode(leftA, leftB, take);
  // a name completed with a label before or a place after (`Dự án: …`, `…, huyện B`)
  pairByCore(leftA, leftB, a, b, scorer, take);
  pairSimilar(leftA, leftB, scorer, take);
  const confirmed = new Set(o.confirmed ?? []);
  for (const m of matched)
    if (m.doubtful && confirmed.has(m.a.row.id)) {
      m.doubtful = false;
      m.reasons = [...m.reasons, 'user'];
    }
  return {
    matched,
    added: [...leftB.values()].sort((p, q) => p.index - q.index),
    removed: [...leftA.values(), ...kept.values()].sort((p, q) => p.index - q.index),
    scorer,
  };
}
