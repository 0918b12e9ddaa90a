/**
 * Rows an AutoFilter hides: read unless they copy a shown row of their own section or the stated
 * sums leave them out (they hold without the row and fail with it).
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from './grid';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });

/** A grid of these lines, the AutoFilter over all of them, `hidden` (0-based) filtered out. */
function filtered(rows: RawCell[][], hidden: number[]): RawGrid {
  return {
    name: 'S',
    rows,
    merges: [],
    lineOf: rows.map((_, i) => i + 1),
    hiddenRows: new Set(hidden),
    autoFilter: { r0: 0, c0: 0, r1: rows.length - 1, c1: 2 },
  };
}

const read = (g: RawGrid) => {
  const r = readAppendix(g)!;
  const name = r.sheet.columns.find((c) => c.kind === 'leaf' && c.label === 'Nội dung')!.id;
  return {
    names: r.sheet.rows.map((row) => row.cells[name]),
    codes: r.warnings.map((w) => `${w.code}@${w.row}`),
  };
};

describe('rows an AutoFilter hides', () => {
  it('a sub-item named as one of another section is read (its section total needs it)', () => {
    const g = filtered(
      [
        [t('STT'), t('Nội dung'), t('Số tiền')],
        [t('I'), t('Chi ngân sách trung ương'), n(100)],
        [t('1'), t('Bổ sung cho ngân sách địa phương'), n(100)],
        [t(''), t('Bổ sung cân đối'), n(40)],
        [t(''), t('Bổ sung có mục tiêu'), n(60)],
        [t('II'), t('Thu ngân sách địa phương'), n(100)],
        [t('1'), t('Thu bổ sung từ ngân sách trung ương'), n(100)],
        [t(''), t('Bổ sung cân đối'), n(40)],
        [t(''), t('Bổ sung có mục tiêu'), n(60)],
      ],
      [3],
    );
    const r = read(g);
    expect(r.names.filter((x) => x === 'Bổ sung cân đối')).toHaveLength(2);
    expect(r.codes).toContain('foldedRow@4');
  });

  it('a stale heading the filter range holds, whose total its rows do not make, is not read', () => {
    const g = filtered(
      [
        [t('STT'), t('Nội dung'), t('Số tiền')],
        [t('I'), t('Thành phố'), n(30)],
        [t('1'), t('Hà Nội'), n(10)],
        [t('2'), t('Hải Phòng'), n(20)],
        [t('3'), t('Hà Tây'), n(5)],
        [t('4'), t('Hải Dương'), n(7)],
      ],
      [1, 5],
    );
    const r = read(g);
    expect(r.names).not.toContain('Thành phố');
    expect(r.codes).toContain('hiddenRow@2');
    // the filtered project stays a row of the table
    expect(r.names).toContain('Hải Dương');
    expect(r.codes).toContain('foldedRow@6');
  });

  it('a renamed old line its section total leaves out is not read; one it needs is', () => {
    const rows = (old: number) => [
      [t('STT'), t('Nội dung'), t('Số tiền')],
      [t('I'), t('Giao thông'), n(60)],
      [t('1'), t('Đường tỉnh 1'), n(10)],
      [t('2'), t('Đường tỉnh 2'), n(20)],
      [t('3'), t('Cầu Hà Thanh'), n(30)],
      [t('3'), t('Cầu Hà Thanh (phương án cũ)'), n(old)],
    ];
    expect(read(filtered(rows(25), [5])).names).not.toContain('Cầu Hà Thanh (phương án cũ)');
    // a section whose total fails with the line and without it: the filter's reading holds
    expect(read(filtered(rows(25), [5])).codes).toContain('hiddenRow@6');
    expect(read(filtered(rows(0), [5])).names).toContain('Cầu Hà Thanh (phương án cũ)');
  });
});
