/**
 * Plain grid sheets shared between two people who edit while apart: different cells merge, the
 * same cell keeps both values as a conflict (issue #21: no silent loss), the writer and the
 * replaced value are recorded, and a document holding a whole-sheet register still loads.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makePlan } from '../../domain/template';
import type { CellInput, GridSheet, Workbook } from '../../domain/types';
import { registerKey, slotKey } from '../../domain/registers';
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
      expect(c[0].register).toMatchObject({ kind: 'gridCell', gridId: 'g1' });
      expect(c[0].at).toEqual({ row: 1, col: 1 });
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

  it('a row inserted above a cell edited meanwhile: the edit merges, no conflict', () => {
    const { a, b } = pair();
    // a inserts a row at the top: every other row keeps its id, no cell moves
    editGrid(a.shared, (g) => ({ ...g, cells: [['Mới', null], ...g.cells] }));
    setGridCell(b.shared, 1, 1, 99);
    exchange(a.doc, b.doc);
    for (const s of [a.shared, b.shared]) {
      expect(gridOf(s).cells).toEqual([['Mới'], ['Tên', 'Số'], ['a', 99], ['b', 2]]);
      expect(s.conflicts()).toEqual([]);
      expect(s.gridCellWrite('g1', 2, 1)).toMatchObject({ v: 99, by: 'minh', was: 1 });
    }
  });

  it('a column inserted while a cell is edited meanwhile: the edit merges into its column', () => {
    const { a, b } = pair();
    editGrid(a.shared, (g) => ({ ...g, cells: g.cells.map((r) => [r[0], 'x', r[1]]) }));
    setGridCell(b.shared, 2, 1, 22);
    exchange(a.doc, b.doc);
    for (const s of [a.shared, b.shared]) {
      expect(gridOf(s).cells).toEqual([
        ['Tên', 'x', 'Số'],
        ['a', 'x', 1],
        ['b', 'x', 22],
      ]);
      expect(s.conflicts()).toEqual([]);
    }
  });

  it('two people removing different rows while apart: both removals apply, no conflict', () => {
    const { a, b } = pair();
    editGrid(a.shared, (g) => ({ ...g, cells: [g.cells[0], g.cells[2]] })); // removes 'a'
    editGrid(b.shared, (g) => ({ ...g, cells: [g.cells[0], g.cells[1]] })); // removes 'b'
    exchange(a.doc, b.doc);
    for (const s of [a.shared, b.shared]) {
      expect(gridOf(s).cells).toEqual([['Tên', 'Số']]);
      expect(s.conflicts()).toEqual([]);
    }
  });

  it('a row removed while another person edits it: the edit is kept and listed, not lost', () => {
    const { a, b } = pair();
    editGrid(a.shared, (g) => ({ ...g, cells: [g.cells[0], g.cells[2]] })); // removes 'a'
    setGridCell(b.shared, 1, 1, 77); // edits 'a' meanwhile
    exchange(a.doc, b.doc);
    for (const s of [a.shared, b.shared]) {
      expect(gridOf(s).cells).toEqual([
        ['Tên', 'Số'],
        ['b', 2],
      ]);
      const c = s.conflicts();
      expect(c).toHaveLength(1);
      expect(c[0]).toMatchObject({ orphan: true, register: { kind: 'gridCell', gridId: 'g1' } });
      expect(c[0].at).toBeUndefined();
      expect(c[0].writes.map((w) => [w.v, w.by, w.was])).toEqual([[77, 'minh', 1]]);
    }
  });

  it('a document of format 1 (cells by position) loads, and two people migrate it alike', () => {
    const a = replica('lan', () => 1000);
    const { grids: _g, ...noGrid } = plan();
    a.shared.publish(noGrid);
    // a plain sheet as format 1 wrote it: the whole sheet with a shape, cells by position
    const key = registerKey({ kind: 'grid', gridId: 'g1' });
    const old = plan().grids![0];
    const v1 = (k: string, v: unknown, id: string, shape?: string) =>
      a.shared.reg.set(slotKey(k, 'old'), { v, by: 'cu', at: 500, id, seen: [], shape });
    a.doc.transact(() => {
      v1(key, { ...old, shape: 's1' }, 'old.0');
      v1('G\u001fg1\u001f2\u001f1', 5, 'old.1', 's1'); // placed: 'b' row shows 5
      v1('G\u001fg1\u001f9\u001f0', 'gone', 'old.2', 's0'); // written against another shape
      a.doc.getArray<string>('grids').push(['g1']);
    });
    const b = replica('minh', () => 2000);
    exchange(a.doc, b.doc);
    const shown = [
      ['Tên', 'Số'],
      ['a', 1],
      ['b', 5],
    ];
    expect(gridOf(b.shared).cells).toEqual(shown); // loads as it was
    expect(b.shared.conflicts().map((c) => [c.orphan, c.writes[0].v])).toEqual([[true, 'gone']]);
    // both write a step while apart: each turns the sheet into rows and columns with ids, alike
    setGridCell(a.shared, 1, 0, 'á');
    setGridCell(b.shared, 2, 0, 'bê');
    exchange(a.doc, b.doc);
    expect(a.shared.index.heads(key)).toHaveLength(1); // one sheet, not two versions of it
    const c = replica('tuan');
    exchange(a.doc, b.doc, c.doc);
    for (const s of [a.shared, b.shared, c.shared]) {
      expect(gridOf(s).cells).toEqual([
        ['Tên', 'Số'],
        ['á', 1],
        ['bê', 5],
      ]);
      // the cell written against another shape is still kept and listed
      expect(s.conflicts().map((x) => [x.orphan, x.writes[0].v])).toEqual([[true, 'gone']]);
    }
    expect(b.shared.gridCellWrite('g1', 1, 0)).toMatchObject({ by: 'lan', was: 'a' });
    // and later steps are by ids: a row inserted above an edit made meanwhile merges
    editGrid(a.shared, (g) => ({ ...g, cells: [['Mới'], ...g.cells] }));
    setGridCell(b.shared, 2, 1, 11); // 'bê' (b has not seen the inserted row)
    exchange(a.doc, b.doc);
    expect(gridOf(a.shared).cells).toEqual([['Mới'], ['Tên', 'Số'], ['á', 1], ['bê', 11]]);
    expect(gridOf(b.shared).cells).toEqual(gridOf(a.shared).cells);
  });
});
