/**
 * Sections numbered in lower-case roman numerals (`i.`, `ii.`) over points lettered `a.` … `k.`:
 * the ninth letter `i.` after `h.` is a point, the `i.` heading the table and the `ii.` after
 * the points are sections, read as the same table numbered `I.`, `II.` is.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from './grid';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k'];

/** A table: section one with ten lettered points, section two with two. */
function table(one: string, two: string): RawGrid {
  const rows: RawCell[][] = [
    [t('STT'), t('Nội dung'), t('Kế hoạch 2024')],
    [t(''), t('Tổng số'), n(1100 + 30)],
    [t(one), t('Xây dựng hạ tầng'), n(1100)],
    ...LETTERS.map((l, k) => [t(`${l}.`), t(`Điểm ${l}`), n(k < 9 ? 100 : 200)]),
    [t(two), t('Ứng dụng CNTT'), n(30)],
    [t('a.'), t('Phần mềm'), n(10)],
    [t('b.'), t('Cổng thông tin'), n(20)],
  ];
  return { name: 'M01', rows, merges: [], lineOf: rows.map((_, i) => i + 1) };
}

const shape = (g: RawGrid) =>
  readAppendix(g)!.sheet.rows.map((r) => `${r.kind} ${r.level} ${String(r.cells.tt ?? '')}`);

describe('lower-case roman numerals among lettered points', () => {
  it('reads `i.` before the points and `ii.` after them as sections, `i.` after `h.` a point', () => {
    const rows = shape(table('i.', 'ii.'));
    expect(rows[1]).toBe('section 0 i.');
    expect(rows[2 + 8]).toBe('project 1 i.');
    expect(rows[2 + 10]).toBe('section 0 ii.');
    expect(rows.filter((r) => r.startsWith('project 1')).length).toBe(12);
  });

  it('reads the table as the same one numbered `I.`, `II.`', () => {
    const upper = shape(table('I.', 'II.')).map((r) =>
      r.replace(/ (I+)\.$/, (_, x: string) => ` ${x.toLowerCase()}.`),
    );
    expect(shape(table('i.', 'ii.'))).toEqual(upper);
  });
});
