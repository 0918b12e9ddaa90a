/**
 * The preview of a file of several sheets (fixtures/mof/Plan_2014.xls: nine appendices) named no
 * sheet in its warnings: "Dòng 31 …, Dòng 28 …, Dòng 40 …, Dòng 10 …, Dòng 85 …" were of M02, M04,
 * M06, M06 and M09, and Plan_2003.xls listed "Dòng 16, 17, 85" twice, once per sheet.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../io/readPlan';
import { appendixNames, previewWarnings } from './previewWarnings';

const read = (f: string) => readPlanFile(f, readFileSync(`fixtures/mof/${f}`));
const seen = (f: string) =>
  previewWarnings(read(f)).map((x) => [x.sheet ?? null, x.warning.row, x.warning.code]);

describe('the import preview of a file of several sheets', () => {
  it('names the sheet of each warning, the sheets in file order and each by row', () => {
    expect(seen('Plan_2014.xls')).toEqual([
      ['M02', 31, 'belowTable'],
      ['M04', 28, 'belowTable'],
      ['M06', 10, 'footnoteMarker'],
      ['M06', 40, 'belowTable'],
      ['M09', 85, 'belowTable'],
    ]);
  });

  it('tells two sheets with the same warnings apart, the whole-file ones first and unnamed', () => {
    const r = read('Plan_2003.xls');
    const [a, b] = r.workbook.sheets.map((s) => s.name);
    expect(seen('Plan_2003.xls')).toEqual([
      [null, null, 'legacyEncoding'],
      [a, 16, 'hiddenRow'],
      [a, 17, 'hiddenRow'],
      [a, 85, 'belowTable'],
      [b, 16, 'hiddenRow'],
      [b, 17, 'hiddenRow'],
      [b, 85, 'belowTable'],
    ]);
  });

  it('lists the appendices of the file, the previewed one first', () => {
    expect(appendixNames(read('Plan_2014.xls'))).toEqual(
      'M01 M02 M03 M04 M05 M06 N07 M08 M09'.split(' '),
    );
  });

  it('leaves a file of one sheet as it was', () => {
    const r = readPlanFile('q.xls', readFileSync('fixtures/quang-tri-2011-2015-appendix.xls'));
    expect(appendixNames(r)).toEqual([]);
    expect(previewWarnings(r)).toEqual(r.warnings.map((warning) => ({ warning })));
  });
});
