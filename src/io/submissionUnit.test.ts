/**
 * A department's unit read from its title block whatever the file is called (h163): officers
 * save `bao_cao_final(2).xlsx`, the title block names the unit in one of three spellings.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from './readPlan';
import { submissionFromReading } from './submission';

const NAME = 'bao_cao_final(2).xlsx';
const TABLE = [
  ['TT', 'Tên dự án', 'Năm 2026', null],
  [null, null, 'Vốn ĐTPT', 'Vốn SN'],
  ['1', 'Bệnh án điện tử', 3000, 250],
];

/** The file as the department saved it: its title block, then the table. */
function file(block: string[][]): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([...block, ['ĐVT: triệu đồng'], ...TABLE]);
  const at = block.length + 1;
  ws['!merges'] = [
    { s: { r: at, c: 2 }, e: { r: at, c: 3 } },
    ...[0, 1].map((c) => ({ s: { r: at, c }, e: { r: at + 1, c } })),
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Biểu 01');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const unitOf = (block: string[][], unit?: string) => {
  const s = submissionFromReading(readPlanFile(NAME, file(block)), {
    fileName: NAME,
    sha256: '0',
    size: 1,
    receivedAt: '2026-12-02T08:00:00.000Z',
    ...(unit ? { unit } : {}),
  });
  return [s.provenance.unit, s.provenance.unitFrom];
};

const TITLE = ['BIỂU TỔNG HỢP NHU CẦU KINH PHÍ ỨNG DỤNG CNTT NĂM 2026'];

describe("a department's unit", () => {
  it('is read from the title block in each spelling, not from the file name', () => {
    expect(unitOf([TITLE, ['(Đơn vị đề xuất: Sở Y tế)']])).toEqual(['Sở Y tế', 'file']);
    expect(unitOf([TITLE, ['Đơn vị: Sở Nội vụ']])).toEqual(['Sở Nội vụ', 'file']);
    expect(unitOf([['UBND TỈNH QUẢNG TRỊ'], ['SỞ TÀI CHÍNH'], TITLE])).toEqual([
      'Sở Tài chính',
      'file',
    ]);
  });

  it('falls back to the file name, and the officer can still rename it', () => {
    expect(unitOf([TITLE])).toEqual(['bao cao final(2)', 'fileName']);
    expect(unitOf([TITLE, ['Đơn vị: Sở Nội vụ']], 'Sở Nội vụ tỉnh Quảng Trị')).toEqual([
      'Sở Nội vụ tỉnh Quảng Trị',
      'chosen',
    ]);
  });
});
