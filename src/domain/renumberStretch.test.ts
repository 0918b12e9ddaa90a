/**
 * #20: renumbering after a structural step walks the stretch the step changed (from the last kept
 * state before it to where the numbering stands again as it did), and gives the rows `renumber`
 * gives over the whole list: through random inserts, deletes and moves of sections, projects,
 * totals, *of which* lines and hand numbers, with punctuated, bare and bulleted numbers, by
 * schemes counting projects per section and straight through.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, type NumberingScheme, renumber } from './numbering';
import { renumberAfter } from './renumberStretch';
import type { Row } from './types';
import { prng as seeded } from './generate';

let ids = 0;

/** A random row at `level` (a section's child one deeper, at most three). */
function randomRow(rnd: () => number, level: number): Row {
  const x = rnd();
  const kind = x < 0.3 ? 'section' : x < 0.95 ? 'project' : 'total';
  const tt = ['', '1.', 'a)', '-', ' 2 ', 'II', '3'][Math.floor(rnd() * 7)];
  const r: Row = { id: `r${ids++}`, kind, level: kind === 'total' ? 0 : level, cells: { tt } };
  if (kind === 'project' && rnd() < 0.04) r.part = 'ofWhich';
  if (kind !== 'total' && rnd() < 0.03) r.manualNumber = true;
  return r;
}

/** `n` random rows whose levels go down at most one at a time. */
function randomRows(rnd: () => number, n: number, level = 0): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    const r = randomRow(rnd, level);
    out.push(r);
    level = r.kind === 'section' ? Math.min(3, r.level + 1) : Math.floor(rnd() * (r.level + 1));
  }
  return out;
}

/** One random structural step: rows inserted, deleted, or a block moved. */
function step(rnd: () => number, rows: readonly Row[]): Row[] {
  const out = rows.slice();
  const at = Math.floor(rnd() * out.length);
  const x = rnd();
  if (x < 0.4) out.splice(at, 0, ...randomRows(rnd, 1 + Math.floor(rnd() * 4), rows[at]?.level));
  else if (x < 0.7) out.splice(at, 1 + Math.floor(rnd() * 3));
  else {
    const block = out.splice(at, 1 + Math.floor(rnd() * 5));
    out.splice(Math.floor(rnd() * (out.length + 1)), 0, ...block);
  }
  return out;
}

/** A copy of `rows` with one row's number typed anew (not marked as typed by hand). */
function retyped(rnd: () => number, rows: readonly Row[]): Row[] {
  const out = rows.slice();
  const at = Math.floor(rnd() * out.length);
  const tt = ['9.', 'b)', '-', 'X', ''][Math.floor(rnd() * 5)];
  if (out[at]) out[at] = { ...out[at], cells: { ...out[at].cells, tt } };
  return out;
}

/** Rows counting the reads of their kind (a walk reads each row's first) into `reads.n`. */
function counting(rows: readonly Row[], reads: { n: number }): Row[] {
  return rows.map((r) => {
    const { kind, ...rest } = r;
    return Object.defineProperty({ ...rest } as Row, 'kind', {
      get: () => (reads.n++, kind),
      enumerable: true,
    });
  });
}

describe('renumbering over the stretch a step changed', () => {
  it('gives the rows of the whole-list renumbering through random steps', () => {
    const schemes: NumberingScheme[] = [
      DEFAULT_SCHEME,
      { ...DEFAULT_SCHEME, through: true },
      { sections: ['letter', 'arabic', 'lower'], projects: ['arabic', 'plus', 'dash'] },
    ];
    let steps = 0;
    // (states kept every few rows: the walk resumes and stops at many places)
    for (const [k, scheme] of schemes.entries())
      for (const every of [3, 40, 256]) {
        const rnd = seeded(31 + k + every);
        let prev = renumberAfter([], randomRows(rnd, 1_500), scheme, every);
        const history: Row[][] = [prev];
        for (let s = 0; s < 100; s++) {
          const next = step(rnd, prev);
          const want = renumber(next, scheme);
          const got = renumberAfter(prev, next, scheme, every);
          // the same rows: unchanged ones the same objects
          const differ = want.flatMap((w, i) =>
            w === next[i]
              ? got[i] === w
                ? []
                : [i]
              : JSON.stringify(got[i]) === JSON.stringify(w)
                ? []
                : [i],
          );
          expect([got.length, differ]).toEqual([want.length, []]);
          history.push(got);
          // the next step from this list, from an undo's or a redo's copy of an earlier one,
          // or from a copy with a row's number changed by hand (not numbered as a walk numbers)
          const x = rnd();
          const earlier = history[Math.floor(rnd() * history.length)];
          prev = x < 0.6 ? got : x < 0.85 ? earlier.slice() : retyped(rnd, earlier);
          steps++;
        }
      }
    expect(steps).toBe(900);
  });

  it('numbers rows added to a list left empty', () => {
    const rnd = seeded(2);
    const empty = renumberAfter(
      renumberAfter([], randomRows(rnd, 5), DEFAULT_SCHEME),
      [],
      DEFAULT_SCHEME,
    );
    const rows = randomRows(rnd, 30);
    expect(renumberAfter(empty, rows, DEFAULT_SCHEME)).toEqual(renumber(rows, DEFAULT_SCHEME));
  });

  it('walks the rows around a step among thousands, not every row', () => {
    const rnd = seeded(8);
    const scheme = DEFAULT_SCHEME;
    const rows = renumber(randomRows(rnd, 20_000), scheme);
    let reads = 0;
    // each row counting the reads of its kind (a walk reads it first)
    const counted = rows.map((r) => {
      const { kind, ...rest } = r;
      return Object.defineProperty({ ...rest } as Row, 'kind', {
        get: () => (reads++, kind),
        enumerable: true,
      });
    });
    const first = renumberAfter([], counted, scheme);
    expect(reads).toBeGreaterThanOrEqual(rows.length);
    // a project added among them, under the section of row 9,000
    let at = 9_000;
    while (counted[at].kind !== 'section') at++;
    const added: Row = { id: 'new', kind: 'project', level: counted[at].level + 1, cells: {} };
    const next = [...first.slice(0, at + 1), added, ...first.slice(at + 1)];
    reads = 0;
    const got = renumberAfter(first, next, scheme);
    expect(reads).toBeLessThan(2_000);
    expect(got).toEqual(renumber(next, scheme));
  });

  it('after an undo, a redo or a typed cell, the next step walks around the steps, not every row', () => {
    const rnd = seeded(9);
    const scheme = DEFAULT_SCHEME;
    const reads = { n: 0 };
    const first = renumberAfter(
      [],
      counting(renumber(randomRows(rnd, 20_000), scheme), reads),
      scheme,
    );
    const sectionAt = (rows: readonly Row[], from: number) => {
      let at = from;
      while (rows[at].kind !== 'section') at++;
      return at;
    };
    /** A project added under the section at or after `from`. */
    const insert = (rows: readonly Row[], from: number, id: string): Row[] => {
      const at = sectionAt(rows, from);
      const added: Row = { id, kind: 'project', level: rows[at].level + 1, cells: {} };
      return [...rows.slice(0, at + 1), added, ...rows.slice(at + 1)];
    };
    const done = renumberAfter(first, insert(first, 9_000, 'a'), scheme);
    const lists = {
      // the rows an undo gives back (the same rows, another list)
      undo: first.slice(),
      // a redo's
      redo: done.slice(),
      // a figure typed in a row after the step (a list of the step's rows but one)
      typed: done.map((r, i) => (i === 9_500 ? { ...r, cells: { ...r.cells, x: 1 } } : r)),
    };
    for (const [name, list] of Object.entries(lists)) {
      const next = insert(list, 9_200, `b-${name}`);
      reads.n = 0;
      const got = renumberAfter(list, next, scheme);
      expect([name, reads.n < 5_000]).toEqual([name, true]);
      expect(got).toEqual(renumber(next, scheme));
    }
  });
});
