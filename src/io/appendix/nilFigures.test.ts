/**
 * `x` and `-` written in a figure cell for "not applicable / nothing": no figure and no text. A
 * sparse column whose blank cells an office filled with `x` stays a column of figures (its few
 * figures counted in the column's rule), and a row's `x` is never kept as a text in an amount.
 */
import { describe, expect, it } from 'vitest';
import { isNilFigure } from '../../domain/numbers';
import type { RawCell, RawGrid } from './grid';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });
const grid = (rows: RawCell[][]): RawGrid => ({
  name: 'Sheet1',
  rows,
  merges: [],
  lineOf: rows.map((_, i) => i + 1),
});

/** A table whose `Chi dự trữ quốc gia` column holds one figure and `x`/`-` elsewhere. */
const table = () =>
  grid([
    [t('STT'), t('Tên đơn vị'), t('Tổng số'), t('Chi đầu tư'), t('Chi dự trữ quốc gia')],
    [t('A'), t('B'), t('1=2+3'), t('2'), t('3')],
    [t('1'), t('Bộ A'), n(100), n(100), t('x')],
    [t('2'), t('Bộ B'), n(130), n(100), n(30)],
    [t('3'), t('Bộ C'), n(50), n(50), t('-')],
    [t('4'), t('Bộ D'), n(70), n(70), t('x')],
  ]);

describe('`x` / `-` in figure cells', () => {
  it('are nil marks, figures and words are not', () => {
    expect(['x', 'X', ' - ', '–', '—', '×'].every(isNilFigure)).toBe(true);
    expect(['0', 'xx', 'x1', '', 'Xã', '-5'].some(isNilFigure)).toBe(false);
  });

  it('keep a sparse column a column of figures, its figure read', () => {
    const r = readAppendix(table())!;
    const leaf = r.sheet.columns.flatMap(function all(c): { label: string; role?: string }[] {
      return c.kind === 'leaf' ? [c] : c.children.flatMap(all);
    });
    expect(leaf.find((l) => l.label.includes('dự trữ'))?.role).not.toBe('text');
    const b = r.sheet.rows.find((x) => x.cells.name === 'Bộ B')!;
    expect(Object.values(b.cells)).toContain(30);
  });

  it('leave the cell empty, with no warning of a text in an amount', () => {
    const g = table();
    g.rows[4] = [t('3'), t('Bộ C'), n(60), n(50), n(10)];
    g.rows[5] = [t('4'), t('Bộ D'), n(90), n(70), n(20)];
    const r = readAppendix(g)!;
    const a = r.sheet.rows.find((x) => x.cells.name === 'Bộ A')!;
    expect(Object.values(a.cells)).not.toContain('x');
    expect(r.warnings.filter((w) => w.code === 'textInAmount')).toEqual([]);
  });
});
