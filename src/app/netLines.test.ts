/**
 * A line without its own figure whose *Trong đó* breakdown lists the gross, the refunds and the
 * net (Final_2009.xls M03+ `Thuế GTGT hàng hoá nhập khẩu`): the net line is the line's item, so
 * the computed total adds it, as the table's own total does.
 */
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../io/readPlan';
import { previewTotals } from './previewTotals';

const read = (lines: string[][]) =>
  readPlanFile('plan.tsv', new TextEncoder().encode(lines.map((l) => l.join('\t')).join('\n')));

const revenue = (net: string) => [
  ['STT', 'Chỉ tiêu', 'Quyết toán'],
  ['I', 'Thu cân đối từ hoạt động xuất khẩu, nhập khẩu', '105.629'],
  ['1', 'Thuế xuất khẩu, nhập khẩu, tiêu thụ đặc biệt', '76.996'],
  ['2', 'Thuế giá trị gia tăng hàng hoá nhập khẩu', ''],
  ['', 'Trong đó: - Tổng số thu', '66.633'],
  ['', ' - Số hoàn thuế GTGT', '-38.000'],
  ['', ' - Số thu cân đối NSNN', net],
  ['II', 'Thu viện trợ không hoàn lại', '7.908'],
  ['', 'TỔNG THU CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC', '113.537'],
];

describe('gross, refunds, net under a line without figures', () => {
  it('the net line is added into the line; the gross and the refunds stay parts', () => {
    const s = read(revenue('28.633')).workbook.sheets[0];
    expect(s.rows.slice(3, 6).map((r) => r.part ?? 'item')).toEqual(['ofWhich', 'ofWhich', 'item']);
    expect(previewTotals(read(revenue('28.633')).workbook).total).toBe(113537);
  });

  it('lines that are not gross, refunds and net stay an of-which breakdown', () => {
    const s = read(revenue('20.000')).workbook.sheets[0];
    expect(s.rows.slice(3, 6).map((r) => r.part ?? 'item')).toEqual([
      'ofWhich',
      'ofWhich',
      'ofWhich',
    ]);
  });
});
