/**
 * A `Trong đó:` line heads its of-which block whether its cells hold zeros (read from `.xls` under
 * `#,###,###`, which Excel prints blank) or nothing (Plan_2012 M07 line 36): the block is the
 * label's, never its figures'. Pins the zero-format decision (h169) for the readers.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../cli/check';
import { readPlanFile } from './readPlan';

const read = (lines: string[][]) =>
  readPlanFile('plan.tsv', new TextEncoder().encode(lines.map((l) => l.join('\t')).join('\n')));

/** Ministries with an of-which list under one: the `Trong đó:` line's cells as given. */
function table(marker: string[], a = '30'): string[][] {
  return [
    ['STT', 'Tên đơn vị', 'Tổng số', 'Chi ĐTPT'],
    ['1', 'Bộ Ngoại giao', '120', '20'],
    ['2', 'Bộ Tài chính', '100', '40'],
    ['', 'Trong đó:', ...marker],
    ['-', 'Kinh phí khoán chi', a, '10'],
    ['-', 'Kinh phí hiện đại hoá', '40', '20'],
    ['3', 'Bộ Tư pháp', '50', '5'],
  ];
}

describe('a `Trong đó:` line with zeros or with nothing', () => {
  it('heads the same of-which block under the same owner', () => {
    const parts = (lines: string[][]) =>
      read(lines)
        .workbook.sheets[0].rows.filter((r) => r.part === 'ofWhich' && r.cells.name !== 'Trong đó:')
        .map((r) => r.cells.name);
    const zeros = parts(table(['0', '0']));
    expect(zeros).toEqual(['Kinh phí khoán chi', 'Kinh phí hiện đại hoá']);
    expect(parts(table(['', '']))).toEqual(zeros);
  });

  it('finds the same either way: nothing where the figures hold, the same where they do not', () => {
    const found = (lines: string[][]) =>
      checkWorkbook('p', read(lines)).findings.map((f) => [
        f.rule,
        f.severity,
        f.expected,
        f.actual,
      ]);
    expect(found(table(['0', '0'])).filter((f) => f[1] === 'error')).toEqual([]);
    expect(found(table(['', '']))).toEqual(found(table(['0', '0'])));
    expect(found(table(['', ''], '130'))).toEqual(found(table(['0', '0'], '130')));
  });
});
