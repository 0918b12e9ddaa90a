/**
 * After a step that moved rows, the grid is given only the rows between the first and the last
 * place its order changed (one transaction), never all the sheet's rows: an inserted row is one
 * row added, a deleted one one removed, a row moved by three places four out and four in; after
 * random inserts, deletes, moves, reshapes, undo and redo mixed with value edits, the grid (a
 * stand-in keeping AG Grid's client-side rows) holds the sheet's rows, in order, as they are.
 */
import type { GridApi, IRowNode, RowDataTransaction } from 'ag-grid-community';
import { describe, expect, it, vi } from 'vitest';
import { commandOf, type Ids } from '../../app/randomSteps';
import { WorkbookSession } from '../../app/session';
import { generatePlan, prng } from '../../domain/generate';
import type { Row } from '../../domain/types';
import type { T } from '../i18n';
import { followAppendix } from './followAppendix';
import { type GridCtx, type GridItem, reindex } from './gridContext';
import { plainAdapter, followPlain, SPARE_ROWS } from './plainAdapter';
import { rowsChange } from './structureRefresh';

/** A stand-in for AG Grid's client-side row model: its rows in order, by id. */
function fakeGrid(rows: readonly Row[]) {
  let nodes: { id: string; data: Row }[] = rows.map((data) => ({ id: data.id, data }));
  const given: { all: number; named: number[] } = { all: 0, named: [] };
  const byId = () => new Map(nodes.map((n) => [n.id, n]));
  let map = byId();
  const node = (id: string) => {
    const n = map.get(id);
    return (
      n &&
      ({
        id,
        get data() {
          return n.data;
        },
        setData: (d: Row) => (n.data = d),
        updateData: (d: Row) => (n.data = d),
      } as unknown as IRowNode<GridItem>)
    );
  };
  const api = {
    applyTransaction: (t: RowDataTransaction<Row>) => {
      const gone = new Set((t.remove ?? []).map((r) => r.id));
      nodes = nodes.filter((n) => !gone.has(n.id));
      for (const u of t.update ?? []) map.get(u.id)!.data = u;
      const add = (t.add ?? []).map((data) => ({ id: data.id, data }));
      nodes.splice(t.addIndex ?? nodes.length, 0, ...add);
      map = byId();
      given.named.push(gone.size + add.length + (t.update?.length ?? 0));
    },
    setGridOption: (k: string, v: unknown) => {
      if (k !== 'rowData') return;
      given.all++;
      nodes = (v as Row[]).map((data) => ({ id: data.id, data }));
      map = byId();
    },
    getRowNode: node,
    getRenderedNodes: () => nodes.slice(0, 20).map((n) => node(n.id)!),
    refreshCells: () => undefined,
    getPinnedBottomRowCount: () => 0,
    isAnyFilterPresent: () => false,
    getFocusedCell: () => null,
  } as unknown as GridApi<GridItem>;
  return { api, given, ids: () => nodes.map((n) => n.id), data: () => nodes.map((n) => n.data) };
}

const t = ((k: string) => k) as unknown as T;

function open(projects: number) {
  const wb = generatePlan({ projects, seed: 3 });
  const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 0 }, null);
  const sheetId = wb.sheets[0].id;
  const ctx = { session: s, sheetId, index: new Map() } as unknown as GridCtx;
  reindex(ctx, wb.sheets[0].rows.slice());
  const grid = fakeGrid(wb.sheets[0].rows);
  const sheet = () => s.workbook.sheets.find((x) => x.id === sheetId)!;
  s.subscribe((e) => followAppendix(e, grid.api, ctx, sheet(), t));
  return { s, sheetId, ctx, grid, sheet };
}

describe('the grid after a structural step', () => {
  it('is given the rows that moved only: one in for an insert, one out for a delete', () => {
    const { s, sheetId, ctx, grid, sheet } = open(3000);
    const at = 1500;
    const row: Row = { id: 'new1', kind: 'project', level: 2, cells: { tt: '-', name: 'x' } };
    s.dispatch({ type: 'insertRows', sheetId, at, rows: [row] }, 'insert');
    expect(grid.given).toEqual({ all: 0, named: [1] });
    s.dispatch({ type: 'deleteRows', sheetId, rowIds: ['new1'] }, 'delete');
    expect(grid.given.named).toEqual([1, 1]);
    s.dispatch({ type: 'moveRows', sheetId, from: at, count: 1, to: at + 3 }, 'move');
    expect(grid.given.named[2]).toBe(8);
    s.undo();
    s.redo();
    expect(grid.given.all).toBe(0);
    expect(grid.ids()).toEqual(sheet().rows.map((r) => r.id));
    expect(grid.data()).toEqual(sheet().rows);
    expect(sheet().rows.every((r, i) => ctx.index.get(r.id) === i)).toBe(true);
    s.close();
  }, 120_000);

  it('holds the sheet’s rows after random structural steps, undo, redo and value edits', () => {
    const { s, ctx, grid, sheet } = open(400);
    const ids: Ids = { prefix: 'g', next: 0 };
    const rnd = prng(17);
    const n = () => Math.floor(rnd() * 1000);
    for (let k = 0; k < 120; k++) {
      const x = rnd();
      if (x < 0.1) s.undo();
      else if (x < 0.18) s.redo();
      else {
        const kind = x < 0.4 ? n() % 3 : 3 + (n() % 3);
        const cmd = commandOf(s.workbook, { kind, a: 0, b: n(), c: n(), d: n(), parts: [] }, ids);
        try {
          if (cmd) s.dispatch(cmd, 'edit');
        } catch (e) {
          if (!(e instanceof Error && / not found| exists/.test(e.message))) throw e;
        }
      }
      expect(grid.ids()).toEqual(sheet().rows.map((r) => r.id));
      // (a reshape that left a row as it was gives it a new, equal object: not given again)
      expect(grid.data()).toEqual(sheet().rows);
      expect(ctx.index.get(sheet().rows[k % sheet().rows.length].id)).toBe(k % sheet().rows.length);
    }
    expect(grid.given.all).toBe(0);
    expect(grid.given.named.length).toBeGreaterThan(20);
    s.close();
  }, 300_000);

  it('names the stretch between the first and the last changed place, or null past the limit', () => {
    const r = (id: string): Row => ({ id, kind: 'project', level: 0, cells: {} });
    const a = ['a', 'b', 'c', 'd', 'e'].map(r);
    const moved = [a[0], a[2], a[3], a[1], a[4]];
    expect(rowsChange(a, moved)).toEqual({
      remove: a.slice(1, 4),
      add: moved.slice(1, 4),
      addIndex: 1,
    });
    expect(rowsChange(a, [...a, r('f')])).toEqual({ remove: [], add: [r('f')], addIndex: 5 });
    expect(rowsChange(a, a.slice(1))).toEqual({ remove: [a[0]], add: [], addIndex: 0 });
    expect(rowsChange(a, [a[4], a[1], a[2], a[3], a[0]], 4)).toBeNull();
  });

  it('a plain sheet that grows is given its new rows only', () => {
    vi.stubGlobal('document', { activeElement: null });
    const wb = generatePlan({ projects: 10, seed: 1 });
    const grid0 = { kind: 'grid' as const, id: 'g1', name: 'Bảng', cells: [[1, 2]] };
    const s = new WorkbookSession(
      { workbook: { ...wb, grids: [grid0] }, order: new Map(), rev: 0 },
      null,
    );
    const a = plainAdapter(s, 'g1');
    const ctx = {
      session: s,
      sheetId: 'g1',
      adapter: a,
      index: new Map(),
      leafIds: a.leafIds(),
    } as unknown as GridCtx;
    reindex(ctx, a.items());
    const grid = fakeGrid(a.items());
    s.subscribe((e) => followPlain(e, grid.api, ctx, t));
    const changes = [{ r: 40, c: 0, value: 5 }];
    s.dispatch({ type: 'setGridCells', gridId: 'g1', changes }, 'edit');
    expect(grid.given).toEqual({ all: 0, named: [40] });
    expect(grid.ids()).toEqual(Array.from({ length: 41 + SPARE_ROWS }, (_, i) => String(i)));
    s.undo();
    expect(grid.given).toEqual({ all: 0, named: [40, 40] });
    expect(grid.ids().length).toBe(1 + SPARE_ROWS);
    expect(ctx.index.size).toBe(1 + SPARE_ROWS);
    s.close();
    vi.unstubAllGlobals();
  });
});
