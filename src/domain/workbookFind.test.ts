/** Find over a workbook of both sheet kinds: appendices and plain grid sheets in one list. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextHit } from './find';
import type { GridSheet, Workbook } from './types';
import { findInWorkbook, sheetOrder } from './workbookFind';

const notes: GridSheet = {
  kind: 'grid',
  id: 'g1',
  name: 'Đối chiếu',
  cells: [
    ['Nguồn', 'Số tiền'],
    ['Hệ thống giao ban trực tuyến (đối chiếu)', 61600],
    ['Cộng', '=SUM(B2:B2)'],
  ],
};

const sample = (): Workbook => ({
  ...JSON.parse(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8')).workbook,
  grids: [notes],
});
const values = (id: string, r: number, c: number) =>
  id === 'g1' && r === 2 && c === 1 ? 61600 : null;

describe('find over every kind of sheet', () => {
  it("lists the appendices' hits, then the plain sheets' with their row and column ids", () => {
    const wb = sample();
    const hits = findInWorkbook(wb, 'giao ban truc tuyen', values);
    expect(hits.map((h) => h.sheetId)).toEqual([wb.sheets[0].id, wb.sheets[0].id, 'g1']);
    expect(hits[2]).toEqual({ sheetId: 'g1', rowIndex: 1, rowId: '1', colId: '0' });
    // a figure in either style, a formula by its value
    expect(findInWorkbook({ sheets: [], grids: [notes] }, '61.600', values)).toEqual([
      { sheetId: 'g1', rowIndex: 1, rowId: '1', colId: '1' },
      { sheetId: 'g1', rowIndex: 2, rowId: '2', colId: '1' },
    ]);
  });

  it('Enter goes from the last appendix hit to the plain sheet and wraps back', () => {
    const wb = sample();
    const hits = findInWorkbook(wb, 'giao ban truc tuyen', values);
    const order = sheetOrder(wb);
    expect(order).toEqual([...wb.sheets.map((s) => s.id), 'g1']);
    expect(nextHit(hits, hits[1], order)).toBe(hits[2]);
    expect(nextHit(hits, hits[2], order)).toBe(hits[0]);
    expect(nextHit(hits, hits[0], order, true)).toBe(hits[2]);
    // from a cell of the plain sheet that is no hit, the next one wraps to the appendix
    const from = { sheetId: 'g1', rowIndex: 2, colId: '0' };
    expect(nextHit(hits, from, order)).toBe(hits[0]);
    expect(nextHit(hits, from, order, true)).toBe(hits[2]);
  });
});
