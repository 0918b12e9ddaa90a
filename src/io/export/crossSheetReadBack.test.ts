import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../../domain/template';
import type { AppendixSheet, ColumnNode, GridSheet, Workbook } from '../../domain/types';
import { PlanEngine } from '../../engine/engine';
import { toCsv } from '../../../tests/support/libreoffice';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { readPlanFile } from '../readPlan';

/** Every column with Planbook's row total put on the printed form (nothing left out). */
const totalOnForm = (cols: ColumnNode[]): ColumnNode[] =>
  cols.map((c) =>
    'children' in c && c.children
      ? { ...c, children: totalOnForm(c.children) }
      : (c as { role?: string }).role === 'rowTotal'
        ? { ...c, onForm: true as const }
        : c,
  );

/**
 * Two appendices (the first with its row total left off the form, the second with every column)
 * and two plain grid sheets, whose formulas read each other in every direction: quoted names with
 * spaces and accents, a plain name, absolute references and ranges.
 */
function crossSheetPlan(): Workbook {
  const a = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
      ['project', 1, 'p2', { '2011:ĐTPT': "='Dữ liệu vốn'!B1*2+SUM('Dữ liệu vốn'!$B$1:B2)" }],
    ],
  });
  const b0 = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'q1', { '2011:ĐTPT': "='Dữ liệu vốn'!A1+1" }],
      ['project', 1, 'q2', { '2011:ĐTPT': "=Data!$A$1+SUM('Phụ lục'!$E$2:E3)" }],
      ['project', 1, 'q3', { '2012:SN': "=SUM('Phụ lục'!E2:E3)-E2" }],
    ],
  }).sheets[0];
  const b: AppendixSheet = {
    ...b0,
    id: 's2',
    name: 'Kế hoạch 2',
    columns: totalOnForm(b0.columns),
    rows: b0.rows.map((r) => ({ ...r, id: `b${r.id}` })),
  };
  const grids: GridSheet[] = [
    {
      kind: 'grid',
      id: 'g1',
      name: 'Dữ liệu vốn',
      cells: [
        ["='Phụ lục'!E2+1", 5, "='Kế hoạch 2'!$E$2"],
        [null, 3],
      ],
    },
    { kind: 'grid', id: 'g2', name: 'Data', cells: [[7, "=SUM('Dữ liệu vốn'!B1:B2)+A1"]] },
  ];
  return { ...a, sheets: [a.sheets[0], b], grids };
}

async function exported(wb: Workbook) {
  return evaluatedExport(wb);
}

/** The computed figures of a workbook: every project cell of the appendices, every grid cell. */
function figures(wb: Workbook): Record<string, unknown> {
  const e = new PlanEngine();
  e.loadWorkbook(wb);
  const out: Record<string, unknown> = {};
  for (const s of wb.sheets)
    s.rows.forEach((_, i) => {
      for (const id of ['y2011_dtpt', 'y2012_sn'])
        out[`${s.name}/${i}/${id}`] = e.value(s.id, i, id);
    });
  for (const g of wb.grids ?? [])
    g.cells.forEach((row, r) =>
      row.forEach((_, c) => (out[`${g.name}/${r}/${c}`] = e.gridValue(g.id, r, c))),
    );
  return out;
}

describe('formulas across sheets read back from our own export', () => {
  it('come back as the user wrote them, in both directions, and compute the same figures', async () => {
    const wb = crossSheetPlan();
    const { out } = await exported(wb);
    const back = readPlanFile('plan.xlsx', out.bytes).workbook;
    for (let k = 0; k < wb.sheets.length; k++)
      expect(back.sheets[k].rows.map((r) => r.cells)).toEqual(
        wb.sheets[k].rows.map((r) => r.cells),
      );
    expect(back.grids?.map((g) => [g.name, g.cells])).toEqual(
      wb.grids?.map((g) => [g.name, g.cells]),
    );
    const want = figures(wb);
    expect(want['Kế hoạch 2/1/y2011_dtpt']).toBe(102);
    expect(want['Kế hoạch 2/2/y2011_dtpt']).toBe(125);
    expect(want['Data/0/1']).toBe(15);
    expect(figures(back)).toEqual(want);
  });

  it('a sheet renamed in the file (too long for Excel) is named as in the plan again', async () => {
    const wb = crossSheetPlan();
    const long = 'Dữ liệu vốn của các dự án chuyển tiếp giai đoạn trước';
    wb.grids![0] = { ...wb.grids![0], name: long };
    const q = (f: string) => f.replaceAll("'Dữ liệu vốn'", `'${long}'`);
    wb.sheets = wb.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((r) => ({
        ...r,
        cells: Object.fromEntries(
          Object.entries(r.cells).map(([k, v]) => [k, typeof v === 'string' ? q(v) : v]),
        ),
      })),
    }));
    wb.grids![1] = {
      ...wb.grids![1],
      cells: wb.grids![1].cells.map((row) => row.map((v) => (typeof v === 'string' ? q(v) : v))),
    };
    const { out } = await exported(wb);
    expect(out.names).not.toContain(long);
    const back = readPlanFile('plan.xlsx', out.bytes).workbook;
    expect(back.sheets[1].rows.map((r) => r.cells)).toEqual(wb.sheets[1].rows.map((r) => r.cells));
    expect(back.grids?.map((g) => g.cells)).toEqual(wb.grids?.map((g) => g.cells));
    expect(figures(back)).toEqual(figures(wb));
  });

  it('LibreOffice recalculating the file gets the figures Planbook computed', async () => {
    const wb = crossSheetPlan();
    const { out } = await exported(wb);
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-xref-')), 'xref.xlsx');
    writeFileSync(file, out.bytes);
    const want = figures(wb);
    const csv = toCsv(file, true);
    const grid = csv.get('Dữ liệu vốn')!;
    expect(grid[0].slice(0, 3).map(Number)).toEqual([101, 5, 102]);
    expect(csv.get('Data')![0].slice(0, 2).map(Number)).toEqual([7, want['Data/0/1']]);
    const k2 = csv.get('Kế hoạch 2')!;
    const line = (name: string) => k2.find((r) => r[1] === name)!.map((x) => x.replace(/\./g, ''));
    expect(line('q1')).toContain(String(want['Kế hoạch 2/1/y2011_dtpt']));
    expect(line('q2')).toContain(String(want['Kế hoạch 2/2/y2011_dtpt']));
    expect(line('q3')).toContain(String(want['Kế hoạch 2/3/y2012_sn']));
    const p2 = csv.get('Phụ lục')!.find((r) => r[1] === 'p2')!;
    expect(p2).toContain(String(want['Phụ lục/2/y2011_dtpt']));
  });
});
