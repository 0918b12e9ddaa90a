/**
 * Matching the projects of two versions of a plan. Row ids are identities only when the caller
 * says both versions share them (revisions of one workbook: `sharesIdentity` in compare.ts);
 * otherwise, and for the rest, projects are paired by what they are: the same name once spelled
 * alike (`nameKey`: case, diacritics, abbreviations, phases), then by a score over similar names,
 * lead unit, section and amounts, best pairs first (never by position). Every pair carries its
 * reasons and a confidence; a pair below `CONFIRM_BELOW` is doubtful and waits for the user.
 */
import { normaliseName, nameSimilarity } from './matchNames';
import { foldName, nameKey, tokensOf } from './nameKey';
import { Scorer } from './matchScore';
import { pairSimilar } from './matchSimilar';
import { intern } from './intern';
import {
  byId,
  keyStep,
  type KeyStep,
  marks,
  pairByIdInStep,
  placesOf,
  unique,
  untaken,
} from './matchIds';
import { keptList, keptRefs, memoised } from './refsMemo';
import {
  CONFIRM_BELOW,
  type Match,
  type MatchOptions,
  type MatchOverrides,
  type MatchReason,
  type MatchResult,
  type ProjectRef,
} from './matchTypes';
import type { AppendixSheet } from './types';

// the shapes and name helpers are matching's vocabulary: importers of match.ts get them too
export { nameSimilarity, normaliseName } from './matchNames';
export * from './matchTypes';

/** Normalised and canonical forms of lead units (few and repeated: read once). */
const UNITS = new Map<string, [string, string]>();

function unitOf(lead: unknown): [string, string] {
  const text = String(lead ?? '');
  let u = UNITS.get(text);
  if (!u) {
    u = [normaliseName(text), nameKey(text)];
    if (UNITS.size > 10_000) UNITS.clear();
    UNITS.set(text, u);
  }
  return u;
}

/** A project name's normalised text, canonical tokens and key. */
interface NameForms {
  /** As written, trimmed. */
  raw: string;
  /** Normalised. */
  text: string;
  tokens: string[];
  key: string;
}

/**
 * Name forms by name, for a comparison's two sides (which share most names) and the next
 * comparison (compare mode recomputes after every edit); emptied when it grows beyond two
 * 100,000-project versions' names (each name is folded once, not once per comparison).
 */
const NAMES = new Map<string, NameForms>();

function nameOf(name: unknown): NameForms {
  const raw = typeof name === 'string' ? name : String(name ?? '');
  let n = NAMES.get(raw);
  if (!n) {
    const folded = foldName(raw);
    const tokens = tokensOf(folded.words);
    n = { raw: raw.trim(), text: folded.text, tokens, key: tokens.join(' ') };
    if (NAMES.size > 300_000) NAMES.clear();
    NAMES.set(raw, n);
  }
  return n;
}

/**
 * The projects of a sheet, in order, with their section paths (kept for the next comparison
 * while the rows they are made of are unchanged: `keptRefs`).
 */
export function projectRefs(sheet: AppendixSheet): ProjectRef[] {
  return keptRefs(sheet, buildRefs);
}

/**
 * The same list, frozen and kept while the sheet's rows are unchanged: matching keeps what it
 * derives from such a list (id and key maps, token counts) for the next comparison.
 */
export function keptProjectRefs(sheet: AppendixSheet): readonly ProjectRef[] {
  return keptList(sheet, buildRefs);
}

function buildRefs(sheet: AppendixSheet): ProjectRef[] {
  const out: ProjectRef[] = [];
  const stack: { level: number; id: string; name: string; raw: string; key: string }[] = [];
  // the section context, rebuilt only when it changes (projects of a section share it)
  let path: string[] = [];
  let sections: string[] = [];
  let section = '';
  let parentId: string | null = null;
  let stale = false;
  const rows = sheet.rows;
  const sheetId = sheet.id;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const level = row.level;
    while (stack.length && stack[stack.length - 1].level >= level) {
      stack.pop();
      stale = true;
    }
    const kind = row.kind;
    if (kind === 'section') {
      const raw = String(row.cells.name ?? '').trim();
      stack.push({ level, id: row.id, name: normaliseName(raw), raw, key: nameKey(raw) });
      stale = true;
    }
    if (kind !== 'project') continue;
    if (stale) {
      path = stack.map((s) => s.name);
      sections = stack.map((s) => s.raw);
      section = intern(stack.map((s) => s.key).join('/'));
      parentId = stack.length ? stack[stack.length - 1].id : null;
      stale = false;
    }
    const cells = row.cells;
    const n = nameOf(cells.name);
    const [lead, unit] = unitOf(cells.lead);
    out.push({
      sheetId,
      index,
      row,
      path,
      sections,
      text: n.raw,
      name: n.text,
      lead,
      key: n.key,
      tokens: n.tokens,
      unit,
      section,
      parentId,
    });
  }
  return out;
}

/** Reasons lists shared by the pairs that have the same (10,000 pairs: 12 lists). */
const REASONS = new Map<string, readonly MatchReason[]>();

function reasonList(...rs: MatchReason[]): MatchReason[] {
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
function groupBy(ps: Iterable<ProjectRef>): Map<string, ProjectRef | ProjectRef[]> {
  const m = new Map<string, ProjectRef | ProjectRef[]>();
  for (const p of ps) {
    if (!p.key) continue;
    const had = m.get(p.key);
    if (!had) m.set(p.key, p);
    else if (Array.isArray(had)) had.push(p);
    else m.set(p.key, [had, p]);
  }
  return m;
}

/** Pairs projects whose names have the same key; duplicates by section, unit and amounts. */
function pairByKey(
  inA: Map<string, ProjectRef | ProjectRef[]>,
  inB: Map<string, ProjectRef | ProjectRef[]>,
  scorer: Scorer,
  take: (m: Match) => void,
  step?: KeyStep,
): void {
  // b's next project tried first (its key's group kept by place): versions keep their order
  let j = 0;
  for (const [k, x] of inA) {
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

/** Pairs the projects of a and b; see the module comment for the order of the rules. */
export function matchProjects(
  a: readonly ProjectRef[],
  b: readonly ProjectRef[],
  o: MatchOverrides = {},
  opts: MatchOptions = {},
): MatchResult {
  const matched: Match[] = [];
  // by id; a side's whole map is kept beside a kept list (read only: copied before a delete)
  const allA = memoised(a, 'byId', () => byId(a));
  const allB = memoised(b, 'byId', () => byId(b));
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
    reasons: by === 'id' ? (ID_REASONS ??= reasonList('id')) : reasonList(by),
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
      ? placesOf(b)
      : null;
  if (places) {
    // pairs by id walking both lists in step (no lookup while their ids follow in one order)
    const rest = pairByIdInStep(a, b, allB, places, (x, y) => matched.push(sure(x, y, 'id')));
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
  // names by key: a whole side's grouping kept with its list
  const keysA =
    leftA === allA ? memoised(a, 'byKey', () => groupBy(allA.values())) : groupBy(leftA.values());
  const keysB =
    leftB === allB ? memoised(b, 'byKey', () => groupBy(allB.values())) : groupBy(leftB.values());
  // key pairs taken in one batch: what is left is kept in order (no delete per pair); by row
  // index, when each side's projects have distinct rows (one sheet each, as projectRefs gives)
  const takenA = marks(a);
  const takenB = marks(b);
  if (takenA && takenB) {
    const step = leftB === allB && allB.size === b.length ? keyStep(b, keysB) : undefined;
    pairByKey(
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
    leftA = untaken(leftA, takenA);
    leftB = untaken(leftB, takenB);
  } else {
    own();
    pairByKey(keysA, keysB, scorer, take);
  }
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
