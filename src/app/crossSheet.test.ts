/** One engine for every sheet: formulas refer across plain grid sheets and appendices, both ways. */
import { describe, expect, it } from 'vitest';
import { makePlan, makeRow } from '../domain/template';
import type { GridSheet } from '../domain/types';
import { WorkbookSession } from './session';

const A11 = 'y2011_dtpt';

function session() {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
      ['project', 1, 'p2', { '2011:ĐTPT': "='Dữ liệu'!B1*2" }],
    ],
  });
  const grid: GridSheet = {
    kind: 'grid',
    id: 'g1',
    name: 'Dữ liệu',
    cells: [["='Phụ lục'!I1", 5]],
  };
  return new WorkbookSession(
    { workbook: { ...wb, grids: [grid] }, order: new Map(), rev: 1 },
    null,
  );
}

describe('cross-sheet formulas', () => {
  it('a plain sheet reads an appendix total and an appendix reads the plain sheet, live', () => {
    const s = session();
    // the appendix project reads the plain sheet: 5 × 2; the plain sheet reads the section's total
    expect(s.value('s1', 2, A11)).toBe(10);
    expect(s.gridValue('g1', 0, 0)).toBe(110);
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r2', colId: A11, value: 200 }] },
      'edit',
    );
    expect(s.gridValue('g1', 0, 0)).toBe(210);
    s.dispatch({ type: 'setGridCells', gridId: 'g1', changes: [{ r: 0, c: 1, value: 7 }] }, 'edit');
    expect(s.value('s1', 2, A11)).toBe(14);
    expect(s.total('s1', null, 'total')).toBe(214);
    expect(s.gridValue('g1', 0, 0)).toBe(214);
  });

  it('a reference into an appendix follows its row when rows are inserted; undo restores it', () => {
    const s = session();
    s.dispatch(
      { type: 'insertRows', sheetId: 's1', at: 0, rows: [makeRow('section', 0, { tt: '0' })] },
      'add',
    );
    expect(s.workbook.grids![0].cells[0][0]).toBe("='Phụ lục'!I2");
    expect(s.gridValue('g1', 0, 0)).toBe(110);
    s.undo();
    expect(s.workbook.grids![0].cells[0][0]).toBe("='Phụ lục'!I1");
    expect(s.gridValue('g1', 0, 0)).toBe(110);
  });

  it('a formula naming a sheet that is gone reads #REF!, and reads it again when it comes back', () => {
    const s = session();
    const sheet = s.workbook.sheets[0];
    s.dispatch({ type: 'removeSheet', sheetId: 's1' }, 'remove');
    expect(s.gridValue('g1', 0, 0)).toMatchObject({ error: 'REF' });
    s.dispatch({ type: 'addSheet', sheet, at: 0 }, 'add');
    expect(s.gridValue('g1', 0, 0)).toBe(110);
  });

  it('refuses a cycle through two sheets', () => {
    const s = session();
    const r = s.dispatch(
      { type: 'setGridCells', gridId: 'g1', changes: [{ r: 0, c: 1, value: "='Phụ lục'!E3" }] },
      'edit',
    );
    expect(r.ok ? 'ok' : r.refusals[0].code).toBe('CYCLE');
    expect(s.gridValue('g1', 0, 0)).toBe(110);
  });
});
