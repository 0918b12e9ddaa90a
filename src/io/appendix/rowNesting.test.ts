/**
 * Where an of-which block ends when its parts are bulleted (`- …`, `+ …`): a bullet is written at
 * any depth, so it ends the block only as the style of a section still open above the owner, and a
 * bulleted part named like a total (`- Tổng số thu`) stays a part.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from './grid';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });

function grid(rows: RawCell[][]): RawGrid {
  return { name: 'M03', rows, merges: [], lineOf: rows.map((_, i) => i + 1) };
}

/** Each row read as `level kind/part name`. */
function read(rows: RawCell[][]): string[] {
  return readAppendix(grid([[t('Chỉ tiêu'), t('Dự toán')], ...rows]))!.sheet.rows.map(
    (r) => `${r.level} ${r.kind}${r.part ? `/${r.part}` : ''} ${String(r.cells.name ?? '')}`,
  );
}

describe('an of-which block whose parts are bulleted', () => {
  it('`- Tổng số thu` under `Trong đó:` is a part of the row above, not the table’s total', () => {
    expect(
      read([
        [t('I. Thu nội địa'), n(30)],
        [t('1. Thuế xuất khẩu'), n(10)],
        [t('2. Thuế giá trị gia tăng'), n(20)],
        [t('Trong đó:')],
        [t('- Tổng số thu'), n(25)],
        [t('- Số hoàn thuế'), n(-5)],
        [t('II. Thu viện trợ'), n(4)],
      ]).map((r) => r.split(' ').slice(0, 2).join(' ')),
    ).toEqual([
      '0 section',
      '1 project',
      '1 section',
      '2 project/ofWhich',
      '2 project/ofWhich',
      '0 section',
    ]);
  });

  it('a bullet seen first as a list under a section above still bullets the parts of a later block', () => {
    // (Final_2010 M03+ with its items written `- …`: `- Thu từ DNNN` under I, then `1.`, `2.` under
    // IV, `2.`'s parts bulleted again)
    const rows = read([
      [t('I. Thu nội địa'), n(7)],
      [t('- Thu từ doanh nghiệp nhà nước'), n(3)],
      [t('- Thu khác'), n(4)],
      [t('II. Thu xuất nhập khẩu'), n(30)],
      [t('1. Thuế xuất khẩu'), n(10)],
      [t('2. Thuế giá trị gia tăng'), n(20)],
      [t('Trong đó:')],
      [t('- Tổng số thu'), n(25)],
      [t('- Số hoàn thuế'), n(-5)],
      [t('III. Thu viện trợ'), n(4)],
    ]);
    expect(rows.slice(5, 8)).toEqual([
      '1 section Thuế giá trị gia tăng',
      '2 project/ofWhich Tổng số thu',
      '2 project/ofWhich Số hoàn thuế',
    ]);
    expect(rows[8]).toBe('0 section Thu viện trợ');
  });

  it('a bullet numbering a section still open above the owner ends the block', () => {
    const rows = read([
      [t('I. Chi đầu tư'), n(30)],
      [t('- Vốn trong nước'), n(20)],
      [t('+ Dự án A'), n(20)],
      [t('Trong đó:')],
      [t('a) Thu hồi ứng trước'), n(5)],
      [t('- Vốn nước ngoài'), n(10)],
      [t('+ Dự án B'), n(10)],
    ]);
    expect(rows.map((r) => r.split(' ').slice(0, 2).join(' '))).toEqual([
      '0 section',
      '1 section',
      '2 section',
      '3 project/ofWhich',
      '1 section',
      '2 project',
    ]);
  });
});
