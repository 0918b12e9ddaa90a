/**
 * A header whose words are split over two lines (`Chỉ` over `tiêu`, as a narrow label column
 * wraps them): the band is found and takes both lines, and the label column is the name column.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from './grid';
import { findHeaderBand } from './headerBand';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });

function grid(rows: RawCell[][]): RawGrid {
  return { name: 'M01', rows, merges: [], lineOf: rows.map((_, i) => i + 1) };
}

const data: RawCell[][] = [
  [t('A'), t('Thu cân đối ngân sách'), n(30)],
  [t('1'), t('Thu nội địa'), n(10)],
  [t('2'), t('Thu dầu thô'), n(20)],
];

describe('header words split over two lines', () => {
  it('STT | Chỉ / tiêu | Quyết toán: one band of two lines, the name column “Chỉ tiêu”', () => {
    const g = grid([
      [t('BỘ TÀI CHÍNH')],
      [t('STT'), t('Chỉ'), t('Quyết toán năm 2013')],
      [t(''), t('tiêu'), t('')],
      ...data,
    ]);
    expect(findHeaderBand(g)).toEqual({ start: 1, end: 3, codeRow: null });
    const r = readAppendix(g)!;
    expect(r.sheet.columns[1]).toMatchObject({ role: 'name', label: 'Chỉ tiêu' });
    expect(r.sheet.rows.map((x) => x.cells.name)).toEqual([
      'Thu cân đối ngân sách',
      'Thu nội địa',
      'Thu dầu thô',
    ]);
  });

  it('a line found a header only by its split words (TT | Nội / dung | Số tiền)', () => {
    const g = grid([[t('TT'), t('Nội'), t('Số tiền')], [t(''), t('dung'), t('')], ...data]);
    expect(findHeaderBand(g)).toEqual({ start: 0, end: 2, codeRow: null });
    expect(readAppendix(g)!.sheet.columns[1]).toMatchObject({ role: 'name', label: 'Nội dung' });
  });

  it('a label under a header word is a data line, not the rest of a word', () => {
    const g = grid([[t('STT'), t('Chỉ tiêu'), t('Quyết toán')], [t(''), t('Thu'), t('')], ...data]);
    expect(findHeaderBand(g)).toEqual({ start: 0, end: 1, codeRow: null });
  });
});
