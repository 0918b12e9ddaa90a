import { describe, expect, it } from 'vitest';
import { gridFromText } from '../io/appendix/grid';
import { gridSheetFromRaw } from '../io/appendix/gridSheet';
import { blankMeta } from '../io/readPlan';
import { setGridCells } from '../domain/grid';
import { convertGridCommand } from './gridToAppendix';
import { WorkbookSession } from './session';

const TABLE = [
  'Bảng tổng hợp gửi kèm',
  'TT\tTên dự án\tĐơn vị thực hiện\tNăm 2012\tNăm 2013',
  'I\tHạ tầng\t\t\t',
  '1\tMạng LAN\tSở TT&TT\t1.500\t2.000',
  '2\tTrung tâm dữ liệu\tVăn phòng UBND\t=D4*2\t500',
].join('\n');

function session() {
  const read = gridSheetFromRaw(gridFromText(TABLE, 'Tổng hợp'));
  // text read from a CSV never runs as a formula; a spreadsheet's formula cell does
  expect(read.cells[4][3]).toBe("'=D4*2");
  const grid = setGridCells(read, [
    { r: 3, c: 3, value: 1500 },
    { r: 4, c: 3, value: '=D4*2' },
  ]);
  const wb = {
    id: 'w1',
    meta: blankMeta('Tệp nhận'),
    sheets: [],
    grids: [grid],
    createdAt: 0,
    updatedAt: 0,
  };
  return { s: new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null), grid };
}

describe('plain grid sheets', () => {
  it('edits a grid cell with its formulas recomputed, undo and redo', () => {
    const { s, grid } = session();
    expect(s.gridValue(grid.id, 4, 3)).toBe(3000);
    expect(
      s.dispatch(
        { type: 'setGridCells', gridId: grid.id, changes: [{ r: 3, c: 3, value: 700 }] },
        'edit',
      ).ok,
    ).toBe(true);
    expect(s.gridValue(grid.id, 4, 3)).toBe(1400);
    s.undo();
    expect(s.gridValue(grid.id, 4, 3)).toBe(3000);
    expect(s.workbook.grids![0].cells[3][3]).toBe(1500);
    s.redo();
    expect(s.workbook.grids![0].cells[3][3]).toBe(700);
    const bad = s.dispatch(
      { type: 'setGridCells', gridId: grid.id, changes: [{ r: 0, c: 0, value: '=A1+1' }] },
      'edit',
    );
    expect(bad.ok ? null : bad.refusals[0]).toMatchObject({ code: 'CYCLE', at: { r: 0, c: 0 } });
  });

  it('turns into an appendix by marking its header row; undo gives the grid back', () => {
    const { s, grid } = session();
    expect(convertGridCommand(s.workbook, grid.id, { start: 0, end: 1 }, () => null)).toBeNull();
    const conv = convertGridCommand(s.workbook, grid.id, { start: 1, end: 2 }, (r, c) =>
      s.gridValue(grid.id, r, c),
    )!;
    expect(conv.projects).toBe(2);
    expect(s.dispatch(conv.command, 'convert').ok).toBe(true);
    const sheet = s.workbook.sheets[0];
    expect(s.workbook.grids).toEqual([]);
    expect(s.workbook.meta.years).toEqual([2012, 2013]);
    const total = sheet.columns.find((c) => c.kind === 'leaf' && c.role === 'rowTotal')!;
    expect(s.total(sheet.id, null, total.id)).toBe(1500 + 2000 + 3000 + 500);
    // the formula became a cell formula of the appendix (its value kept as the reader saw it)
    expect(sheet.rows.filter((r) => r.kind === 'project')).toHaveLength(2);
    s.undo();
    expect(s.workbook.sheets).toEqual([]);
    expect(s.workbook.grids![0].id).toBe(grid.id);
    expect(s.gridValue(grid.id, 4, 3)).toBe(3000);
    s.redo();
    expect(s.workbook.sheets).toHaveLength(1);
  });
});
