import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { GridSheet, Workbook } from '../../domain/types';
import { PlanEngine } from '../../engine/engine';
import { GridEngine } from '../../engine/gridEngine';
import { toCsv } from '../../../tests/support/libreoffice';
import { parsePlanbook } from '../planbookFile';
import { readPlanFile } from '../readPlan';
import { gridCsv } from './csv';
import { exportXlsx } from './xlsx';

const grid: GridSheet = {
  kind: 'grid',
  id: 'g1',
  name: 'Ghi chú nguồn',
  cells: [
    ['Bảng đối chiếu'],
    ['Năm', 'Vốn', 'Gấp đôi'],
    [2011, 1.5, '=B3*2'],
    [2012, 2500, '=B4*2'],
    ['\'=HYPERLINK("http://x")', '=SUM(B3:B4)', '=SUM(C3:C4)'],
  ],
  merges: [{ r0: 0, c0: 0, r1: 0, c1: 2 }],
};

describe('plain grid sheets in the export', () => {
  it('are written with their values, formulas and cached values; LibreOffice agrees; they read back', async () => {
    const sample = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8')) as {
      ok: true;
      workbook: Workbook;
    };
    const wb: Workbook = { ...sample.workbook, grids: [grid] };
    const plan = new PlanEngine();
    plan.loadWorkbook(wb);
    const grids = new GridEngine();
    grids.load([grid]);
    const out = await exportXlsx({
      workbook: wb,
      values: (id) => plan.values(id),
      gridValues: (id, r, c) => grids.value(id, r, c),
      findings: [],
      rowNumber: () => '',
    });
    expect(out.names.slice(0, 2)).toEqual([wb.sheets[0].name, 'Ghi chú nguồn']);
    const xml = strFromU8(unzipSync(out.bytes)['xl/worksheets/sheet2.xml']);
    expect(xml).toContain('<f>B3*2</f><v>3</v>');
    expect(xml).toContain('<f>SUM(C3:C4)</f><v>5003</v>');
    expect(xml).toContain('<mergeCell ref="A1:C1"/>');
    expect(xml).not.toMatch(/<f>[^<]*HYPERLINK/);
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-grid-')), 'grid.xlsx');
    writeFileSync(file, out.bytes);
    for (const recalc of [false, true]) {
      const rows = toCsv(file, recalc).get('Ghi chú nguồn')!;
      expect(rows[2].slice(0, 3)).toEqual(['2011', '1.5', '3']);
      expect(rows[4].slice(0, 3)).toEqual(['=HYPERLINK("http://x")', '2501.5', '5003']);
    }
    const back = readPlanFile('grid.xlsx', out.bytes);
    expect(back.workbook.grids?.map((g) => [g.name, g.cells, g.merges])).toEqual([
      ['Ghi chú nguồn', grid.cells, grid.merges],
    ]);
    expect(back.workbook.sheets[0].rows).toEqual(wb.sheets[0].rows);
  });

  it('writes the CSV of a plain sheet with computed values, risky texts defused', () => {
    const grids = new GridEngine();
    grids.load([grid]);
    // Vietnamese style: decimal comma, fields apart by semicolons
    expect(gridCsv(grid, (r, c) => grids.value('g1', r, c)).split('\r\n')).toEqual([
      '\uFEFFBảng đối chiếu',
      'Năm;Vốn;Gấp đôi',
      '2011;1,5;3',
      '2012;2500;5000',
      `"'=HYPERLINK(""http://x"")";2501,5;5003`,
      '',
    ]);
    const csv = gridCsv(grid, (r, c) => grids.value('g1', r, c), 'en');
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFBảng đối chiếu',
      'Năm,Vốn,Gấp đôi',
      '2011,1.5,3',
      '2012,2500,5000',
      `"'=HYPERLINK(""http://x"")",2501.5,5003`,
      '',
    ]);
  });
});
