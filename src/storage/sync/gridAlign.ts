/**
 * Which rows and columns of a plain sheet after a step are the ones before it: the model of a
 * plain sheet is a table of positions, the shared document keys its cells by stable row and
 * column ids, so a step's rows and columns are matched to the ones it started from. Rows are
 * matched by identity first (the model is immutable: a row a step did not touch is the same
 * array), in a longest run of kept order; the rows left between two kept ones are paired in place
 * when there are as many on both sides, else by likeness (equal cells). Columns are matched by
 * their cells over the matched rows, the same way. A row or column left unmatched before the step
 * was removed, one left unmatched after it was inserted. Pure.
 */
import { sameCell } from '../../domain/registers';
import type { CellInput } from '../../domain/types';
import { longestIncreasing } from './order';

/** For each index after the step, the index before it it continues (-1: inserted). */
export type Alignment = number[];

/** Above this many cell comparisons a gap is paired in place instead of by likeness. */
const MAX_GAP_WORK = 200_000;

const at = (row: readonly CellInput[] | undefined, c: number): CellInput => row?.[c] ?? null;

/**
 * Pairs the items of two gaps (`a` before, `b` after) keeping their order, maximising the summed
 * likeness (`like(i, j)` > 0 to pair at all); ties keep items in place. Indices are the gaps' own.
 */
function pairGap(n: number, m: number, like: (i: number, j: number) => number): [number, number][] {
  if (n === m) return Array.from({ length: n }, (_, k) => [k, k]);
  const out: [number, number][] = [];
  if (!n || !m) return out;
  // score[i][j]: best summed likeness of a[i..] with b[j..]
  const score = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const l = like(i, j);
      const diag = l > 0 ? l + score[i + 1][j + 1] : -1;
      score[i][j] = Math.max(diag, score[i + 1][j], score[i][j + 1]);
    }
  for (let i = 0, j = 0; i < n && j < m;) {
    const l = like(i, j);
    if (l > 0 && l + score[i + 1][j + 1] === score[i][j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (score[i + 1][j] === score[i][j]) i++;
    else j++;
  }
  return out;
}

/**
 * Aligns two sequences: `keep` gives the anchors (pairs known to be the same item, in any order;
 * a longest order-keeping run of them is kept), gaps between anchors are paired by `like`.
 */
function align(
  n: number,
  m: number,
  anchors: [number, number][],
  like: (i: number, j: number) => number,
  work: number,
): Alignment {
  const out: Alignment = new Array<number>(m).fill(-1);
  const sorted = anchors.slice().sort((x, y) => x[1] - y[1]);
  const run = longestIncreasing(sorted.map((p) => p[0])).map((k) => sorted[k]);
  let pa = 0;
  let pb = 0;
  const fill = (ea: number, eb: number) => {
    const gn = ea - pa;
    const gm = eb - pb;
    const pairs =
      gn * gm * work > MAX_GAP_WORK
        ? Array.from({ length: Math.min(gn, gm) }, (_, k) => [k, k] as [number, number])
        : pairGap(gn, gm, (i, j) => like(pa + i, pb + j));
    for (const [i, j] of pairs) out[pb + j] = pa + i;
  };
  for (const [i, j] of run) {
    fill(i, j);
    out[j] = i;
    pa = i + 1;
    pb = j + 1;
  }
  fill(n, m);
  return out;
}

/** How alike two rows are: how many non-blank cells they share (over `width` columns). */
function rowLikeness(x: readonly CellInput[], y: readonly CellInput[]): number {
  let n = 0;
  const w = Math.min(x.length, y.length);
  for (let c = 0; c < w; c++) if (x[c] !== null && x[c] !== '' && sameCell(x[c], y[c])) n++;
  return n;
}

/** The rows after a step matched to the rows before it. */
export function alignRows(a: readonly CellInput[][], b: readonly CellInput[][]): Alignment {
  const where = new Map<CellInput[], number[]>();
  a.forEach((row, i) => {
    const list = where.get(row);
    if (list) list.push(i);
    else where.set(row, [i]);
  });
  const anchors: [number, number][] = [];
  b.forEach((row, j) => {
    const i = where.get(row)?.shift();
    if (i !== undefined) anchors.push([i, j]);
  });
  const width = Math.max(1, ...b.slice(0, 64).map((r) => r.length));
  return align(a.length, b.length, anchors, (i, j) => rowLikeness(a[i], b[j]), width);
}

/**
 * The columns after a step (`wb` of them) matched to the `wa` before it, by their cells over the
 * matched rows (`rows[j]`: the row before the step row j continues, -1: inserted). Columns equal
 * over every matched row are anchors (in order, ties in place); the others are paired in place
 * or by likeness. Columns past a row's end are blank.
 */
export function alignCols(
  a: readonly CellInput[][],
  b: readonly CellInput[][],
  rows: Alignment,
  wa: number,
  wb: number,
): Alignment {
  const pairs: [number, number][] = [];
  rows.forEach((i, j) => {
    if (i >= 0) pairs.push([i, j]);
  });
  /** Equal non-blank cells of two columns over the matched rows; -1: some cell differs. */
  const same = (ca: number, cb: number) => {
    let n = 0;
    for (const [i, j] of pairs) {
      const x = at(a[i], ca);
      if (!sameCell(x, at(b[j], cb))) return -1;
      if (x !== null && x !== '') n++;
    }
    return n;
  };
  const like = (ca: number, cb: number) => {
    let n = 0;
    for (const [i, j] of pairs) {
      const x = at(a[i], ca);
      if (x !== null && x !== '' && sameCell(x, at(b[j], cb))) n++;
    }
    return n;
  };
  const eq =
    wa * wb * pairs.length > MAX_GAP_WORK * 20
      ? []
      : pairGap(wa, wb, (ca, cb) => {
          const n = same(ca, cb);
          return n < 0 ? 0 : 1 + n;
        });
  return align(wa, wb, eq, like, pairs.length);
}
