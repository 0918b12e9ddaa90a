import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../domain/commands';
import { sheetFindings } from '../domain/checks';
import { makePlan } from '../domain/template';
import type { Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { exportXlsx } from '../io/export/xlsx';
import { readPlanFile } from '../io/readPlan';
import { readWithOpenpyxl } from '../../tests/support/openpyxl';

/** The sample plan with its form edited as an officer would. */
function edited(): Workbook {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'Trường THCS Xín Mần', { '2011:ĐTPT': 100, '2011:SN': 10 }],
    ],
  });
  const cmds: Command[] = [
    {
      type: 'setMeta',
      meta: {
        ...wb.meta,
        superiorBody: 'UBND TỈNH HÀ GIANG',
        issuingBody: 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ',
        docType: 'Tờ trình',
        docNumber: '12/TTr-SKH',
        docDate: '05/03/2025',
        title: 'Kế hoạch đầu tư công 2011-2013',
      },
    },
    {
      type: 'editSheet',
      sheetId: 's1',
      edit: { op: 'setTitle', title: 'DANH MỤC DỰ ÁN KHỞI CÔNG MỚI' },
    },
    {
      type: 'editSheet',
      sheetId: 's1',
      edit: { op: 'renameColumn', colId: 'name', label: 'Danh mục công trình' },
    },
    {
      type: 'editSheet',
      sheetId: 's1',
      edit: {
        op: 'addColumn',
        after: 'name',
        column: { kind: 'leaf', id: 'place', label: 'Địa điểm xây dựng', role: 'text' },
      },
    },
    {
      type: 'setCells',
      sheetId: 's1',
      changes: [{ rowId: 'r2', colId: 'place', value: 'Xín Mần' }],
    },
    { type: 'editPlan', edit: { op: 'addYear', year: 2013 } },
    { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r2', colId: 'y2013_dtpt', value: 40 }] },
    { type: 'editPlan', edit: { op: 'renameSheet', sheetId: 's1', name: 'Phụ lục I' } },
  ];
  return cmds.reduce(applyCommand, wb);
}

describe('the edited form is exported', () => {
  it('title block, attachment line, headers, custom column, new year and tab name, read by openpyxl', async () => {
    const wb = edited();
    const e = new PlanEngine();
    e.loadWorkbook(wb);
    const sh = wb.sheets[0];
    const { bytes } = await exportXlsx({
      workbook: wb,
      values: (id) => e.values(id),
      findings: sheetFindings(sh, wb.meta, e.values(sh.id)),
      rowNumber: (id) => String(sh.rows.findIndex((x) => x.id === id) + 1),
    });
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-form-')), 'form.xlsx');
    writeFileSync(file, bytes);
    const [book] = readWithOpenpyxl([file]);
    if (!book.ok) throw new Error(book.error);
    const sheet = book.sheets.find((s) => s.name === 'Phụ lục I');
    expect(sheet).toBeDefined();
    const texts = sheet!.cells.map((c) => String(c.value));
    for (const t of [
      'UBND TỈNH HÀ GIANG',
      'SỞ KẾ HOẠCH VÀ ĐẦU TƯ',
      'DANH MỤC DỰ ÁN KHỞI CÔNG MỚI',
      '(Kèm theo Tờ trình số 12/TTr-SKH ngày 05/03/2025 của SỞ KẾ HOẠCH VÀ ĐẦU TƯ)',
      'Danh mục công trình',
      'Địa điểm xây dựng',
      'Xín Mần',
      '2013',
    ])
      expect(texts).toContain(t);
    expect(texts.join('|')).not.toContain('Kèm theo Kế hoạch');
    // the new year is on the form and added up: its column's sums are formulas (no computed
    // row-total column on the form: issue 15, one set of totals)
    const cells = sheet!.cells.filter((c) => /^[A-Z]+\d+$/.test(c.ref));
    const y2013 = cells.find((c) => c.value === '2013')!.ref.replace(/\d+$/, '');
    // A TT, B name, C the new text column, D-E units, F-I 2011-2012, J-K the new year 2013
    expect(y2013).toBe('J');
    expect(cells.some((c) => /^J\d+$/.test(c.ref) && /^=SUM\(J/.test(String(c.value)))).toBe(true);
    expect(texts.join('|')).not.toContain('(tính)');
    // read back by Planbook: the form fields come back as they were
    const back = readPlanFile('form.xlsx', bytes);
    expect(back.workbook?.meta).toMatchObject({
      docType: 'Tờ trình',
      superiorBody: 'UBND TỈNH HÀ GIANG',
    });
    expect(back.workbook?.sheets[0].columns).toEqual(wb.sheets[0].columns);
  });
});
