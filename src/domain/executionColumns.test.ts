import { describe, expect, it } from 'vitest';
import { classifyColumn } from './executionColumns';
import { datesIn, periodEndIn, unitScale, yearsIn } from './executionText';

const m = (path: string[], year: number | null = 2024, src?: string) => {
  const c = classifyColumn(path, year, src);
  return [c.measure, c.part, c.source];
};

describe('report column meanings', () => {
  it('reads the columns of circular 15/2021/TT-BTC', () => {
    expect(m(['Mã dự án'])).toEqual(['code', 'all', null]);
    expect(m(['Mã số dự án đầu tư'])).toEqual(['code', 'all', null]);
    expect(m(['Lũy kế vốn đã bố trí đến hết năm 2023'])).toEqual(['priorAllocated', 'all', null]);
    expect(m(['Lũy kế giải ngân từ khởi công đến 31/12/2023'])).toEqual([
      'priorDisbursed',
      'all',
      null,
    ]);
    expect(m(['Kế hoạch vốn năm 2023 được kéo dài sang năm 2024'])).toEqual(['carry', 'all', null]);
    expect(m(['Vốn kéo dài'])).toEqual(['carry', 'all', null]);
    expect(m(['Kế hoạch vốn năm 2024'])).toEqual(['plan', 'all', null]);
    expect(m(['Kế hoạch vốn năm 2024', 'Tổng số'])).toEqual(['plan', 'all', null]);
    expect(m(['Kế hoạch vốn năm 2024', 'Trong đó: NSTW'])).toEqual(['plan', 'all', 'NSTW']);
    expect(m(['Giải ngân từ 01/01/2024 đến 31/03/2024', 'Tổng số'])).toEqual(['ytd', 'all', null]);
    expect(m(['Giải ngân từ 01/01/2024 đến 31/03/2024', 'KH năm 2023 kéo dài'])).toEqual([
      'ytd',
      'carry',
      null,
    ]);
    expect(m(['Giải ngân từ 01/01/2024 đến 31/03/2024', 'KH năm 2024'])).toEqual([
      'ytd',
      'plan',
      null,
    ]);
    expect(m(['Giải ngân từ 01/01 đến hết kỳ báo cáo', 'Vốn NSĐP'])).toEqual(['ytd', 'all', 'NST']);
    expect(m(['Tỷ lệ giải ngân (%)'])).toEqual(['rate', 'all', null]);
    expect(m(['Ghi chú'])).toEqual(['notes', 'all', null]);
  });

  it('reads the Treasury and recurrent-fund wordings', () => {
    expect(m(['Lũy kế giải ngân'])).toEqual(['ytd', 'all', null]);
    expect(m(['Lũy kế giải ngân từ đầu năm'])).toEqual(['ytd', 'all', null]);
    expect(m(['Giải ngân trong tháng'])).toEqual(['inPeriod', 'all', null]);
    expect(m(['Giải ngân tháng 3'])).toEqual(['inPeriod', 'all', null]);
    expect(m(['Số vốn đã giải ngân đến 31/3/2024'])).toEqual(['ytd', 'all', null]);
    expect(m(['Lũy kế thanh toán từ khởi công đến 31/3/2024'])).toEqual([
      'sinceStart',
      'all',
      null,
    ]);
    expect(m(['Dự toán được giao'])).toEqual(['plan', 'all', null]);
    expect(m(['Kinh phí năm trước chuyển sang'])).toEqual(['carry', 'all', null]);
    expect(m(['Chủ đầu tư'])).toEqual(['lead', 'all', null]);
    expect(m(['Tổng mức đầu tư'])).toEqual(['other', 'all', null]);
    expect(m(['Ước giải ngân đến 31/3/2024']).slice(0, 1)).toEqual(['ytd']);
  });

  it('reads a medium-term plan: years before, the year, after', () => {
    expect(classifyColumn(['Kế hoạch trung hạn 2021-2025', 'Năm 2022'], 2024)).toMatchObject({
      measure: 'yearAllocation',
      year: 2022,
    });
    expect(classifyColumn(['Năm 2024', 'Vốn ĐTPT'], 2024, 'ĐTPT')).toMatchObject({
      measure: 'plan',
      source: 'ĐTPT',
    });
    expect(classifyColumn(['Lũy kế vốn đã bố trí đến hết năm 2020'], 2024)).toMatchObject({
      measure: 'priorAllocated',
      year: 2020,
    });
  });
});

describe('report texts', () => {
  it('reads dates, periods, years and units', () => {
    expect(datesIn('Giải ngân từ 01/01/2024 đến 31/3/2024')).toEqual(['2024-01-01', '2024-03-31']);
    expect(datesIn('đến ngày 30 tháng 9 năm 2024')).toEqual(['2024-09-30']);
    expect(periodEndIn('BÁO CÁO GIẢI NGÂN THÁNG 02/2024')).toEqual({
      end: '2024-02-29',
      kind: 'month',
    });
    expect(periodEndIn('Tình hình giải ngân quý II năm 2024')).toEqual({
      end: '2024-06-30',
      kind: 'quarter',
    });
    expect(periodEndIn('(Số liệu đến hết ngày 31/03/2024)')?.end).toBe('2024-03-31');
    expect(yearsIn('Kế hoạch giai đoạn 2021-2025, năm 2024')).toEqual([2024]);
    expect(unitScale('triệu đồng')).toBe(1e6);
    expect(unitScale('Đồng')).toBe(1);
    expect(unitScale('tỷ đồng')).toBe(1e9);
    expect(unitScale('dự án')).toBeNull();
  });
});

describe('period figures', () => {
  it('never takes a medium-term total for a year', () => {
    expect(m(['Kế hoạch đầu tư công trung hạn giai đoạn 2021-2025', 'Tổng số'])).toEqual([
      'other',
      'all',
      null,
    ]);
  });
});

describe('recurrent funds (sự nghiệp)', () => {
  it('reads assigned budget, carried over, the month and the year to date', () => {
    expect(m(['Dự toán giao đầu năm'])).toEqual(['plan', 'all', null]);
    expect(m(['Kinh phí năm trước chuyển sang'])).toEqual(['carry', 'all', null]);
    expect(m(['Số đã giải ngân trong tháng'])).toEqual(['inPeriod', 'all', null]);
    expect(m(['Lũy kế từ đầu năm'])).toEqual(['ytd', 'all', null]);
  });
});
