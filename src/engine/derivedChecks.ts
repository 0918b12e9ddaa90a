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

/** Whether a touched row lies in `[lo, hi]`. */
function touches(t: Touched, lo: number, hi: number): boolean {
  if (t.from <= hi && t.to >= lo) return true;
  let a = 0;
  let b = t.at.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (t.at[m] < lo) a = m + 1;
    else b = m;
  }
  return a < t.at.length && t.at[a] <= hi;
}

/**
 * The sections of `rows` whose formula names a touched row (widened by one), into `out`: a
 * section names itself and its children (`childRows`), so from the row above it to the row below
 * its last child.
 */
function sectionsTouched(rows: readonly Row[], t: Touched, out: Set<Id>): void {
  const last = lastChildren(rows);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind !== 'section' || out.has(r.id)) continue;
    if (touches(t, i - 1, (last[i] ?? i) + 1)) out.add(r.id);
  }
}

/**
 * Per section index, its last child's (the last of `childRows(rows, i)`; none: no child), in one
 * walk with the sections open at each row (a section's rows end at a total row or at a row no
 * deeper than it; its children are its rows one level below it, not parts), not one walk over
 * each section's rows.
 */
function lastChildren(rows: readonly Row[]): (number | undefined)[] {
  const last: (number | undefined)[] = [];
  // the open sections, by index, levels rising
  const open: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    if (r.kind === 'total') open.length = 0;
    while (open.length && rows[open[open.length - 1]].level >= r.level) open.pop();
    const top = open[open.length - 1];
    if (top !== undefined && r.level === rows[top].level + 1 && !r.part) last[top] = j;
    if (r.kind === 'section') open.push(j);
  }
  return last;
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
