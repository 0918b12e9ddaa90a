/**
 * Structures offices lay the same table out in: no number column (the numbering at the start of
 * the name, the code row starting at `B`), a section row merged across the number and name
 * columns, a hidden copy of a shown column (older figures) beside a hidden column of its own.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from './grid';
import { readAppendix } from './reader';
import { numberedName } from './tableLines';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });
const grid = (rows: RawCell[][], more: Partial<RawGrid> = {}): RawGrid => ({
  name: 'Sheet1',
  rows,
  merges: [],
  lineOf: rows.map((_, i) => i + 1),
  ...more,
});
const shape = (g: RawGrid) =>
  readAppendix(g)!.sheet.rows.map((r) => `${r.kind}|${r.cells.tt ?? ''}|${r.cells.name}`);

describe('a table laid out without a number column', () => {
  it('reads the numbering written at the start of the name', () => {
    const g = grid([
      [t('Tên dự án'), t('Kế hoạch'), t('Thực hiện')],
      [t('B'), t('1'), t('2')],
      [t('I. Ngành giáo dục'), n(30), n(20)],
      [t('1. Trường A'), n(10), n(5)],
      [t('2. Trường B'), n(20), n(15)],
      [t('II. Ngành y tế'), n(7), n(7)],
      [t('- Bệnh viện C'), n(7), n(7)],
    ]);
    expect(shape(g)).toEqual([
      'section|I.|Ngành giáo dục',
      'project|1.|Trường A',
      'project|2.|Trường B',
      'section|II.|Ngành y tế',
      'project|-|Bệnh viện C',
    ]);
  });
  it('takes no year nor a bare word for a numbering', () => {
    expect(numberedName('2010 công trình')).toEqual(['', '2010 công trình']);
    expect(numberedName('a) Dự án')).toEqual(['a)', 'Dự án']);
    expect(numberedName('1.2. Dự án')).toEqual(['1.2.', 'Dự án']);
  });
});

describe('a section row merged across the number and name columns', () => {
  it('reads its label in the merge first cell as the number and the name', () => {
    const g = grid(
      [
        [t('STT'), t('Tên dự án'), t('Kế hoạch')],
        [t('I. Ngành giáo dục'), t(''), n(30)],
        [t('1'), t('Trường A'), n(10)],
        [t('2'), t('Trường B'), n(20)],
      ],
      { merges: [{ r0: 1, c0: 0, r1: 1, c1: 1 }] },
    );
    expect(shape(g)).toEqual([
      'section|I.|Ngành giáo dục',
      'project|1|Trường A',
      'project|2|Trường B',
    ]);
  });
});

describe('hidden columns', () => {
  const table = (hidden: RawCell[]) =>
    grid(
      [
        [t('STT'), t('Tỉnh'), t('Tổng số'), t('Vốn ĐTPT'), hidden[0]],
        [t('A'), t('B'), t('1'), t('2'), hidden[1]],
        [t('1'), t('Hà Nội'), n(10), n(10), hidden[2]],
      ],
      { hiddenCols: new Set([4]) },
    );
  const figures = (g: RawGrid) => {
    const r = readAppendix(g)!;
    const row = r.sheet.rows[r.sheet.rows.length - 1];
    return Object.entries(row.cells).filter(([k, v]) => typeof v === 'number' && k !== 'total')
      .length;
  };
  it('a hidden copy of a shown column (its label and code) is no column of the table', () => {
    expect(figures(table([t('Vốn ĐTPT'), t('2'), n(27)]))).toBe(2);
  });
  it('a hidden column of its own label keeps its figures', () => {
    expect(figures(table([t('Vốn sự nghiệp'), t('3'), n(3)]))).toBe(3);
  });
});
