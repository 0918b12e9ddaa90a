import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { readPlanFile } from './readPlan';

/** The seed's appendix as text, and as .xls and .ods written by LibreOffice (scripts/make-fixtures.sh). */
const files = ['tsv', 'xls', 'ods'].map((ext) => `fixtures/quang-tri-2011-2015-appendix.${ext}`);

describe('the same appendix in three formats', () => {
  const readings = files.map((f) => readPlanFile(f, readFileSync(f)));

  it.each(files.map((f, i) => [f, i] as const))('%s reads with the expected structure', (_f, i) => {
    const r = readings[i];
    expect(r.workbook.sheets).toHaveLength(1);
    expect(r.sources?.[0].band).toEqual({ start: 7, end: 10, codeRow: null });
    const sheet = r.workbook.sheets[0];
    const amounts = leaves(sheet.columns).filter((l) => l.role === 'amount');
    expect(amounts.map((l) => `${l.year} ${l.source}`)).toEqual(
      [2011, 2012, 2013, 2014, 2015].flatMap((y) => [`${y} ĐTPT`, `${y} SN`]),
    );
    expect(sheet.rows.filter((x) => x.kind === 'section')).toHaveLength(2);
    expect(sheet.rows.filter((x) => x.kind === 'project')).toHaveLength(17);
    expect(sheet.rows.filter((x) => x.kind === 'total').map((x) => x.cells.stated)).toEqual([
      50100, 11500, 61600,
    ]);
    expect(sheet.rows[1].cells).toMatchObject({ y2011_dtpt: 3500, y2012_sn: 600, stated: 15800 });
    expect(r.workbook.meta).toMatchObject({
      unit: 'triệu đồng',
      docNumber: '1024/KH-UBND',
      docDate: '06/5/2011',
      issuingBody: 'UBND tỉnh Quảng Trị',
    });
  });

  it('gives the same rows whatever the format', () => {
    const strip = (i: number) =>
      readings[i].workbook.sheets[0].rows.map((r) => ({
        kind: r.kind,
        level: r.level,
        cells: r.cells,
      }));
    expect(strip(1)).toEqual(strip(0));
    expect(strip(2)).toEqual(strip(0));
  });
});
