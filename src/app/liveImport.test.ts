import { readFileSync } from 'node:fs';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parsePlanbook, serializePlanbook } from '../io/planbookFile';
import { readPlanFile } from '../io/readPlan';
import { rowChecker } from '../domain/checks';
import type { AppendixSheet } from '../domain/types';
import { PlainValues } from '../engine/plainValues';
import { withLiveTotals } from './liveImport';
import { PlanbookApp } from './services';
import type { WorkbookSession } from './session';
import { file, plan, sum, withSums } from '../../tests/support/liveTotalsFiles';

let n = 0;
/** The file imported as the user does (preview confirmed), opened for editing. */
async function imported(bytes: Uint8Array): Promise<WorkbookSession> {
  const app = new PlanbookApp(`live-import-${n++}`);
  const id = await app.createFromImport(readPlanFile('plan.xlsx', bytes).workbook);
  return (await app.open(id))!.session;
}

/** The file's workbook stored as read, every figure stated (as before live totals). */
async function asRead(bytes: Uint8Array): Promise<WorkbookSession> {
  const app = new PlanbookApp(`live-import-${n++}`);
  const wb = readPlanFile('plan.xlsx', bytes).workbook;
  await app.repo.create(wb);
  return (await app.open(wb.id))!.session;
}

const shape = (s: WorkbookSession) => {
  const sheet = s.workbook.sheets[0];
  const row = (name: string) => sheet.rows.find((r) => r.cells.name === name)!;
  const findings = () =>
    s.checks
      .list(s.workbook, sheet.id)
      .map((f) => `${f.rule} ${f.severity} ${f.label} ${f.expected}≠${f.actual}`);
  // what the grid shows: the figure the row states, else its sum
  const shown = (name: string) => {
    const now = s.workbook.sheets[0];
    const i = now.rows.findIndex((r) => r.cells.name === name);
    return now.rows[i].cells.y2025_dtpt ?? s.value(now.id, i, 'y2025_dtpt');
  };
  const edit = (name: string, dtpt: number, stated: number) =>
    s.dispatch(
      {
        type: 'setCells',
        sheetId: sheet.id,
        changes: [
          { rowId: row(name).id, colId: 'y2025_dtpt', value: dtpt },
          { rowId: row(name).id, colId: 'stated', value: stated },
        ],
      },
      'edit',
    );
  return { row, findings, shown, edit };
};

describe('imported section and total figures that agree with their rows follow later edits', () => {
  it('SUM formulas over their own block: live totals, an edited project leaves no false alarm', async () => {
    const s = await imported(withSums());
    const { row, findings, shown, edit } = shape(s);
    expect(row('Giao thông').cells).toEqual({ tt: '1', name: 'Giao thông' });
    expect(row('Tổng cộng').cells).toEqual({ name: 'Tổng cộng' });
    expect(findings()).toEqual([]);
    edit('Dự án A', 3500, 3600);
    expect(findings()).toEqual([]);
    expect(['Giao thông', 'Hạ tầng', 'Tổng cộng'].map(shown)).toEqual([8500, 8500, 8500]);
  });

  it('plain numbers that add up: the same', async () => {
    const s = await imported(
      plan([
        [9000, 300, 9300],
        [9000, 300, 9300],
        [9000, 300, 9300],
      ]),
    );
    const { findings, shown, edit } = shape(s);
    edit('Dự án B', 5500, 5700);
    expect(findings()).toEqual([]);
    expect(['Giao thông', 'Hạ tầng', 'Tổng cộng'].map(shown)).toEqual([9500, 9500, 9500]);
  });

  it('a SUM over the wrong range stays stated and is found, as before the import', async () => {
    // section 1 sums only Dự án A; I and the total restate section 1 (they agree with it, not with the projects)
    const bytes = plan([
      [sum('D6', 4000), sum('E6', 300), sum('F6', 9300)],
      [sum('D7', 4000), sum('E7', 300), sum('F7', 9300)],
      [sum('SUM(D8:D8)', 4000), sum('SUM(E8:E9)', 300), sum('SUM(F8:F9)', 9300)],
    ]);
    const s = await imported(bytes);
    const { row, findings, shown, edit } = shape(s);
    // the total row's Tổng mức đầu tư (9.300) is not its own amounts (4.000 + 300): found too
    const found = [
      'grand-total error Tổng cộng 9300≠4300',
      'section-total error Giao thông 4000≠9000',
    ];
    expect(findings()).toEqual(found);
    expect(shape(await asRead(bytes)).findings()).toEqual(found);
    // only the agreeing figures go live; those restating the wrong one keep the document's figure
    expect(row('Giao thông').cells.y2025_dtpt).toBe(4000);
    expect([row('Hạ tầng').cells.y2025_dtpt, row('Tổng cộng').cells.y2025_dtpt]).toEqual([
      4000, 4000,
    ]);
    expect(row('Giao thông').cells.y2025_sn).toBeUndefined();
    expect(['Giao thông', 'Hạ tầng', 'Tổng cộng'].map(shown)).toEqual([4000, 4000, 4000]);
    edit('Dự án A', 3500, 3600);
    expect(findings()).toEqual([
      'grand-total error Tổng cộng 9300≠4300',
      'section-total error Giao thông 4000≠8500',
    ]);
  });

  it('a rounding-only difference (a warning at most) follows its rows too', async () => {
    const s = await imported(
      plan(
        [
          [9001, 300, 9301],
          [9001, 300, 9301],
          [9001, 300, 9301],
        ],
        [4000.4, 100, 4100.4],
        [5000.4, 200, 5200.4],
      ),
    );
    const { row, findings, shown, edit } = shape(s);
    expect(row('Giao thông').cells.y2025_dtpt).toBeUndefined();
    expect(findings()).toEqual([]);
    edit('Dự án A', 3000.4, 3100.4);
    expect(findings()).toEqual([]);
    expect(shown('Giao thông')).toBeCloseTo(8000.8, 6);
  });

  it('a “Trong đó” line and the project it breaks down keep their figures (never derived)', async () => {
    const s = await imported(
      file([
        ['', 'Tổng cộng', '', 9000, 300, 9300],
        ['I', 'Hạ tầng', '', 9000, 300, 9300],
        ['1', 'Dự án A', 'Sở GTVT', 4000, 100, 4100],
        ['', 'Trong đó: vốn ngân sách trung ương', '', 3000, '', 3000],
        ['2', 'Dự án B', 'Sở GTVT', 5000, 200, 5200],
      ]),
    );
    const { row, findings, shown, edit } = shape(s);
    const part = () => s.workbook.sheets[0].rows.find((r) => r.part === 'ofWhich')!;
    // Dự án A reads as a line over its breakdown: its figures are its own, not the breakdown's sum
    expect(row('Dự án A').cells.y2025_dtpt).toBe(4000);
    expect(part().cells.y2025_dtpt).toBe(3000);
    expect(row('Hạ tầng').cells.y2025_dtpt).toBeUndefined();
    edit('Dự án B', 4000, 4200);
    expect(findings()).toEqual([]);
    expect([shown('Hạ tầng'), shown('Tổng cộng'), shown('Dự án A')]).toEqual([8000, 8000, 4000]);
    expect(part().cells.y2025_dtpt).toBe(3000);
  });

  it('over published tables: the same errors, nothing new (sections each rounded, column rules)', () => {
    const findings = (sheet: AppendixSheet) => {
      const check = rowChecker(sheet, PlainValues.of(sheet)!.values());
      return sheet.rows.flatMap((_, i) =>
        check(i).map((f) => `${f.rule} ${f.rowId} ${f.colId} ${f.severity}`),
      );
    };
    // Final_2008: a total agreeing with its rounded sections, not with the provinces’ sum;
    // Plan_2009: a column rule (4=5+6) on the total row over a figure that adds up
    for (const name of ['Final_2008.xls', 'Plan_2009.xls']) {
      const wb = readPlanFile(name, readFileSync(`fixtures/mof/${name}`)).workbook;
      const live = withLiveTotals(wb);
      if (name === 'Final_2008.xls') expect(live).not.toBe(wb);
      const before = findings(wb.sheets[0]);
      const after = findings(live.sheets[0]);
      expect(after.filter((f) => !before.includes(f))).toEqual([]);
      const errors = before.filter((f) => f.endsWith('error'));
      if (name === 'Plan_2009.xls') expect(errors.length).toBeGreaterThan(0);
      expect(errors.filter((f) => !after.includes(f))).toEqual([]);
    }
  });

  it('a .planbook saved before opens with its figures and findings unchanged', async () => {
    // the sample (its stated figures in error) and a file imported before live totals, as saved
    const sample = readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8');
    const saved = serializePlanbook(readPlanFile('plan.xlsx', withSums()).workbook);
    const listed = (wb: WorkbookSession) =>
      wb.workbook.sheets.map((x) => wb.checks.list(wb.workbook, x.id));
    const app = new PlanbookApp(`live-import-${n++}`);
    for (const text of [sample, saved]) {
      const parsed = parsePlanbook(text);
      if (!parsed.ok) throw new Error('planbook');
      const rows = parsed.workbook.sheets.map((x) => x.rows);
      const before = listed((await app.open((await app.importPlanbook(text)).id!))!.session);
      // opened as a file, and through the import preview (read as a .planbook): stored as saved
      const read = readPlanFile('plan.planbook', new TextEncoder().encode(text)).workbook;
      const s = (await app.open(await app.createFromImport(read, false)))!.session;
      expect(s.workbook.sheets.map((x) => x.rows)).toEqual(rows);
      expect(listed(s)).toEqual(before);
    }
    const old = parsePlanbook(saved);
    if (!old.ok) throw new Error('planbook');
    expect(old.workbook.sheets[0].rows[2].cells.y2025_dtpt).toBe(9000);
  });
});
