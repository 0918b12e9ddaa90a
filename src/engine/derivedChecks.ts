/**
 * Which derived formulas a structural step may have left different from the model: after
 * HyperFormula's row operations, a section's `=SUM(…)` of its children can differ from what the
 * tree now derives only where the step touched the rows it adds up. Every other section's formula
 * was shifted by the engine exactly as the tree shifts it (or not at all), so it is not read back:
 * an insert among 100,000 rows reads back the formulas of a few sections, not of thousands (each
 * read makes the engine bring the formula's text up to date, its dearest part after the row
 * operations themselves).
 *
 * Touched rows: the rows between the orders' common start and end (where the row operations
 * happen; at an insert, the row the new one pushes down), and every row the step changed. A
 * section is read back when the rows its formula names (itself and its children), widened by one
 * row either side, hold a touched row, before the step or after it. Rows before the touched ones
 * keep their place; rows after them all move by the same count, in the engine as in the model.
 */
import type { SheetDelta } from '../domain/delta';
import type { Id, Row } from '../domain/types';
import { commonEnds } from './rowOps';

/** Touched rows in one order: one interval (the row operations' middle) and single rows. */
interface Touched {
  from: number;
  to: number;
  at: number[];
}

/**
 * The sections of `rows` whose formula names a touched row (widened by one), into `out`. A
 * section names itself and its children (`childRows`: its rows one level below it, not parts),
 * so from the row above it to the row below its last child (itself when it has none): for a
 * touched row t, the sections at t − 1, t and t + 1, and those open at t − 1 (t − 1 is within
 * their rows) with a child at t − 1 or after. Found near each run of touched rows (the run
 * walked, then back from the row above it to its ancestors and forward to their next child),
 * never by a walk over the sheet (#20: 100,000 rows walked per step).
 */
function sectionsTouched(rows: readonly Row[], t: Touched, out: Set<Id>): void {
  const n = rows.length;
  const near = (from: number, to: number) => {
    for (let i = Math.max(0, from - 1); i <= Math.min(n - 1, to + 1); i++)
      if (rows[i].kind === 'section') out.add(rows[i].id);
    if (from - 1 >= 0 && from - 1 < n) reaching(rows, from - 1, out);
  };
  if (t.from <= t.to) near(t.from, t.to);
  // the single rows by runs of consecutive ones (renumbered siblings), those in the interval aside
  for (let a = 0; a < t.at.length;) {
    let b = a;
    while (b + 1 < t.at.length && t.at[b + 1] <= t.at[b] + 1) b++;
    if (t.at[a] < t.from || t.at[b] > t.to) near(t.at[a], t.at[b]);
    a = b + 1;
  }
}

/**
 * The sections open at row `j` (their rows hold it: after them only deeper rows up to it, no total
 * row) that have a child at `j` or after, into `out` (the one at `j` itself is there already).
 * Walks back to the ancestors (until a row at level 0 or a total row) and forward until each is
 * known to have such a child or to end.
 */
function reaching(rows: readonly Row[], j: number, out: Set<Id>): void {
  // the open sections, innermost first
  const open: Row[] = [];
  let min = Infinity;
  for (let k = j; k >= 0 && min > 0; k--) {
    const r = rows[k];
    if (r.kind === 'total') break;
    if (r.kind === 'section' && r.level < min) open.push(r);
    min = Math.min(min, r.level);
  }
  // the sections still waiting for a child, outermost first (levels rising)
  const waiting = open.filter((s) => !out.has(s.id)).reverse();
  const child = (r: Row) => {
    if (r.part) return;
    const s = waiting.findIndex((x) => x.level + 1 === r.level);
    if (s >= 0) out.add(waiting.splice(s, 1)[0].id);
  };
  child(rows[j]);
  for (let k = j + 1; k < rows.length && waiting.length; k++) {
    const r = rows[k];
    if (r.kind === 'total') return;
    // sections at its level or deeper end here
    while (waiting.length && waiting[waiting.length - 1].level >= r.level) waiting.pop();
    child(r);
  }
}

/**
 * The ids of the rows (not projects) whose derived formulas must be read back after the step
 * taking `before` to `after` (`index`: row id → index in `after`); undefined: all of them (a
 * row of the step not found where it should be: nothing is assumed).
 */
export function derivedToCheck(
  d: SheetDelta,
  before: readonly Row[],
  after: readonly Row[],
  index: ReadonlyMap<Id, number>,
): Set<Id> | undefined {
  const o = d.order;
  const ends = o ? commonEnds(o.before, o.after) : undefined;
  // the row operations' middle in each order (an insert's: the row pushed down)
  const mid = (n: number): Touched =>
    ends
      ? { from: ends.head, to: Math.max(ends.head, n - ends.tail - 1), at: [] }
      : { from: Infinity, to: -Infinity, at: [] };
  const old = mid(before.length);
  const now = mid(after.length);
  const oldMiddle = new Map<Id, number>();
  if (o && ends)
    for (let i = ends.head; i < o.before.length - ends.tail; i++) oldMiddle.set(o.before[i], i);
  const oldIndex = (id: Id): number | undefined => {
    const i = index.get(id);
    if (!o || !ends) return i;
    if (i === undefined || (i >= ends.head && i < after.length - ends.tail))
      return oldMiddle.get(id);
    return i < ends.head ? i : i - after.length + before.length;
  };
  for (const ch of d.rows) {
    if (ch.after) {
      const i = index.get(ch.id);
      if (i === undefined) return undefined;
      now.at.push(i);
    }
    if (ch.before) {
      const j = oldIndex(ch.id);
      if (j === undefined || before[j]?.id !== ch.id) return undefined;
      old.at.push(j);
    }
  }
  now.at.sort((a, b) => a - b);
  old.at.sort((a, b) => a - b);
  const out = new Set<Id>();
  sectionsTouched(before, old, out);
  sectionsTouched(after, now, out);
  // total rows (a few) and any other kind: always
  for (const r of after) if (r.kind !== 'project' && r.kind !== 'section') out.add(r.id);
  return out;
}
