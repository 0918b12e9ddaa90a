/**
 * The engine's layout and the export now read their sums' rules from domain/formulaForms.ts: held
 * to frozen copies of the code before (tests/support/layoutBefore). The engine's formulas are the
 * same on every plan; the export's are the same except where they were wrong: the computed total
 * rows of a sheet with no total row of its own, where an *of which* or ratio row stood at the top
 * level or a column is never added up (see exportedSums.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../domain/generate';
import { totalSegments } from '../../domain/totalSegments';
import { makePlan } from '../../domain/template';
import type { AppendixSheet, Workbook } from '../../domain/types';
import { PlanEngine } from '../../engine/engine';
import { layoutOf, rowContents } from '../../engine/layout';
import { formulaText, plainDerived, plainTotals } from '../../engine/plainFormulas';
import { totalsContents, totalsLayout } from '../../engine/totals';
import * as before from '../../../tests/support/layoutBefore/layout';
import { layoutAppendix as layoutBefore } from '../../../tests/support/layoutBefore/appendixLayout';
import {
  plainDerived as derivedBefore,
  plainTotals as totalsBefore,
} from '../../../tests/support/layoutBefore/plainFormulas';
import {
  totalsContents as contentsBefore,
  totalsLayout as tlBefore,
} from '../../../tests/support/layoutBefore/totals';
import { parsePlanbook } from '../planbookFile';
import { readPlanFile } from '../readPlan';
import '../sheetJsEager';
import { layoutAppendix } from './appendixLayout';
import { totalLabel } from './xlsx';

function plans(): [string, Workbook][] {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('sample');
  const parts = makePlan({
    rows: [
      ['section', 0, 'A'],
      ['project', 1, 'p1', { '2011:ĐTPT': 10 }],
      ['project', 1, 'of which', { '2011:ĐTPT': 4 }],
      ['project', 0, 'of which', { '2011:ĐTPT': 3 }],
      ['project', 0, 'ratio', { '2011:SN': 0.5 }],
    ],
  });
  const sh = parts.sheets[0];
  sh.rows[2].part = 'ofWhich';
  sh.rows[3].part = 'ofWhich';
  sh.rows[4].part = 'ratio';
  const files = [
    'fixtures/mof/Plan_2003.xls',
    'fixtures/mof/Plan_2012.xls',
    'fixtures/mof/Plan_2017.xls',
    'fixtures/mof/Final_2007.xls',
    'fixtures/provincial/ke-hoach-dau-tu-trung-han-2021-2025.xlsx',
    'fixtures/shapes/quang-tri-tcvn3.xls',
  ];
  return [
    ['sample', r.workbook],
    ['generated', generatePlan({ projects: 300, seed: 3 })],
    ['parts', parts],
    ...files.map((f): [string, Workbook] => [f, readPlanFile(f, readFileSync(f)).workbook]),
  ];
}

/** Whether the export's computed totals were wrong before: top-level parts, or a ratio column. */
function wrongBefore(s: AppendixSheet): boolean {
  if (s.rows.some((r) => r.kind === 'total')) return false;
  const flat = JSON.stringify(s.columns);
  return s.rows.some((r) => r.level === 0 && !!r.part) || flat.includes('"additive":false');
}

describe('the sums written once (domain/formulaForms.ts)', () => {
  it('give the engine the same formulas as the frozen layout, on every plan', () => {
    let sheets = 0;
    for (const [, wb] of plans())
      for (const s of wb.sheets) {
        sheets++;
        const l = layoutOf(s);
        expect(l).toEqual(before.layoutOf(s));
        const seg = totalSegments(s.rows);
        for (let i = 0; i < s.rows.length; i++) {
          expect(rowContents(l, s.rows, i, undefined, seg)).toEqual(
            before.rowContents(before.layoutOf(s), s.rows, i, undefined, seg),
          );
          expect(plainDerived(l, s.rows, i, seg)).toEqual(derivedBefore(l, s.rows, i, seg));
        }
        const t = totalsLayout(l);
        expect(t).toEqual(tlBefore(l));
        expect(totalsContents(l, t, s.name, s.rows)).toEqual(contentsBefore(l, t, s.name, s.rows));
        expect(
          plainTotals(l, t, s.rows).map((r) => r.map((x) => formulaText(x, 1, s.name))),
        ).toEqual(totalsBefore(l, t, s.rows).map((r) => r.map((x) => formulaText(x, 1, s.name))));
      }
    expect(sheets).toBeGreaterThan(20);
  });

  it('give the export the same layout as before, but the computed totals that were wrong', () => {
    const differ: string[] = [];
    const topDiffer: string[] = [];
    for (const [name, wb] of plans()) {
      const e = new PlanEngine();
      e.loadWorkbook(wb);
      for (const s of wb.sheets) {
        const v = e.values(s.id);
        const made = layoutAppendix(s, wb.meta, v, totalLabel('vi'));
        // a percent cell's own format (domain/percent) is new; the formulas are compared
        const now = {
          ...made,
          rows: made.rows.map((r) => r.map((c) => (c?.format ? { ...c, format: undefined } : c))),
        };
        const old = layoutBefore(s, wb.meta, v, totalLabel('vi'));
        // everything but the computed total rows and the top rows (what the views' grand totals read)
        const totals = new Set(now.totalRows);
        // a wide table's title block and signature lie over its print strips (appendixPrint.ts)
        const inTable = (l: typeof now, r: number) => r >= l.headerStart && r < l.tableEnd!;
        const rest = (l: typeof now) => ({
          ...l,
          topRows: undefined,
          print: undefined,
          heights: now.print ? l.heights?.slice(0, l.tableEnd! - l.firstRow) : l.heights,
          rows: l.rows.filter((_, r) => !totals.has(r) && (!now.print || inTable(l, r))),
        });
        expect(rest(now)).toEqual(rest(old));
        const table = (l: typeof now) => l.rows.filter((_, r) => inTable(l, r));
        if (wrongBefore(s)) {
          differ.push(`${name} ${s.name}`);
          expect(table(now)).not.toEqual(table(old));
        } else expect(table(now)).toEqual(table(old));
        if (s.rows.some((r) => r.level === 0 && r.kind !== 'total' && r.part)) {
          topDiffer.push(`${name} ${s.name}`);
          expect(now.topRows).not.toEqual(old.topRows);
        } else expect(now.topRows).toEqual(old.topRows);
      }
    }
    expect(differ).toEqual([
      'parts Phụ lục',
      'fixtures/mof/Plan_2003.xls Sheet1',
      'fixtures/mof/Plan_2003.xls Sheet1 (2)',
    ]);
    // M04 (Plan_2017): a total row then its breakdown, read as top-level of-which rows
    expect(topDiffer).toEqual(['parts Phụ lục', 'fixtures/mof/Plan_2017.xls M04']);
  });
});
