/**
 * After an edit the grid redraws only the cells that can show something else: a row whose cells
 * changed takes its new object by `updateData` (AG Grid compares values) with the changed cells
 * that may show the same value (all but a number over a number) and the stated cells forced; a row
 * that changed otherwise is redrawn whole (`setData`), as before.
 */
import type { GridApi, IRowNode, RefreshCellsParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { sampleWorkbook } from '../../app/sample';
import type { Row } from '../../domain/types';
import type { GridCtx, GridItem } from './gridContext';
import {
  changedCells,
  presenceChanged,
  redrawFigures,
  refreshColumns,
  shownColumns,
  statedColumns,
  updateRow,
  updateRows,
} from './rowRefresh';

const sheet = sampleWorkbook().sheets[0];
const cols = refreshColumns(sheet.columns);
const project = sheet.rows.find((r) => r.kind === 'project')!;
const section = sheet.rows.find((r) => r.kind === 'section')!;
const grand = sheet.rows.find((r) => r.kind === 'total' && r.cells.y2011 !== undefined)!;
const sourceTotal = sheet.rows.find((r) => r.kind === 'total' && r.cells.y2011_dtpt !== undefined)!;

function fake(data: Row) {
  const calls: (RefreshCellsParams<GridItem> | { setData: Row } | { updateData: Row })[] = [];
  const node = {
    id: data.id,
    data,
    setData: (d: Row) => calls.push({ setData: d }),
    updateData: (d: Row) => calls.push({ updateData: d }),
  } as unknown as IRowNode<GridItem>;
  const api = {
    refreshCells: (p: RefreshCellsParams<GridItem>) => void calls.push(p),
  } as unknown as GridApi<GridItem>;
  return { api, node, calls };
}

describe('which cells of a row changed', () => {
  it('names the leaves whose raw cell differs, added or removed ones too', () => {
    const cells: Row['cells'] = { ...project.cells, y2011_dtpt: 5, y2012_sn: '=1+1' };
    delete cells.notes;
    const after = { ...project, cells };
    expect(changedCells(project, after, cols.leafIds)?.sort()).toEqual(
      ['y2011_dtpt', 'y2012_sn', ...('notes' in project.cells ? ['notes'] : [])].sort(),
    );
    expect(changedCells(project, { ...project }, cols.leafIds)).toEqual([]);
  });

  it('is null when the row changed besides its cells, or a year group’s merged figure changed', () => {
    expect(changedCells(project, { ...project, remark: 'x' }, cols.leafIds)).toBeNull();
    expect(
      changedCells(project, { ...project, level: project.level + 1 }, cols.leafIds),
    ).toBeNull();
    expect(changedCells(project, { ...project, kind: 'section' }, cols.leafIds)).toBeNull();
    const merged = { ...grand, cells: { ...grand.cells, y2011: 1 } };
    expect(changedCells(grand, merged, cols.leafIds)).toBeNull();
  });
});

describe('the cells that show a stated figure', () => {
  it('none on a project; the stated leaves of sections and total rows', () => {
    expect(statedColumns(project, cols)).toEqual([]);
    expect(statedColumns(section, cols)).toEqual(['stated']);
    expect(statedColumns(sourceTotal, cols)).toEqual([
      'y2011_dtpt',
      'y2012_dtpt',
      'y2013_dtpt',
      'y2014_dtpt',
      'y2015_dtpt',
      'stated',
    ]);
  });

  it('a year group’s merged figure is shown by its first leaf', () => {
    expect(statedColumns(grand, cols)).toEqual([
      'y2011_dtpt',
      'y2012_dtpt',
      'y2013_dtpt',
      'y2014_dtpt',
      'y2015_dtpt',
      'stated',
    ]);
  });
});

describe('redrawing after a step', () => {
  it('a number typed over a number in a project: values compared, nothing forced', () => {
    const after = { ...project, cells: { ...project.cells, y2013_dtpt: 123 } };
    const { api, node, calls } = fake(project);
    updateRow(api, node, after, cols);
    expect(calls).toEqual([{ updateData: after }]);
  });

  it('a formula or a blank typed into a project: values compared, the typed cell forced', () => {
    for (const typed of ['=1+2', null]) {
      const after = { ...project, cells: { ...project.cells, y2013_dtpt: typed } };
      const { api, node, calls } = fake(project);
      updateRow(api, node, after, cols);
      expect(calls).toEqual([
        { updateData: after },
        { rowNodes: [node], columns: ['y2013_dtpt'], force: true },
      ]);
    }
  });

  it('a section’s stated figure typed: that cell and the other stated ones forced', () => {
    const after = { ...section, cells: { ...section.cells, stated: 1 } };
    const { api, node, calls } = fake(section);
    updateRow(api, node, after, cols);
    expect(calls).toEqual([
      { updateData: after },
      { rowNodes: [node], columns: ['stated'], force: true },
    ]);
  });

  it('a row changed besides its cells is redrawn whole', () => {
    const after = { ...project, remark: 'đọc lại' };
    const { api, node, calls } = fake(project);
    updateRow(api, node, after, cols);
    expect(calls).toEqual([{ setData: after }]);
  });

  it('rows whose figures moved: values compared, stated cells forced, each row once', () => {
    const a = fake(section);
    const p = fake(project);
    const calls = a.calls;
    const api = a.api;
    redrawFigures(
      api,
      new Map([
        [a.node, null],
        [p.node, null],
      ]),
      cols,
    );
    expect(calls).toEqual([
      { rowNodes: [a.node, p.node] },
      { rowNodes: [a.node], columns: ['stated'], force: true },
    ]);
  });

  it('rows whose changed cells the engine named: only those columns compared, each once', () => {
    const a = fake(section);
    const p = fake(project);
    const calls = a.calls;
    redrawFigures(
      a.api,
      new Map([
        [a.node, ['y2011_dtpt', 'y2011_dtpt']],
        [p.node, ['y2011_dtpt']],
      ]),
      cols,
    );
    expect(calls).toEqual([
      { rowNodes: [a.node, p.node], columns: ['y2011_dtpt'], force: false },
      { rowNodes: [a.node], columns: ['stated'], force: true },
    ]);
  });

  it('the columns a section redraws: those shown among the changed, and those of its findings', () => {
    const finding = { colId: 'y2012_sn' };
    const ctx = {
      sheetId: sheet.id,
      session: {
        checks: { ofRow: (_s: string, id: string) => (id === section.id ? [finding] : []) },
      },
    } as unknown as GridCtx;
    expect(shownColumns(new Set(['y2011_dtpt', 'helper']), cols, ctx, section)).toEqual([
      'y2011_dtpt',
      'y2012_sn',
    ]);
    expect(shownColumns(new Set(['y2011_dtpt']), cols, ctx, project)).toEqual(['y2011_dtpt']);
  });

  it('the columns where a cell came or went (sections may show blank or 0 there)', () => {
    const after = { ...project, cells: { ...project.cells, y2011_dtpt: 5, y2012_dtpt: null } };
    const before = { ...project, cells: { ...project.cells, y2011_dtpt: 3, y2012_dtpt: 4 } };
    const step = (b: Row, a: Row) => ({
      delta: { sheets: [{ sheetId: sheet.id, rows: [{ id: a.id, before: b, after: a }] }] },
    });
    // a number over a number: nothing came or went
    expect(
      presenceChanged(
        step(before, { ...before, cells: { ...before.cells, y2011_dtpt: 9 } }),
        sheet.id,
        [after],
        cols,
      ),
    ).toEqual([]);
    expect(presenceChanged(step(before, after), sheet.id, [after], cols)).toEqual(['y2012_dtpt']);
    expect(presenceChanged(step(before, after), 'other', [after], cols)).toEqual([]);
  });

  it('a pasted block: every row takes its data, on-screen rows forced once per set of columns', () => {
    const projects = sheet.rows
      .filter((r) => r.kind === 'project')
      .slice(0, 4)
      .map((r) => ({ ...r, cells: { ...r.cells, y2011_dtpt: 1, y2012_dtpt: 2 } }));
    const calls: unknown[] = [];
    const api = {
      refreshCells: (p: RefreshCellsParams<GridItem>) => void calls.push(p),
    } as unknown as GridApi<GridItem>;
    const nodes = projects.map(
      (data) =>
        ({
          id: data.id,
          data,
          updateData: (d: Row) => calls.push({ updateData: d.id }),
        }) as unknown as IRowNode<GridItem>,
    );
    // text over each first cell, a number over row 1's second cell, numbers only over row 3
    const after = projects.map((r, i) => ({
      ...r,
      cells:
        i === 3
          ? { ...r.cells, y2011_dtpt: 7, y2012_dtpt: 8 }
          : { ...r.cells, y2011_dtpt: `x${i}`, ...(i === 1 ? { y2012_dtpt: 1 } : {}) },
    }));
    const off = nodes[2].id;
    const rendered = new Set(nodes.map((n) => n.id).filter((id) => id !== off));
    updateRows(
      api,
      nodes.map((node, i) => ({ node, row: after[i] })),
      cols,
      rendered,
    );
    expect(calls).toEqual([
      ...projects.map((r) => ({ updateData: r.id })),
      { rowNodes: [nodes[0], nodes[1]], columns: ['y2011_dtpt'], force: true },
    ]);
    calls.length = 0;
    updateRows(
      api,
      [0, 2].map((i) => ({ node: nodes[i], row: after[i] })),
      cols,
    );
    expect(calls.at(-1)).toEqual({
      rowNodes: [nodes[0], nodes[2]],
      columns: ['y2011_dtpt'],
      force: true,
    });
    expect(calls).toHaveLength(3);
  });

  it('nothing to redraw: no call', () => {
    const { api, calls } = fake(project);
    redrawFigures(api, new Map(), cols);
    expect(calls).toEqual([]);
  });
});
