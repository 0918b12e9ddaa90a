/**
 * Bullet lines under one item of a list whose other items have none may list only part of it (a
 * shortfall is to verify), unless their last line stands for the rest (`… và phí khác`): then
 * they are a complete split and a shortfall is an error.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../cli/check';
import { readPlanFile } from './readPlan';

const findings = (lines: string[][]) =>
  checkWorkbook(
    'plan.tsv',
    readPlanFile('plan.tsv', new TextEncoder().encode(lines.map((l) => l.join('\t')).join('\n'))),
  ).findings;

const fees = (last: string, figure: string) => [
  ['STT', 'Chỉ tiêu', 'Quyết toán'],
  ['I', 'Các khoản phí, lệ phí', '77.506'],
  ['1', 'Phí sử dụng đường bộ', '4.773'],
  ['2', 'Phí đảm bảo an toàn hàng hải', '1.605'],
  ['3', 'Các loại phí, lệ phí khác', '57.941'],
  ['', ' - Học phí', figure],
  ['', ' - Viện phí', '39.094'],
  ['', last, '4.909'],
  ['4', 'Chi từ nguồn thu xổ số kiến thiết', '13.187'],
];

describe('bullet lines under one item', () => {
  it('a shortfall is to verify where the lines may list only part of the item', () => {
    const f = findings(fees(' - Huy động đóng góp xây dựng cơ sở hạ tầng', '13.438'));
    expect(f.map((x) => [x.row, x.severity])).toEqual([[5, 'warning']]);
    expect(f[0].message).toContain('to verify');
  });

  it('a last line for the rest (`và phí khác`) makes them a complete split: an error', () => {
    const f = findings(fees(' - Huy động đóng góp xây dựng cơ sở hạ tầng và phí khác', '13.438'));
    expect(f.map((x) => [x.row, x.severity])).toEqual([[5, 'error']]);
    expect(findings(fees(' - Huy động đóng góp và phí khác', '13.938'))).toEqual([]);
  });
});

describe('points lettered a, b, c under one item', () => {
  const land = (b: string) => [
    ['STT', 'Chỉ tiêu', 'Dự toán'],
    ['I', 'Thu nội địa', '494.600'],
    ['1', 'Thu từ khu vực doanh nghiệp nhà nước', '155.378'],
    ['2', 'Thuế thu nhập cá nhân', '46.333'],
    ['3', 'Các khoản thu về nhà, đất', '42.422'],
    ['a', 'Thuế sử dụng đất phi nông nghiệp', '1.323'],
    ['b', 'Thu tiền thuê đất', b],
    ['c', 'Thu tiền sử dụng đất', '37.000'],
    ['d', 'Thu bán nhà ở thuộc sở hữu nhà nước', '617'],
    ['4', 'Thu khác ngân sách', '250.467'],
  ];

  it('enumerate the parts of the item: a shortfall is an error, not a partial list', () => {
    expect(findings(land('3.482'))).toEqual([]);
    const f = findings(land('3.282'));
    expect(f.map((x) => [x.row, x.severity])).toEqual([[5, 'error']]);
  });
});
