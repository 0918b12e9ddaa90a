/**
 * Where the rows holding a formula are in a row list, cached per list: a list that changed a
 * stretch of a recent one reads only that stretch (#20: a structural step over 100,000 rows walked
 * every cell of every row to find the few formulas whose references follow the moved rows).
 */
import { type CommonEnds, commonEnds } from './rowIndex';
import type { Row } from './types';

const cache = new WeakMap<readonly Row[], readonly number[]>();
/** Lists whose formula rows were found lately (newest last). */
const recent: WeakRef<readonly Row[]>[] = [];
const RECENT = 4;

/** Whether a row holds a formula (a text cell starting with `=`). */
export function holdsFormula(r: Row): boolean {
  for (const k in r.cells) {
    const v = r.cells[k];
    if (typeof v === 'string' && v.startsWith('=')) return true;
  }
  return false;
}

/** Positions (ascending) of the rows of `rows[from, to)` that hold a formula, onto `out`. */
function scan(rows: readonly Row[], from: number, to: number, out: number[]): void {
  for (let i = from; i < to; i++) if (holdsFormula(rows[i])) out.push(i);
}

/** The formula rows of `rows` read through those of `a`, which shares its ends with it. */
function through(
  a: readonly Row[],
  found: readonly number[],
  rows: readonly Row[],
  { head, tail }: CommonEnds,
): number[] {
  const out: number[] = [];
  let k = 0;
  while (k < found.length && found[k] < head) out.push(found[k++]);
  scan(rows, head, rows.length - tail, out);
  const end = a.length - tail;
  const shift = rows.length - a.length;
  while (k < found.length && found[k] < end) k++;
  while (k < found.length) out.push(found[k++] + shift);
  return out;
}

/**
 * Positions (ascending) of the rows of `rows` holding a formula; `near` (optional): a list
 * `rows` was made from, to read only what changed since.
 */
export function formulaRows(rows: readonly Row[], near?: readonly Row[]): readonly number[] {
  const had = cache.get(rows);
  if (had) return had;
  let out: number[] | undefined;
  const bases = [near, ...recent.map((w) => w.deref()).reverse()];
  for (const a of bases) {
    const found = a && cache.get(a);
    if (!a || !found) continue;
    const ends = commonEnds(a, rows);
    if (rows.length - ends.head - ends.tail > rows.length / 4) continue;
    out = through(a, found, rows, ends);
    break;
  }
  if (!out) scan(rows, 0, rows.length, (out = []));
  cache.set(rows, out);
  recent.push(new WeakRef(rows));
  if (recent.length > RECENT) recent.shift();
  return out;
}
