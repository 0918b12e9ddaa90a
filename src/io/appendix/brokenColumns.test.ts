/**
 * A hidden column whose column code is an error value is read as no figure column, whichever
 * program saved the file: the `.xls` shows its cells as errors, LibreOffice's re-save recalculates
 * them into numbers (Plan_2003's hidden column H). A hidden column with a proper code keeps its
 * figures (Plan_2017 M09 K–M).
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from './grid';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });

/** TT | Tỉnh | Tổng thu | Tổng chi | (hidden) Số bổ sung, with the hidden column's code and cells. */
function table(code: RawCell, cells: (r: number) => RawCell, hidden = true): RawGrid {
  const rows: RawCell[][] = [
    [t('STT'), t('Tỉnh, thành phố'), t('Tổng thu'), t('Tổng chi'), t('Số bổ sung')],
    [t('A'), t('B'), t('1'), t('2'), code],
    [t(''), t('Tổng số'), n(30), n(70), cells(0)],
    [t('1'), t('Hà Nội'), n(10), n(30), cells(1)],
    [t('2'), t('Hải Phòng'), n(20), n(40), cells(2)],
  ];
  return {
    name: 'Sheet1',
    rows,
    merges: [],
    lineOf: rows.map((_, i) => i + 1),
    ...(hidden ? { hiddenCols: new Set([4]) } : {}),
  };
}

const shape = (g: RawGrid) => {
  const r = readAppendix(g)!;
  const col = r.sheet.columns.find((c) => c.kind === 'leaf' && c.label === 'Số bổ sung');
  return { col, cells: r.sheet.rows.map((row) => row.cells[col!.id] ?? null) };
};

describe('a hidden column of broken formulas', () => {
  const errors = table(t('#VALUE!'), () => t('#VALUE!'));
  const recalculated = table(t('#VALUE!'), (r) => n([999, 5, 7][r]));

  it('reads as no figures, as the .xls shows it, when recalculated into numbers', () => {
    expect(shape(recalculated)).toEqual(shape(errors));
    expect(shape(recalculated).col).toMatchObject({ role: 'text' });
    expect(shape(recalculated).cells).toEqual([null, null, null]);
    expect(shape(recalculated).col).not.toHaveProperty('code');
  });

  it("LibreOffice's own error text (Err:520) is an error value too", () => {
    expect(shape(table(t('Err:520'), (r) => n([999, 5, 7][r])))).toEqual(shape(errors));
  });

  it('a hidden column with a code keeps its figures', () => {
    const kept = shape(table(t('3'), (r) => n([12, 5, 7][r])));
    expect(kept.cells).toEqual([12, 5, 7]);
    expect(kept.col).toMatchObject({ code: '3' });
  });

  it('a shown column keeps its figures whatever its code', () => {
    expect(shape(table(t('#VALUE!'), (r) => n([12, 5, 7][r]), false)).cells).toEqual([12, 5, 7]);
  });
});
