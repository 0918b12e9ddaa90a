/**
 * NumberCells (a worksheet's number cells by value, in an open-addressing table) answers as the
 * Map it replaced, and the value cells made with it are the frozen ValueCells' cells
 * (tests/support/readingRowsBefore): the same texts and formats, shared where they were shared.
 */
import { describe, expect, it } from 'vitest';
import { ValueCells as ValueCellsBefore } from '../../tests/support/readingRowsBefore/xlsxValueCells';
import type { RawCell } from './appendix/grid';
import { rawCell } from './xlsxCell';
import { NumberCells } from './xlsxNumberCells';
import { FormatTable } from './xlsxText';
import { ValueCells } from './xlsxValueCells';
import { prng } from '../domain/generate';

/** Figures as sheets hold them: round amounts, repeats, decimals, negatives, huge and tiny. */
function figure(rnd: () => number): number {
  const k = Math.floor(rnd() * 8);
  if (k === 0) return Math.floor(rnd() * 50) * 1000;
  if (k === 1) return Math.round(rnd() * 1e6) / 100;
  if (k === 2) return -Math.floor(rnd() * 1e5);
  if (k === 3) return rnd() * 2 ** 60;
  if (k === 4) return rnd() * 1e-12;
  if (k === 5)
    return [0, 1, Infinity, -Infinity, 2 ** 53, 2 ** 31, -(2 ** 31)][Math.floor(rnd() * 7)];
  return Math.floor(rnd() * 100_000);
}

describe('NumberCells', () => {
  it('keeps and finds cells by number as a Map does (20,000 numbers, with repeats)', () => {
    const rnd = prng(11);
    const table = new NumberCells();
    const map = new Map<number, RawCell>();
    for (let i = 0; i < 60_000; i++) {
      const v = figure(rnd);
      expect(table.get(v), String(v)).toBe(map.get(v));
      if (!map.has(v) && map.size < 20_000) {
        const cell = rawCell(String(v), v, undefined, undefined);
        map.set(v, cell);
        table.set(v, cell);
      }
      expect(table.size).toBe(map.size);
    }
    expect(map.size).toBeGreaterThan(10_000);
    for (const [v, cell] of map) expect(table.get(v)).toBe(cell);
  });

  it('makes the value cells the Map-based ValueCells made, shared alike', () => {
    const strings = ['a', 'b'];
    const [now, was] = [new FormatTable(), new FormatTable()];
    for (const t of [now, was]) t.define(164, '#,##0;[Red]\\-#,##0');
    const cells = new ValueCells(strings, now);
    const old = new ValueCellsBefore(strings, was);
    const rnd = prng(5);
    const got: RawCell[] = [];
    const want: RawCell[] = [];
    for (let i = 0; i < 20_000; i++) {
      const v = i % 97 === 0 ? (i % 2 ? NaN : -0) : figure(rnd);
      const fmt = [0, 3, 4, 10, 164][Math.floor(rnd() * 5)];
      got.push(cells.number(v, fmt));
      want.push(old.number(v, fmt));
    }
    expect(got).toStrictEqual(want);
    // a cell is shared with the same cells as before (cells are never changed once made)
    const firstOf = (xs: RawCell[]) => {
      const at = new Map<RawCell, number>();
      return xs.map((c, i) => (at.has(c) ? at.get(c)! : (at.set(c, i), i)));
    };
    expect(firstOf(got)).toEqual(firstOf(want));
  });
});
