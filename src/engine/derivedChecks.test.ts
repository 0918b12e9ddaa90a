/**
 * A structural step reads back only the derived formulas of the sections it touched
 * (derivedChecks.ts): through random sequences of inserts, deletes, moves, indents, kind changes
 * and stated figures, each done, undone and done again, the engine holds every formula and value
 * a fresh engine built from the model holds, and what the old code (every derived formula read
 * back: tests/support/restructureBefore) left, with the same changes reported (blanks aside).
 */
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { restructure as restructureBefore } from '../../tests/support/restructureBefore/writes';
import { diffSheet, type SheetDelta } from '../domain/delta';
import { generatePlan, prng as rng } from '../domain/generate';
import { normaliseLevels } from '../domain/rows';
import type { AppendixSheet, Row } from '../domain/types';
import { derivedToCheck } from './derivedChecks';
import { reverseSheetDelta } from './engineSteps';
import { layoutOf, rowContents, type SheetLayout } from './layout';
import { indexOfRows } from '../domain/rowIndex';
import { isStructural, restructure, rowWrites, writeBlocks } from './writes';

/** An engine holding the sheet's data as a build from the model writes it. */
function engineOf(l: SheetLayout, rows: readonly Row[]): HyperFormula {
  const contents = rows.map((_, i) => rowContents(l, rows, i));
  return HyperFormula.buildFromSheets({ d: contents }, { licenseKey: 'gpl-v3' });
}

/** The sheet to start from: sections, projects (some with formulas), a total row on top. */
function startSheet(): AppendixSheet {
  const s = generatePlan({ projects: 30, perSection: 4 }).sheets[0];
  const rows: Row[] = s.rows.map((r, i) =>
    r.kind === 'project' && i % 5 === 0
      ? { ...r, cells: { ...r.cells, y2022_dtpt: `=E${i}+1`, y2024_sn: `=SUM(F3:F${i})` } }
      : r,
  );
  rows.unshift({ id: 'tot', kind: 'total', level: 0, cells: { name: 'Tổng số' } });
  return { ...s, rows };
}

let fresh = 0;
/** One random step on the rows: a row added, rows removed or moved, a level, kind or figure changed. */
function randomStep(rnd: () => number, rows: readonly Row[]): Row[] {
  const out = rows.slice();
  const int = (n: number) => Math.floor(rnd() * n);
  const at = 1 + int(out.length - 1);
  const x = rnd();
  if (x < 0.25) {
    const kind = rnd() < 0.7 ? 'project' : 'section';
    out.splice(at, 0, { id: `n${++fresh}`, kind, level: 1 + int(2), cells: { y2021_dtpt: 7 } });
  } else if (x < 0.45) out.splice(at, 1 + int(3));
  else if (x < 0.65) {
    const block = out.splice(at, 1 + int(3));
    out.splice(1 + int(out.length), 0, ...block);
  } else if (x < 0.8) {
    const r = out[at];
    out[at] = { ...r, level: Math.max(0, r.level + (rnd() < 0.5 ? -1 : 1)) };
  } else if (x < 0.9) {
    const r = out[at];
    out[at] = { ...r, kind: r.kind === 'project' ? 'section' : 'project' };
  } else {
    const r = out[at];
    out[at] = { ...r, cells: { ...r.cells, y2021_dtpt: rnd() < 0.5 ? int(100) : null } };
  }
  return normaliseLevels(out.length > 1 ? out : rows);
}

/** Applies a step's delta to `hf` with `run` (structural) or as cell writes. */
function apply(
  hf: HyperFormula,
  l: SheetLayout,
  d: SheetDelta,
  to: readonly Row[],
  from: readonly Row[],
  run: typeof restructure,
): string[] {
  if (!isStructural(d)) {
    const index = indexOfRows(to);
    const writes = d.rows.flatMap((ch) => rowWrites(l, ch.before!, ch.after!, index.get(ch.id)!));
    return changesOf(writeBlocks(hf, 0, writes));
  }
  return changesOf(run(hf, 0, l, d, to, from));
}

/** The changes to a value as sorted `row:col=value` (the old code wrote blanks in added rows). */
function changesOf(out: ReturnType<HyperFormula['setCellContents']>): string[] {
  return out
    .flatMap((c) => ('address' in c && c.newValue !== null ? [c] : []))
    .map((c) => `${c.address.row}:${c.address.col}=${JSON.stringify(c.newValue)}`)
    .sort();
}

/**
 * Runs `steps` (each: the next rows from the current ones) on the sheet: each step done, undone and
 * done again on an engine of the new code and one of the old, each compared with a fresh build
 * from the model. The count of structural steps.
 */
function runSteps(
  sheet: AppendixSheet,
  steps: ((rows: readonly Row[]) => Row[])[],
  formulas = true,
): number {
  const l = layoutOf(sheet);
  const a = engineOf(l, sheet.rows);
  const b = engineOf(l, sheet.rows);
  /** What a fresh build from the model holds: formulas and values. */
  const built = (rows: readonly Row[]) => {
    const hf = engineOf(l, rows);
    const out = { formulas: hf.getSheetSerialized(0), values: hf.getSheetValues(0) };
    hf.destroy();
    return out;
  };
  let want = built(sheet.rows);
  let structural = 0;
  for (const step of steps) {
    const next: AppendixSheet = { ...sheet, rows: step(sheet.rows) };
    const d = diffSheet(sheet, next);
    if (!d) continue;
    if (isStructural(d)) structural++;
    const undo = reverseSheetDelta(d);
    const wantNext = built(next.rows);
    for (const [delta, to, from, w] of [
      [d, next.rows, sheet.rows, wantNext],
      [undo, sheet.rows, next.rows, want],
      [d, next.rows, sheet.rows, wantNext],
    ] as const) {
      const got = apply(a, l, delta, to, from, (hf, s, lay, dd, rows, was, fix) =>
        restructure(hf, s, lay, dd, rows, was, fix, formulas),
      );
      const old = apply(b, l, delta, to, from, (hf, s, lay, dd, rows, _before, fix) =>
        restructureBefore(hf, s, lay, dd, rows, fix),
      );
      expect(got).toEqual(old);
      expect(a.getSheetSerialized(0)).toEqual(w.formulas);
      expect(a.getSheetValues(0)).toEqual(w.values);
      expect(b.getSheetSerialized(0)).toEqual(w.formulas);
    }
    want = wantNext;
    sheet = next;
  }
  return structural;
}

/** The rows with the rows `[at, at + count)` removed. */
const without =
  (at: (rows: readonly Row[]) => number, count: number) =>
  (rows: readonly Row[]): Row[] => {
    const out = rows.slice();
    out.splice(at(rows), count);
    return out;
  };

describe('derivedToCheck: a structural step reads back only the sections it touched', () => {
  it('leaves the engine as a fresh build and as the old code, through do, undo and redo', () => {
    const rnd = rng(20261202);
    const steps = Array.from({ length: 40 }, () => (rows: readonly Row[]) => randomStep(rnd, rows));
    expect(runSteps(startSheet(), steps)).toBeGreaterThan(25);
  }, 120_000);

  it('leaves the same engine without reading every row when no row holds a formula of the user', () => {
    const rnd = rng(20261203);
    const plain = generatePlan({ projects: 30, perSection: 4 }).sheets[0];
    const steps = Array.from({ length: 30 }, () => (rows: readonly Row[]) => randomStep(rnd, rows));
    expect(runSteps(plain, steps, false)).toBeGreaterThan(18);
  }, 120_000);

  it('reads the cells of a few rows at an insert among thousands (no formula of the user)', () => {
    // each row's cells counted when walked (for…in asks a proxy for its keys)
    const walked = new Set<string>();
    const plan = generatePlan({ projects: 2000 }).sheets[0];
    const watched: Row[] = plan.rows.map((r) => ({
      ...r,
      cells: new Proxy(r.cells, {
        ownKeys: (t) => (walked.add(r.id), Reflect.ownKeys(t)),
      }),
    }));
    const s = { ...plan, rows: watched };
    const l = layoutOf(s);
    const hf = engineOf(l, s.rows);
    const rows = s.rows.slice();
    rows.splice(1000, 0, { id: 'new', kind: 'project', level: 2, cells: { y2021_dtpt: 5 } });
    const next = normaliseLevels(rows);
    const d = diffSheet(s, { ...s, rows: next })!;
    walked.clear();
    restructure(hf, 0, l, d, next, s.rows, undefined, false);
    expect(walked.size).toBeLessThan(20);
    expect(hf.getSheetSerialized(0)).toEqual(engineOf(l, next).getSheetSerialized(0));
  });

  it('rewrites the formula of a section whose last child went (named only before the step)', () => {
    // the sheet's last group, with its projects: its field's sum named the group's row
    const lastGroup = (rows: readonly Row[]) =>
      rows.findLastIndex((r) => r.kind === 'section' && r.level === 1);
    const dropLastGroup = (rows: readonly Row[]) => rows.slice(0, lastGroup(rows));
    // a project inserted right below a group's last project, one level deeper (not its child)
    const below = (rows: readonly Row[]): Row[] => {
      const out = rows.slice();
      const at = out.findIndex((r, i) => r.kind === 'project' && out[i + 1]?.kind === 'section');
      out.splice(at + 1, 0, { id: 'deep', kind: 'section', level: 2, cells: {} });
      return out;
    };
    expect(
      runSteps(startSheet(), [dropLastGroup, below, without(lastGroup, 1), dropLastGroup]),
    ).toBe(4);
  });

  it('names a few sections at an insert or a delete among hundreds', () => {
    const s = generatePlan({ projects: 2000 }).sheets[0];
    const sections = s.rows.filter((r) => r.kind === 'section').length;
    expect(sections).toBeGreaterThan(80);
    const rows = s.rows.slice();
    rows.splice(1000, 0, { id: 'new', kind: 'project', level: 2, cells: {} });
    const insert = diffSheet(s, { ...s, rows })!;
    const gone = diffSheet({ ...s, rows }, s)!;
    const ins = derivedToCheck(insert, s.rows, rows, indexOfRows(rows))!;
    const del = derivedToCheck(gone, rows, s.rows, indexOfRows(s.rows))!;
    // the new row's section and the one above it (its formula ends where the row goes)
    expect(ins.size).toBeGreaterThan(0);
    expect(ins.size).toBeLessThanOrEqual(4);
    expect(del.size).toBeLessThanOrEqual(4);
    expect([...ins].every((id) => s.rows.find((r) => r.id === id)?.kind === 'section')).toBe(true);
  });
});
