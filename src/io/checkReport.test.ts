import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../domain/checks';
import { reportRows, reportWorkbook } from './checkReport';

const f: Finding = {
  rule: 'row-total',
  severity: 'error',
  rowId: 'r1',
  colId: 'stated',
  label: 'Dự án A',
  expected: 1500,
  actual: 1000,
  terms: 2,
  scope: 'Tổng mức đầu tư',
};

describe('check report', () => {
  it('writes a Kiểm tra sheet that reads back with every finding', async () => {
    const rows = reportRows([f], () => '11');
    const bytes = await reportWorkbook(rows, 'Báo cáo kiểm tra');
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Kiểm tra']);
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Kiểm tra'], { header: 1 });
    expect(aoa[2]).toEqual([
      'STT',
      'Quy tắc',
      'Mức',
      'Dòng',
      'Nội dung',
      'Phạm vi',
      'Số ghi',
      'Tính được',
      'Chênh lệch',
      'Giải thích',
    ]);
    expect(aoa[3].slice(0, 9)).toEqual([
      1,
      'Tổng dòng',
      'Lỗi',
      '11',
      'Dự án A',
      'Tổng mức đầu tư',
      1500,
      1000,
      -500,
    ]);
    expect(String(aoa[3][9])).toContain('số ghi 1.500, tính được 1.000');
  });
});

describe('severity in the report', () => {
  it('says when a difference is to verify, explained by a note, or explained by the user', async () => {
    const { severityLabel } = await import('./checkReport');
    expect(severityLabel({ ...f, severity: 'warning', why: 'partial' }, 'vi')).toBe('Cần xác minh');
    expect(severityLabel({ ...f, severity: 'warning', why: 'note' }, 'en')).toBe(
      'Explained by a note',
    );
    expect(severityLabel({ ...f, explained: 'Số liệu ước' }, 'vi')).toBe('Lỗi · Đã giải trình');
  });
});
