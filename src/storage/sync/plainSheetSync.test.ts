/**
 * Plain grid sheets shared between two people who edit while apart: different cells merge, the
 * same cell keeps both values as a conflict (issue #21: no silent loss), the writer and the
 * replaced value are recorded, and a document holding a whole-sheet register still loads.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makePlan } from '../../domain/template';
import type { CellInput, GridSheet, Workbook } from '../../domain/types';
import { registerKey, slotKey, SLOT } from '../../domain/registers';
import { SharedWorkbook } from './sharedWorkbook';

const base = { id: 'local', createdAt: 1, updatedAt: 1 };

function plan(): Workbook {
  const grid: GridSheet = {
    kind: 'grid',
    id: 'g1',
    name: 'Ghi chú',
    cells: [
      ['Tên', 'Số'],
      ['a', 1],
      ['b', 2],
    ],
  };
  return { ...makePlan({ rows: [['section', 0, 'I', {}]] }), grids: [grid] };
}

function replica(author: string, clock = () => 1000) {
  const doc = new Y.Doc();
  const shared = new SharedWorkbook(doc, { author, base, now: clock });
  return { doc, shared };
}

function exchange(...docs: Y.Doc[]) {
  for (const a of docs)
    for (const b of docs)
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** One local step on the first plain sheet. */
function editGrid(s: SharedWorkbook, f: (g: GridSheet) => GridSheet): Workbook {
  const before = s.workbook!;
  const grids = before.grids!;
  const after = { ...before, grids: [f(grids[0]), ...grids.slice(1)] };
  s.commit(before, after);
  return after;
}

/** Sets one cell of the first plain sheet (the sheet grows when the cell is past its end). */
function setGridCell(s: SharedWorkbook, row: number, col: number, v: CellInput): Workbook {
  return editGrid(s, (g) => {
    const cells = g.cells.map((r) => r.slice());
    while (cells.length <= row) cells.push([]);
    while (cells[row].length <= col) cells[row].push(null);
    cells[row][col] = v;
    return { ...g, cells };
  });
}

const gridOf = (s: SharedWorkbook) => s.workbook!.grids![0];

function pair() {
  const a = replica('lan', () => 1000);
  a.shared.publish(plan());
  const b = replica('minh', () => 2000);
  exchange(a.doc, b.doc);
  return { a, b };
}

describe('plain sheets shared cell by cell', () => {
  it('two people editing different cells while apart both keep their edit', () => {
    const { a, b } = pair();
    setGridCell(a.shared, 1, 1, 10);
    setGridCell(b.shared, 2, 1, 20);
    exchange(a.doc, b.doc);
    for (const s of [a.shared, b.shared]) {
      expect(gridOf(s).cells).toEqual([
        ['Tên', 'Số'],
        ['a', 10],
        ['b', 20],
      ]);
      expect(s.conflicts()).toEqual([]);
    }
  });

  it('the same cell with two values is a conflict showing both, settled by one person', () => {
    const { a, b } = pair();
    setGridCell(a.shared, 1, 1, 10);
    setGridCell(b.shared, 1, 1, 11);
    exchange(a.doc, b.doc);
    for (const s of [a.shared, b.shared]) {
      const c = s.conflicts();
      expect(c).toHaveLength(1);
      expect(c[0].register).toEqual({ kind: 'gridCell', gridId: 'g1', row: 1, col: 1 });
      expect(c[0].writes.map((w) => [w.v, w.by, w.was])).toEqual([
        [11, 'minh', 1],
        [10, 'lan', 1],
      ]);
    }
    expect(gridOf(a.shared).cells[1][1]).toBe(gridOf(b.shared).cells[1][1]);
    a.shared.settle(a.shared.conflicts()[0].key, 10);
    exchange(a.doc, b.doc);
    for (const s of [a.shared, b.shared]) {
      expect(s.conflicts()).toEqual([]);
      expect(gridOf(s).cells[1][1]).toBe(10);
    }
  });

  it('records who wrote a plain cell, when, and what it replaced', () => {
    const { a, b } = pair();
    setGridCell(b.shared, 2, 0, 'c');
    exchange(a.doc, b.doc);
    const w = a.shared.gridCellWrite('g1', 2, 0);
    expect(w).toMatchObject({ v: 'c', by: 'minh', at: 2000, was: 'b' });
    expect(a.shared.gridCellWrite('g1', 0, 0)).toBeUndefined();
  });

  it('the name and a grown sheet merge with a cell edit made meanwhile', () => {
    const { a, b } = pair();
    editGrid(a.shared, (g) => ({ ...g, name: 'Đổi tên' }));
    setGridCell(b.shared, 0, 0, 'Tên dự án');
    exchange(a.doc, b.doc);
    for (const s of [a.shared, b.shared]) {
      expect(gridOf(s).name).toBe('Đổi tên');
      expect(gridOf(s).cells[0][0]).toBe('Tên dự án');
      expect(s.conflicts()).toEqual([]);
    }
  });

  it('a row inserted above a cell edited meanwhile: the moved cell and the edit are both kept', () => {
    const { a, b } = pair();
    // a inserts a row at the top: every cell moves down one (written cell by cell)
    editGrid(a.shared, (g) => ({ ...g, cells: [['Mới', null], ...g.cells] }));
    setGridCell(b.shared, 1, 1, 99);
    exchange(a.doc, b.doc);
    for (const s of [a.shared, b.shared]) {
      expect(
        gridOf(s)
          .cells.map((r) => r[1])
          .slice(2),
      ).toEqual([1, 2]);
      const c = s.conflicts();
      expect(c).toHaveLength(1);
      expect(c[0].writes.map((w) => [w.v, w.by])).toEqual([
        [99, 'minh'],
        ['Số', 'lan'],
      ]);
    }
  });

  it('a cell written while the other person removed a row is kept and listed as an orphan', () => {
    const { a, b } = pair();
    editGrid(a.shared, (g) => ({ ...g, cells: [g.cells[0], g.cells[2]] }));
    setGridCell(b.shared, 2, 1, 99);
    exchange(a.doc, b.doc);
    for (const s of [a.shared, b.shared]) {
      expect(gridOf(s).cells).toEqual([
        ['Tên', 'Số'],
        ['b', 2],
      ]);
      const c = s.conflicts();
      expect(c).toHaveLength(1);
      expect(c[0].orphan).toBe(true);
      expect(c[0].writes[0]).toMatchObject({ v: 99, by: 'minh', was: 2 });
    }
    b.shared.settle(b.shared.conflicts()[0].key, undefined);
    exchange(a.doc, b.doc);
    expect(a.shared.conflicts()).toEqual([]);
    // a later edit after the removal is placed again
    setGridCell(b.shared, 1, 1, 7);
    exchange(a.doc, b.doc);
    expect(gridOf(a.shared).cells[1][1]).toBe(7);
  });

  it('a document holding a whole-sheet register (before cell registers) loads and migrates on write', () => {
    const { a } = pair();
    // rewrite the sheet's register as a writer before cell registers did: the whole sheet, no shape
    const key = registerKey({ kind: 'grid', gridId: 'g1' });
    const old = plan().grids![0];
    a.doc.transact(() => {
      for (const k of [...a.shared.reg.keys()])
        if (k.startsWith(key + SLOT)) a.shared.reg.delete(k);
      a.shared.reg.set(slotKey(key, 'old'), { v: old, by: 'cu', at: 500, id: 'old.0', seen: [] });
    });
    const b = replica('minh', () => 2000);
    exchange(a.doc, b.doc);
    expect(gridOf(b.shared)).toEqual(old); // loads as it was
    // the first cell edits are cell registers over the old whole-sheet register, which stays
    setGridCell(a.shared, 1, 0, 'á');
    setGridCell(b.shared, 2, 0, 'bê');
    exchange(a.doc, b.doc);
    expect(a.shared.index.heads(key).map((h) => h.id)).toEqual(['old.0']);
    const c = replica('tuan');
    exchange(a.doc, b.doc, c.doc);
    for (const s of [a.shared, b.shared, c.shared])
      expect(gridOf(s).cells.map((r) => r[0])).toEqual(['Tên', 'á', 'bê']);
    expect(b.shared.gridCellWrite('g1', 1, 0)).toMatchObject({ by: 'lan', was: 'a' });
  });
});
