/**
 * Matching the projects of two versions of a plan: by their stable id (revisions of one workbook),
 * then by a business key (normalised name + lead unit), then by similar names (a department's new
 * file with small wording changes). Ambiguous pairs are flagged for the user to confirm or fix.
 */
import { fold } from './sources';
import type { AppendixSheet, Row } from './types';

/** A project row with what matching needs. */
export interface ProjectRef {
  sheetId: string;
  index: number;
  row: Row;
  /** Folded names of its ancestor sections, outermost first. */
  path: string[];
  /** Normalised name. */
  name: string;
  /** Normalised lead unit. */
  lead: string;
}

/** How two projects were paired. */
export interface Match {
  a: ProjectRef;
  b: ProjectRef;
  by: 'id' | 'key' | 'similar' | 'user';
  /** Name similarity, 0..1 (1 for id, key and user pairs with the same name). */
  score: number;
  /** The pair may be wrong (duplicates, or another candidate nearly as close). */
  ambiguous: boolean;
}

export interface MatchResult {
  matched: Match[];
  /** Projects only in b. */
  added: ProjectRef[];
  /** Projects only in a. */
  removed: ProjectRef[];
}

/** The user's corrections: pairs to force (a row id, b row id) and a rows to leave unmatched. */
export interface MatchOverrides {
  pairs?: [string, string][];
  unpaired?: string[];
}

/** Base letter of each character met so far ('' for punctuation), found once by decomposing it. */
const BASE = new Map<string, string>();

function base(ch: string): string {
  let b = BASE.get(ch);
  if (b === undefined) {
    b = fold(ch);
    if (!/^[a-z0-9]$/.test(b)) b = '';
    BASE.set(ch, b);
  }
  return b;
}

/** Name or unit text reduced to what matters for matching (case, diacritics, spacing, punctuation). */
export function normaliseName(s: unknown): string {
  const text = String(s ?? '');
  let out = '';
  let space = false;
  for (const ch of text) {
    const b = base(ch);
    if (b) {
      if (space && out) out += ' ';
      out += b;
      space = false;
    } else space = true;
  }
  return out;
}

/** The projects of a sheet, in order, with their section paths. */
export function projectRefs(sheet: AppendixSheet): ProjectRef[] {
  const out: ProjectRef[] = [];
  const stack: { level: number; name: string }[] = [];
  sheet.rows.forEach((row, index) => {
    while (stack.length && stack[stack.length - 1].level >= row.level) stack.pop();
    if (row.kind === 'section')
      stack.push({ level: row.level, name: normaliseName(row.cells.name) });
    if (row.kind !== 'project') return;
    out.push({
      sheetId: sheet.id,
      index,
      row,
      path: stack.map((s) => s.name),
      name: normaliseName(row.cells.name),
      lead: normaliseName(row.cells.lead),
    });
  });
  return out;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = ` ${s} `;
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
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
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return (words + (2 * shared) / total) / 2;
}

/** Two names are taken for the same project from this similarity up (units equal add to it). */
export const SIMILAR = 0.6;
/** A runner-up this close to the best makes the pair ambiguous. */
const CLOSE = 0.05;

const samePath = (x: ProjectRef, y: ProjectRef) => x.path.join('/') === y.path.join('/');

/** Pairs the projects of a and b; see the module comment for the order of the rules. */
export function matchProjects(
  a: readonly ProjectRef[],
  b: readonly ProjectRef[],
  o: MatchOverrides = {},
): MatchResult {
  const matched: Match[] = [];
  const leftA = new Map(a.map((p) => [p.row.id, p]));
  const leftB = new Map(b.map((p) => [p.row.id, p]));
  const take = (
    x: ProjectRef,
    y: ProjectRef,
    by: Match['by'],
    score: number,
    ambiguous = false,
  ) => {
    matched.push({ a: x, b: y, by, score, ambiguous });
    leftA.delete(x.row.id);
    leftB.delete(y.row.id);
  };
  for (const [ia, ib] of o.pairs ?? []) {
    const x = leftA.get(ia);
    const y = leftB.get(ib);
    if (x && y) take(x, y, 'user', nameSimilarity(x.name, y.name));
  }
  const kept = new Map<string, ProjectRef>();
  for (const id of o.unpaired ?? []) {
    const x = leftA.get(id);
    if (x) kept.set(id, x);
    leftA.delete(id);
  }
  for (const x of [...leftA.values()]) {
    const y = leftB.get(x.row.id);
    if (y) take(x, y, 'id', nameSimilarity(x.name, y.name));
  }
  // business key: duplicates pair in order, same section first, and are flagged
  const byKey = new Map<string, ProjectRef[]>();
  for (const y of leftB.values()) {
    const k = `${y.name}|${y.lead}`;
    byKey.set(k, [...(byKey.get(k) ?? []), y]);
  }
  const countA = new Map<string, number>();
  for (const x of leftA.values())
    countA.set(`${x.name}|${x.lead}`, (countA.get(`${x.name}|${x.lead}`) ?? 0) + 1);
  for (const x of [...leftA.values()]) {
    const k = `${x.name}|${x.lead}`;
    const ys = byKey.get(k);
    if (!ys?.length) continue;
    const at = Math.max(
      0,
      ys.findIndex((y) => samePath(x, y)),
    );
    const dup = ys.length > 1 || (countA.get(k) ?? 0) > 1;
    take(x, ys[at], 'key', 1, dup);
    ys.splice(at, 1);
  }
  similar(leftA, leftB, take);
  return {
    matched,
    added: [...leftB.values()].sort((p, q) => p.index - q.index),
    removed: [...leftA.values(), ...kept.values()].sort((p, q) => p.index - q.index),
  };
}

/** Greedy pairing of the rest by name similarity (a shared lead unit adds 0.1). */
function similar(
  leftA: Map<string, ProjectRef>,
  leftB: Map<string, ProjectRef>,
  take: (x: ProjectRef, y: ProjectRef, by: Match['by'], score: number, ambiguous: boolean) => void,
): void {
  const pairs: { x: ProjectRef; y: ProjectRef; s: number }[] = [];
  const best = new Map<string, number[]>();
  // very large remainders only compare projects of the same lead unit (quadratic otherwise)
  const wide = leftA.size * leftB.size <= 4_000_000;
  for (const x of leftA.values()) {
    for (const y of leftB.values()) {
      if (!wide && x.lead !== y.lead) continue;
      const s = nameSimilarity(x.name, y.name) + (x.lead && x.lead === y.lead ? 0.1 : 0);
      if (s < SIMILAR) continue;
      pairs.push({ x, y, s });
      for (const id of [`a${x.row.id}`, `b${y.row.id}`]) best.set(id, [...(best.get(id) ?? []), s]);
    }
  }
  pairs.sort((p, q) => q.s - p.s);
  // another candidate (ties included) nearly as close as this one
  const runnerUp = (id: string, s: number) => {
    const all = best.get(id) ?? [];
    const others = all.slice();
    others.splice(all.indexOf(s), 1);
    return others.some((v) => Math.abs(s - v) < CLOSE);
  };
  for (const { x, y, s } of pairs) {
    if (!leftA.has(x.row.id) || !leftB.has(y.row.id)) continue;
    take(
      x,
      y,
      'similar',
      Math.min(1, s),
      runnerUp(`a${x.row.id}`, s) || runnerUp(`b${y.row.id}`, s),
    );
  }
}
