/**
 * Matching's bookkeeping by row id and row index (see match.ts): each side's projects by id, the
 * pairs by id walked in step, and marks of the projects taken by row index.
 */
import type { ProjectRef } from './matchTypes';
import { intern } from './intern';
import { memoisedSteps } from './refsMemo';
import { pauseAt, type Steps } from './steps';

/** Projects by row id: the last of a repeated id kept, in the place of its first (`new Map(entries)`). */
export function* byId(ps: readonly ProjectRef[]): Steps<Map<string, ProjectRef>> {
  const m = new Map<string, ProjectRef>();
  for (let k = 0; k < ps.length; k++) {
    m.set(ps[k].row.id, ps[k]);
    if (pauseAt(k)) yield;
  }
  return m;
}

/** A mark per row index of `ps` (all 0), or null when two projects share a row index. */
export function marks(ps: readonly ProjectRef[]): Uint8Array | null {
  let n = 0;
  for (const p of ps) n = Math.max(n, p.index + 1);
  const seen = new Uint8Array(n);
  for (const p of ps) {
    if (seen[p.index]) return null;
    seen[p.index] = 1;
  }
  return seen.fill(0);
}

/** The entries of `left` whose project is not marked in `taken` (by row index), in order. */
export function* untaken(
  left: Map<string, ProjectRef>,
  taken: Uint8Array,
): Steps<Map<string, ProjectRef>> {
  const out = new Map<string, ProjectRef>();
  let i = 0;
  for (const [id, p] of left) {
    if (!taken[p.index]) out.set(id, p);
    if (pauseAt(i++)) yield;
  }
  return out;
}

/** Whether every project of a and of b has its own row id (each map as long as its list). */
export function unique(
  a: readonly ProjectRef[],
  allA: Map<string, ProjectRef>,
  b: readonly ProjectRef[],
  allB: Map<string, ProjectRef>,
): boolean {
  return allA.size === a.length && allB.size === b.length;
}

/**
 * Each project's place in its list, by row index (kept beside a kept list); null when two
 * projects share a row index (a list spanning sheets).
 */
export function placesOf(ps: readonly ProjectRef[]): Steps<Int32Array | null> {
  return memoisedSteps(ps, 'places', function* () {
    let n = 0;
    for (const p of ps) n = Math.max(n, p.index + 1);
    const at = new Int32Array(n).fill(-1);
    for (let k = 0; k < ps.length; k++) {
      if (at[ps[k].index] >= 0) return null;
      at[ps[k].index] = k;
      if (pauseAt(k)) yield;
    }
    return at;
  });
}

/** The row ids of a list, interned (kept beside a kept list): two versions' ids compare as objects. */
function idsOf(ps: readonly ProjectRef[]): Steps<readonly string[]> {
  return memoisedSteps(ps, 'ids', function* () {
    const out = new Array<string>(ps.length);
    for (let k = 0; k < ps.length; k++) {
      out[k] = intern(ps[k].row.id);
      if (pauseAt(k)) yield;
    }
    return out;
  });
}

/**
 * Pairs the projects of a and b (ids unique on each side) that share a row id, in a's order, as
 * the lookup of each a-id in b's map does; b's next project is tried first (versions of one
 * workbook keep their order: most pairs need no lookup). Returns what is left of each side, in
 * order, or null when nothing paired.
 */
export function* pairByIdInStep(
  a: readonly ProjectRef[],
  b: readonly ProjectRef[],
  allB: Map<string, ProjectRef>,
  places: Int32Array,
  pair: (x: ProjectRef, y: ProjectRef) => void,
): Steps<[Map<string, ProjectRef>, Map<string, ProjectRef>] | null> {
  const restA = new Map<string, ProjectRef>();
  const paired = new Uint8Array(b.length);
  const idsA = yield* idsOf(a);
  const idsB = yield* idsOf(b);
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (pauseAt(i)) yield;
    const x = a[i];
    const id = idsA[i];
    let y: ProjectRef | undefined;
    let at = j;
    if (j < b.length && idsB[j] === id) y = b[j];
    else {
      y = allB.get(id);
      if (y) at = places[y.index];
    }
    if (!y) {
      restA.set(id, x);
      continue;
    }
    pair(x, y);
    paired[at] = 1;
    j = at + 1;
  }
  if (restA.size === a.length) return null;
  const restB = new Map<string, ProjectRef>();
  for (let k = 0; k < b.length; k++) {
    if (!paired[k]) restB.set(b[k].row.id, b[k]);
    if (pauseAt(k)) yield;
  }
  return [restA, restB];
}

/** A side's projects in order, the key group of each (as its key map has it) and their places. */
export interface KeyStep {
  list: readonly ProjectRef[];
  groups: readonly (ProjectRef | ProjectRef[] | undefined)[];
  places: Int32Array;
}

/**
 * What pairing by key needs to walk b in step: b's whole list grouped by key (`byKey`, its ids
 * unique) and each project's group by place, kept beside the list; none when rows repeat.
 */
export function* keyStep(
  b: readonly ProjectRef[],
  byKey: Map<string, ProjectRef | ProjectRef[]>,
): Steps<KeyStep | undefined> {
  const places = yield* placesOf(b);
  if (!places) return undefined;
  const groups = yield* memoisedSteps(b, 'byKeyAt', function* () {
    const out = new Array<ProjectRef | ProjectRef[] | undefined>(b.length);
    for (let k = 0; k < b.length; k++) {
      const p = b[k];
      out[k] = p.key ? byKey.get(p.key) : undefined;
      if (pauseAt(k)) yield;
    }
    return out;
  });
  return { list: b, groups, places };
}
