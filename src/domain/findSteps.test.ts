/**
 * The stepped find (rows ruled out by their joined forms, pauses every few hundred rows) gives
 * exactly the hits of the one-pass search it replaced, on random and real plans and queries.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leaves } from './columns';
import { findInPlan, findSteps, STEP_ROWS, type FindHit } from './find';
import { generatePlan, prng } from './generate';
import { formatAmount } from './numbers';
import { fold } from './sources';
import type { AppendixSheet, Workbook } from './types';

/** The search as it was: every cell of every row, one pass. */
function reference(sheets: readonly AppendixSheet[], query: string): FindHit[] {
  const q = fold(query);
  if (!q) return [];
  const typed = query.trim();
  const out: FindHit[] = [];
  for (const s of sheets) {
    const cols = leaves(s.columns).filter((l) => l.role !== 'rowTotal');
    s.rows.forEach((r, i) => {
      for (const l of cols) {
        const v = r.cells[l.id];
        if (v === null || v === undefined || v === '') continue;
        const exact =
          typeof v === 'number'
            ? [String(v), formatAmount(v, 'vi'), formatAmount(v, 'en')]
            : [String(v)];
        const numeric = typeof v === 'number' ? exact : [];
        if (numeric.includes(typed) || exact.map(fold).some((x) => x.includes(q)))
          out.push({ sheetId: s.id, rowIndex: i, rowId: r.id, colId: l.id });
      }
    });
  }
  return out;
}

const planbook = (path: string): Workbook => JSON.parse(readFileSync(path, 'utf8')).workbook;

/** Queries drawn from the plan's own cells (pieces of texts, figures in each style) and noise. */
function queries(wb: Workbook, seed: number, n: number): string[] {
  const rnd = prng(seed);
  const cells = wb.sheets.flatMap((s) => s.rows.flatMap((r) => Object.values(r.cells)));
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const out = [
    '',
    '  ',
    'sở',
    'SỞ',
    'Dự án',
    'du an so 1',
    '0',
    '00',
    '.',
    ',',
    '\u0001',
    'a\u0000b',
  ];
  for (let k = 0; k < n; k++) {
    const v = pick(cells);
    if (typeof v === 'number') {
      out.push(pick([String(v), formatAmount(v, 'vi'), formatAmount(v, 'en'), String(v).slice(1)]));
    } else if (typeof v === 'string' && v) {
      const a = Math.floor(rnd() * v.length);
      const piece = v.slice(a, a + 1 + Math.floor(rnd() * 8));
      out.push(rnd() < 0.3 ? piece.toUpperCase() : rnd() < 0.3 ? ` ${piece} ` : piece);
    } else out.push(pick(['x', 'đ', 'ư', '1.5', '1,5', 'tổng']));
  }
  return out;
}

describe('the stepped find', () => {
  it('gives the one-pass hits on generated plans (random queries, fixed seeds)', () => {
    for (const seed of [1, 2, 3]) {
      const wb = generatePlan({ projects: 600, seed });
      for (const q of queries(wb, seed, 40))
        expect(findInPlan(wb.sheets, q), q).toEqual(reference(wb.sheets, q));
    }
  });

  it('gives the one-pass hits on real plans', () => {
    for (const path of [
      'fixtures/quang-tri-2011-2015.planbook',
      'fixtures/compare/quang-tri-a.planbook',
      'fixtures/compare/quang-tri-b.planbook',
    ]) {
      const wb = planbook(path);
      for (const q of queries(wb, 7, 120))
        expect(findInPlan(wb.sheets, q), q).toEqual(reference(wb.sheets, q));
    }
  });

  it('pauses every few hundred rows and finds the same', () => {
    const wb = generatePlan({ projects: 3000 });
    const steps = findSteps(wb.sheets, 'dự án số 29');
    let pauses = 0;
    let n = steps.next();
    while (!n.done) {
      pauses++;
      n = steps.next();
    }
    expect(pauses).toBeGreaterThan(4);
    expect(n.value).toEqual(reference(wb.sheets, 'dự án số 29'));
  });

  it('an edited row is searched again (forms are kept per row object)', () => {
    const wb = generatePlan({ projects: 200 });
    const s = wb.sheets[0];
    expect(findInPlan(wb.sheets, 'tên mới')).toEqual([]);
    const i = s.rows.findIndex((r) => r.kind === 'project');
    const rows = s.rows.slice();
    rows[i] = { ...rows[i], cells: { ...rows[i].cells, name: 'Tên mới' } };
    const edited = [{ ...s, rows }];
    expect(findInPlan(edited, 'tên mới')).toEqual([
      { sheetId: s.id, rowIndex: i, rowId: rows[i].id, colId: 'name' },
    ]);
  });

  it('no step of a 100,000-project plan scans more than a few hundred rows', () => {
    const wb = generatePlan({ projects: 100_000 });
    const rows = wb.sheets.reduce((n, s) => n + s.rows.length, 0);
    const steps = findSteps(wb.sheets, 'dự án số 98700');
    let pauses = 0;
    while (!steps.next().done) pauses++;
    expect(STEP_ROWS).toBeLessThanOrEqual(128);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(rows / STEP_ROWS) - wb.sheets.length);
  }, 120_000);
});
