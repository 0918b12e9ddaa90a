/**
 * derivedToCheck finds the sections a step touched near the rows it touched, without a walk over
 * the sheet (derivedChecks.ts): on random trees (sections, projects, parts, total rows, levels not
 * normalised) and random steps, it names the same rows as the code that walked each section's
 * rows (tests/support/derivedChecksBefore); the order is not theirs (the writes sort the rows).
 */
import { describe, expect, it } from 'vitest';
import { derivedToCheck as before } from '../../tests/support/derivedChecksBefore/derivedChecks';
import { diffSheet } from '../domain/delta';
import { generatePlan, prng as rng } from '../domain/generate';
import { indexOfRows } from '../domain/rowIndex';
import type { Row, RowKind } from '../domain/types';
import { derivedToCheck } from './derivedChecks';

let fresh = 0;
/** A random row: a section, project or total row at a level, a part now and then. */
function randomRow(rnd: () => number): Row {
  const x = rnd();
  const kind: RowKind = x < 0.35 ? 'section' : x < 0.93 ? 'project' : 'total';
  const r: Row = { id: `r${++fresh}`, kind, level: Math.floor(rnd() * 4), cells: {} };
  return rnd() < 0.1 ? { ...r, part: 'ofWhich' as Row['part'] } : r;
}

/** The rows after a random step: rows added, removed, moved, or a level changed. */
function step(rnd: () => number, rows: readonly Row[]): Row[] {
  const out = rows.slice();
  const at = Math.floor(rnd() * out.length);
  const x = rnd();
  if (x < 0.3)
    out.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => randomRow(rnd)));
  else if (x < 0.55) out.splice(at, 1 + Math.floor(rnd() * 3));
  else if (x < 0.8)
    out.splice(Math.floor(rnd() * out.length), 0, ...out.splice(at, 1 + Math.floor(rnd() * 4)));
  else out[at] = { ...out[at], level: Math.floor(rnd() * 4) };
  return out.length ? out : rows.slice();
}

describe('derivedToCheck: the sections named as when each section’s rows were walked', () => {
  it('names the same rows on random trees and steps', () => {
    const rnd = rng(20261202);
    let named = 0;
    for (let tree = 0; tree < 200; tree++) {
      let rows: Row[] =
        tree % 4 === 0
          ? generatePlan({ projects: 60, perSection: 5 }).sheets[0].rows
          : Array.from({ length: 20 + Math.floor(rnd() * 60) }, () => randomRow(rnd));
      for (let k = 0; k < 10; k++) {
        const next = step(rnd, rows);
        const d = diffSheet({ id: 's', rows } as never, { id: 's', rows: next } as never);
        if (d) {
          const got = derivedToCheck(d, rows, next, indexOfRows(next));
          const want = before(d, rows, next, indexOfRows(next));
          expect(got && [...got].sort()).toEqual(want && [...want].sort());
          named += got?.size ?? 0;
        }
        rows = next;
      }
    }
    expect(named).toBeGreaterThan(2500);
  });
});
