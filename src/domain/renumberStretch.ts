/**
 * Renumbering after a structural step over the stretch it changed (#20: every row of 100,000
 * renumbered per step, ~30 ms loaded). A walk keeps where it stood every `EVERY` rows (the
 * state before that row); the next step's rows share a start and an end with the list it gave,
 * so the walk resumes at the last kept state at or before the first row that differs, and stops
 * where, in the shared end, it stands as the last walk stood at the same row: from there on the
 * rows number as they did (the end of the changed numbering scope: a section closed, the counters
 * below it dropped). A scheme counting projects straight through walks to the end after a project
 * added or removed. The rows are those `renumber` gives.
 *
 * Why a kept state holds for rows already numbered: a row's number depends on the counters, not
 * on its own text, and the punctuation read from a number the walk wrote is the one it wrote
 * (a bare number never ends with `.` or `)`), so walking the rows a walk gave stands where walking
 * the rows it was given did (a punctuation never seen and one seen as none both add none).
 */
import { freshState, type NumberingScheme, type NumberState, numberRow } from './numbering';
import { commonEnds } from './rowIndex';
import type { Row } from './types';

/** Rows between kept states. */
const EVERY = 256;

/** The states a walk kept: `states[k]` before row `at[k]` (ascending, `at[0]` = 0). */
interface Kept {
  scheme: NumberingScheme;
  at: number[];
  states: NumberState[];
}

/** Per numbered row list: the states its walk kept. */
const kept = new WeakMap<readonly Row[], Kept>();

function copy(s: NumberState): NumberState {
  return {
    section: s.section.slice(),
    project: s.project.slice(),
    path: s.path.slice(),
    kinds: s.kinds.slice(),
    punct: new Map(s.punct),
    through: s.through,
  };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two states number every row alike (no punctuation and none seen are alike). */
function sameState(a: NumberState, b: NumberState): boolean {
  if (a.through !== b.through || !sameList(a.section, b.section)) return false;
  if (!sameList(a.project, b.project) || !sameList(a.path, b.path)) return false;
  if (!sameList(a.kinds, b.kinds)) return false;
  for (const [k, v] of a.punct) if ((b.punct.get(k) ?? '') !== v) return false;
  for (const [k, v] of b.punct) if ((a.punct.get(k) ?? '') !== v) return false;
  return true;
}

function sameScheme(a: NumberingScheme, b: NumberingScheme): boolean {
  return (
    a === b ||
    (a.through === b.through &&
      sameList(a.sections, b.sections) &&
      sameList(a.projects, b.projects))
  );
}

/** The lists the last walks gave, newest last (a list no walk gave is read against them). */
const recent: (readonly Row[])[] = [];
const RECENT = 4;

function remember(rows: readonly Row[]): void {
  const at = recent.indexOf(rows);
  if (at >= 0) recent.splice(at, 1);
  recent.push(rows);
  if (recent.length > RECENT) recent.shift();
}

/**
 * The states kept for `prev`; for a list no walk gave (an undo's or a redo's rows, a typed
 * cell's), those of a walk over the stretch it differs from a recent list walked by the same
 * scheme (sharing at least half of its rows), when that walk leaves every row as it is (the list
 * is numbered as a walk numbers it). Else none: the step walks every row (#20).
 */
function keptFor(prev: readonly Row[], scheme: NumberingScheme, every: number): Kept | undefined {
  const own = kept.get(prev);
  if (own) return own;
  let best: readonly Row[] | undefined;
  let shared = prev.length / 2;
  for (const l of recent) {
    const k = kept.get(l);
    if (!k?.at.length || !sameScheme(k.scheme, scheme)) continue;
    const { head, tail } = commonEnds(l, prev);
    if (head + tail >= shared) {
      best = l;
      shared = head + tail;
    }
  }
  if (!best) return undefined;
  const out = renumberAfter(best, prev, scheme, every);
  if (!sameList(out, prev)) return undefined;
  const k = kept.get(out);
  if (k) kept.set(prev, k);
  return k;
}

/**
 * `renumber(rows, scheme)` (hand numbers kept), walking only the stretch `rows` changed from
 * `prev` when `prev` came from such a walk by the same scheme, or is numbered as one and shares
 * most rows with a list a recent walk gave (`keptFor`); the states the walk kept (one per `every`
 * rows walked) are kept for the rows returned (`keepNumbering` carries them to an equal list).
 */
export function renumberAfter(
  prev: readonly Row[],
  rows: readonly Row[],
  scheme: NumberingScheme,
  every = EVERY,
): Row[] {
  const last = keptFor(prev, scheme, every);
  // (the rows as they are, each walked one replaced by its numbered self: no copy row by row)
  const out: Row[] = rows.slice();
  const mine: Kept = { scheme, at: [], states: [] };
  let st = freshState();
  let i = 0;
  let tailFrom = Infinity;
  let shift = 0;
  let m = 0; // the next of the last walk's states to compare with, in the shared end
  // (a walk over no rows kept no state)
  if (last?.at.length && sameScheme(last.scheme, scheme)) {
    const { head, tail } = commonEnds(prev, rows);
    let k = 0;
    while (k + 1 < last.at.length && last.at[k + 1] <= head) k++;
    mine.at = last.at.slice(0, k);
    mine.states = last.states.slice(0, k);
    i = last.at[k];
    st = copy(last.states[k]);
    tailFrom = rows.length - tail;
    shift = rows.length - prev.length;
    m = k;
  }
  let since = every;
  for (; i < rows.length; i++) {
    if (i >= tailFrom && last) {
      while (m < last.at.length && last.at[m] < i - shift) m++;
      if (m < last.at.length && last.at[m] === i - shift && sameState(st, last.states[m])) {
        // from here on the rows number as they did
        for (let q = m; q < last.at.length; q++) {
          mine.at.push(last.at[q] + shift);
          mine.states.push(last.states[q]);
        }
        kept.set(out, mine);
        remember(out);
        return out;
      }
    }
    if (since >= every) {
      mine.at.push(i);
      mine.states.push(copy(st));
      since = 0;
    }
    since++;
    out[i] = numberRow(rows[i], scheme, false, st);
  }
  kept.set(out, mine);
  remember(out);
  return out;
}

/** Carries the states kept for `from` to `to`, a list of the same rows. */
export function keepNumbering(from: readonly Row[], to: readonly Row[]): void {
  const k = kept.get(from);
  if (k && to !== from) kept.set(to, k);
}
