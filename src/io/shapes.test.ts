/**
 * A messy appendix made with other software (fixtures/shapes: hand-written HTML converted by
 * LibreOffice with the Vietnamese locale, scripts/make-fixtures.sh): title block beside the national
 * motto, merged two-row header, code row (repeated at a page break), total row above the data, a
 * project name split over two rows, `3.500` and `1,5` in the Vietnamese style.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sheetFindings } from '../domain/checks';
import { leaves } from '../domain/columns';
import { PlanEngine } from '../engine/engine';
import { readPlanFile } from './readPlan';

describe.each(['xlsx', 'xls'])('the messy Phú Thọ appendix as .%s', (ext) => {
  const r = readPlanFile(`p.${ext}`, readFileSync(`fixtures/shapes/phu-tho-2018-2020.${ext}`));
  const s = r.workbook.sheets[0];

  it('reads the title block, the merged header and the code row', () => {
    expect(r.workbook.sheets).toHaveLength(1);
    expect(r.workbook.meta).toMatchObject({
      title: 'PHỤ LỤC: DANH MỤC DỰ ÁN ỨNG DỤNG CÔNG NGHỆ THÔNG TIN GIAI ĐOẠN 2018-2019',
      issuingBody: 'Sở Thông tin và Truyền thông',
      docNumber: '123/KH-STTTT',
      docDate: '15/01/2018',
      unit: 'triệu đồng',
      years: [2018, 2019],
    });
    expect(r.sources![0].band).toEqual({ start: 6, end: 9, codeRow: 8 });
    expect(
      leaves(s.columns).map((l) => [l.role, l.year ?? null, l.source ?? null, l.code ?? null]),
    ).toEqual([
      ['number', null, null, '1'],
      ['name', null, null, '2'],
      ['lead', null, null, '3'],
      ['rowTotal', null, null, null],
      ['stated', null, null, '4'],
      ['amount', 2018, 'ĐTPT', '5'],
      ['amount', 2018, 'SN', '6'],
      ['amount', 2019, 'ĐTPT', '7'],
      ['amount', 2019, 'SN', '8'],
      ['notes', null, null, '9'],
    ]);
    expect(s.columns.filter((n) => n.kind === 'group').map((n) => n.label)).toEqual([
      'Năm 2018',
      'Năm 2019',
    ]);
  });

  it('classifies rows: total above, sections, projects, split name joined, repeated header dropped', () => {
    expect(s.rows.map((x) => x.kind)).toEqual([
      'total',
      'section',
      'project',
      'project',
      'section',
      'project',
      'project',
    ]);
    expect(s.rows[3].cells.name).toBe(
      'Xây dựng Trung tâm dữ liệu tỉnh giai đoạn 1 (máy chủ, thiết bị lưu trữ, hệ thống an toàn thông tin)',
    );
    expect(r.warnings.map((w) => [w.code, w.row])).toEqual([
      ['repeatedHeader', 17],
      ['joinedRow', 14],
    ]);
    expect(s.rows[5].cells).toMatchObject({ stated: 2700, y2018_dtpt: 1500, y2018_sn: 1.5 });
    expect(s.rows[0].cells).toMatchObject({ stated: 16451.5, y2018_sn: 1451.5 });
  });

  it('finds the published errors', () => {
    const e = new PlanEngine();
    e.loadWorkbook(r.workbook);
    const found = sheetFindings(s, r.workbook.meta, e.values(s.id)).map((f) => [
      f.rule,
      f.severity,
      r.lineOf.get(f.rowId!),
      f.expected,
      f.actual,
    ]);
    // by hand: section II's projects state 2.700 + 1.850 = 4.550, not the 4.451,5 printed; their
    // amounts add up to 1.500 + 1,5 + 1.200 + 1.450 + 400 = 4.551,5, so the plan totals
    // 12.000 + 4.551,5 = 16.551,5 against the 16.451,5 printed; the first project of section II adds
    // up to 2.701,5 against its 2.700 (within the rounding of a figure stated in hundreds: a warning)
    expect(found).toEqual([
      ['grand-total', 'error', 10, 16451.5, 16551.5],
      ['section-total', 'error', 15, 4451.5, 4550],
      ['row-total', 'warning', 16, 2700, 2701.5],
    ]);
  });
});
