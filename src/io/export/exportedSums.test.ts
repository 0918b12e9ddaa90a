/**
 * The exported appendix's formulas add up exactly what Planbook's engine adds up
 * (domain/formulaForms.ts): *of which* (*Trong đó*) and ratio rows are never added, at the top level
 * or under a section, and a column never added up (a ratio column) has no grand total. A reader that
 * recalculates the file (LibreOffice) gets Planbook's totals, on a built plan and on real ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../../domain/template';
import type { AppendixSheet, ColumnLeaf, Workbook } from '../../domain/types';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { recalcMismatches } from '../../../tests/support/recalcCheck';
import { parsePlanbook } from '../planbookFile';
import { readPlanFile } from '../readPlan';
import '../sheetJsEager';
import { exportColumns } from './statedCells';

/** Rows: A (p1, p2, of which, ratio), B (p3), then an of-which and a ratio row at the top level. */
function plan(): Workbook {
  const wb = makePlan({
    years: [2021],
    sources: ['ĐTPT'],
    rows: [
      ['section', 0, 'A', { stated: 300, pct: 15 }],
      ['project', 1, 'p1', { '2021:ĐTPT': 100, stated: 100, pct: 10 }],
      ['project', 1, 'p2', { '2021:ĐTPT': 200, stated: 200, pct: 20 }],
      ['project', 1, 'Trong đó: vốn ODA', { '2021:ĐTPT': 50, stated: 50 }],
      ['project', 1, 'Tỷ lệ so với tổng', { '2021:ĐTPT': 0.5, pct: 50 }],
      ['section', 0, 'B', { stated: 400 }],
      ['project', 1, 'p3', { '2021:ĐTPT': 400, stated: 400, pct: 30 }],
      ['project', 0, 'Trong đó: vốn nước ngoài', { '2021:ĐTPT': 70, stated: 70 }],
      ['project', 0, 'Tỷ lệ so GDP', { '2021:ĐTPT': 3.5, pct: 3.5 }],
    ],
  });
  const sh = wb.sheets[0];
  const pct: ColumnLeaf = {
    kind: 'leaf',
    id: 'pct',
    label: 'Tỷ lệ %',
    role: 'value',
    additive: false,
  };
  const parts: Record<number, 'ofWhich' | 'ratio'> = {
    3: 'ofWhich',
    4: 'ratio',
    7: 'ofWhich',
    8: 'ratio',
  };
  const sheet: AppendixSheet = {
    ...sh,
    columns: [...sh.columns.slice(0, -1), pct, sh.columns[sh.columns.length - 1]],
    rows: sh.rows.map((r, i) => (parts[i] ? { ...r, part: parts[i] } : r)),
  };
  return { ...wb, sheets: [sheet] };
}

async function layoutOf(wb: Workbook) {
  const { out, engine } = await evaluatedExport(wb, { streamRowsOver: Infinity });
  return { l: out.layouts[0], v: engine.values(wb.sheets[0].id) };
}

const sample = (): Workbook => {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('sample');
  return r.workbook;
};

describe('the exported sums', () => {
  it('leave out of-which and ratio rows (top level and under a section) and ratio columns, as the engine does', async () => {
    const { l, v } = await layoutOf(plan());
    const row = (i: number) => l.firstRow + i + 1; // the file's row of plan row i
    // TT, name, lead, coord, 2021 ĐTPT, stated, ratio %, notes (the row total is not on the form)
    expect(exportColumns(plan().sheets[0]).leaves.map((x) => x.id)).toEqual([
      'tt',
      'name',
      'lead',
      'coord',
      'y2021_dtpt',
      'stated',
      'pct',
      'notes',
    ]);
    const [E, F, G] = [4, 5, 6];
    const grand = l.rows[l.totalRows.at(-1)!];
    // before: =SUM(E11,E16,E18:E19), adding the top-level of-which (70) and ratio (3.5) rows
    expect(grand[E]!.formula).toBe(`=SUM(E${row(0)},E${row(5)})`);
    expect(grand[F]!.formula).toBe(`=SUM(F${row(0)},F${row(5)})`);
    // before: =SUM(G11,G16,G18:G19), a grand total of percentages the engine never makes
    expect(grand[G]!.formula).toBeUndefined();
    expect(v.total(null, 'pct') ?? null).toBeNull();
    expect(grand[E]!.value).toBe(700);
    expect(v.total(null, 'y2021_dtpt')).toBe(700);
    // the source's computed total row too
    expect(l.totalRows).toHaveLength(2);
    expect(l.rows[l.totalRows[0]][E]!.formula).toBe(`=SUM(E${row(0)},E${row(5)})`);
    // a section adds up its direct children, never its of-which or ratio rows
    expect(l.rows[row(0) - 1][E]!.formula).toBe(`=SUM(E${row(1)}:E${row(2)})`);
    expect(l.rows[row(5) - 1][E]!.formula).toBe(`=SUM(E${row(6)})`);
    expect(l.rows[row(0) - 1][G]!.formula).toBeUndefined();
    // the grand-total references the views use
    expect(l.topRows).toEqual([row(0), row(5)]);
  });

  it('recalculated by LibreOffice, every formula of the built plan gives the engine its value', async () => {
    const r = await recalcMismatches(plan());
    // before: E20, E21 (the source's and the grand total) 773.5 and F21 770 against 700; G21 18.5, none
    expect(r.mismatches).toEqual([]);
    expect(r.checked).toBe(7); // sections A and B (E, F), E20, E21, F21
  }, 180_000);

  it('recalculated by LibreOffice, the sample plan and real plans give Planbook totals everywhere', async () => {
    const plans: [string, Workbook][] = [
      ['sample', sample()],
      ...[
        'fixtures/mof/Plan_2003.xls',
        'fixtures/mof/Plan_2017.xls',
        'fixtures/mof/Final_2007.xls',
      ].map((f): [string, Workbook] => [f, readPlanFile(f, readFileSync(f)).workbook]),
    ];
    for (const [name, wb] of plans) {
      const r = await recalcMismatches(wb);
      // before: Plan_2003's two sheets summed the ratio column D in the grand total (5816, not blank)
      expect({ name, mismatches: r.mismatches }).toEqual({ name, mismatches: [] });
      expect(r.checked).toBeGreaterThan(5);
    }
  }, 600_000);
});
