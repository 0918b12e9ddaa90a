/**
 * A table whose number column was deleted (the numbering written in the name cell): its column
 * codes kept from `2`, and a header left with one of the usual words on each line. The band ends
 * at the code row and the name column is read.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from './grid';
import { findHeaderBand, isCodeRow } from './headerBand';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });

function grid(rows: RawCell[][]): RawGrid {
  return { name: 'M09', rows, merges: [], lineOf: rows.map((_, i) => i + 1) };
}

const data: RawCell[][] = [
  [t('TỔNG SỐ'), n(30), n(12)],
  [t('I. MIỀN NÚI PHÍA BẮC'), n(30), n(12)],
  [t('1. HÀ GIANG'), n(10), n(5)],
  [t('2. TUYÊN QUANG'), n(20), n(7)],
];

describe('a table without its number column', () => {
  it('codes `2, 3, 4` (the number column coded `1` deleted): a code row', () => {
    const g = grid([[t('2'), t('3'), t('4')]]);
    expect(isCodeRow(g, 0)).toBe(true);
    // a data line of small counts has a name: no code row
    expect(isCodeRow(grid([[t('Hà Giang'), n(2), n(3), n(4)]]), 0)).toBe(false);
  });

  it('the header lines over codes `2, 3, 4`: the band ends at the code row', () => {
    const g = grid([
      [t('Đơn vị: triệu đồng')],
      [t(''), t('TỔNG THU'), t('TỔNG CHI')],
      [t('TỈNH, THÀNH PHỐ'), t('NSNN TRÊN'), t('CÂN ĐỐI')],
      [t(''), t('ĐỊA BÀN'), t('NSĐP')],
      [t('2'), t('3'), t('4')],
      ...data,
    ]);
    expect(findHeaderBand(g)).toEqual({ start: 1, end: 5, codeRow: 4 });
    const r = readAppendix(g);
    expect(r?.sheet.columns.map((c) => c.label)[0]).toBe('TỈNH, THÀNH PHỐ');
    expect(r?.sheet.rows.map((x) => x.kind)).toEqual(['total', 'section', 'project', 'project']);
  });

  it('one header word per line (`TỈNH` alone, `TT` gone): the lines stacked over the code row', () => {
    const g = grid([
      [t('Đơn vị: triệu đồng')],
      [t(''), t('THU NSĐP'), t('TỶ LỆ')],
      [t('TỈNH, THÀNH PHỐ'), t('TRÊN'), t('ĐIỀU TIẾT')],
      [t(''), t('ĐỊA BÀN'), t('(%)')],
      [t('B'), t('1'), t('2')],
      ...data,
    ]);
    expect(findHeaderBand(g)).toEqual({ start: 1, end: 5, codeRow: 4 });
    expect(readAppendix(g)?.sheet.rows).toHaveLength(4);
  });
});
