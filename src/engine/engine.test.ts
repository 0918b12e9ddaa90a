import { describe, expect, it } from 'vitest';
import { deleteRows, insertRows, moveRows, setCells, setRowShapes } from '../domain/ops';
import { makePlan, makeRow } from '../domain/template';
import type { AppendixSheet } from '../domain/types';
import { PlanEngine } from './engine';

const A11 = 'y2011_dtpt';
const S11 = 'y2011_sn';
const A12 = 'y2012_dtpt';

function setup() {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['section', 1, '1', {}],
      ['project', 2, 'p1', { '2011:ĐTPT': 100, '2011:SN': 10, '2012:ĐTPT': 1 }],
      ['project', 2, 'p2', { '2011:ĐTPT': 200 }],
      ['section', 1, '2', {}],
      ['project', 2, 'p3', { '2012:ĐTPT': 5 }],
      ['section', 0, 'II', {}],
      ['project', 1, 'p4', { '2011:SN': 7 }],
    ],
  });
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  return { engine, sheet: wb.sheets[0] };
}

const v = (e: PlanEngine, s: AppendixSheet, row: number, col: string) => e.value(s.id, row, col);

describe('PlanEngine', () => {
  it('computes row totals, section subtotals and grand totals', () => {
    const { engine: e, sheet: s } = setup();
    expect(v(e, s, 2, 'total')).toBe(111);
    expect(v(e, s, 1, A11)).toBe(300);
    expect(v(e, s, 0, A11)).toBe(300);
    expect(v(e, s, 0, A12)).toBe(6);
    expect(v(e, s, 0, 'total')).toBe(316);
    expect(v(e, s, 6, S11)).toBe(7);
    expect(e.total(s.id, 'ĐTPT', A11)).toBe(300);
    expect(e.total(s.id, 'SN', 'total')).toBe(17);
    expect(e.total(s.id, null, 'y2011')).toBe(317);
    expect(e.total(s.id, null, 'total')).toBe(323);
  });

  it('updates every dependent total after an edit and reports the changed rows', () => {
    const { engine: e, sheet } = setup();
    const s = setCells(sheet, [{ rowId: 'r3', colId: A11, value: '=2*500' }]);
    const p = e.setCells(s, [{ rowId: 'r3', colId: A11, value: '=2*500' }]);
    expect(Array.isArray(p)).toBe(false);
    if (Array.isArray(p)) return;
    expect([...p.rows].sort()).toEqual([0, 1, 2]);
    // and, per row, the columns whose values changed (a grid redraws those cells only)
    for (const r of [0, 1, 2]) {
      const ids = p.cells?.get(r);
      expect(ids?.has(A11)).toBe(true);
      expect(ids?.has('total')).toBe(true);
      expect(ids?.has(S11) || ids?.has(A12)).toBe(false);
    }
    expect(p.totals).toBe(true);
    // and which totals moved: the column, its year group and the row total, no other
    expect([...(p.totalCols ?? [])].sort()).toEqual(['total', A11, 'y2011'].sort());
    expect(v(e, s, 0, A11)).toBe(1200);
    expect(e.total(s.id, null, 'total')).toBe(1223);
    expect(e.raw(s.id, 2, A11)).toBe('=2*500');
  });

  it('keeps floating noise out of totals', () => {
    const { engine: e, sheet } = setup();
    const ch = [
      { rowId: 'r3', colId: A11, value: 0.1 },
      { rowId: 'r4', colId: A11, value: 0.2 },
    ];
    const s = setCells(sheet, ch);
    e.setCells(s, ch);
    expect(v(e, s, 1, A11)).toBe(0.3);
  });

  it('refuses a circular reference or an error and leaves totals intact', () => {
    const { engine: e, sheet } = setup();
    for (const bad of ['=C3+E3', '=1/0', '=NOSUCH(1)', '=SUM(']) {
      const ch = [{ rowId: 'r3', colId: A11, value: bad }];
      const out = e.setCells(setCells(sheet, ch), ch);
      expect(Array.isArray(out)).toBe(true);
      expect(v(e, sheet, 0, A11)).toBe(300);
      expect(e.raw(sheet.id, 2, A11)).toBe(100);
    }
  });

  it('a write whose formula errs only once written is put back whole', () => {
    const { engine: e, sheet } = setup();
    // the formula reads a cell of the same write: the dry check leaves it to after the write
    const ch = [
      { rowId: 'r3', colId: A11, value: 0 },
      { rowId: 'r4', colId: A11, value: '=1/E3' },
    ];
    const out = e.setCells(setCells(sheet, ch), ch);
    expect(Array.isArray(out) && out.map((r) => r.code)).toEqual(['DIV_BY_ZERO']);
    expect(e.raw(sheet.id, 2, A11)).toBe(100);
    expect(e.raw(sheet.id, 3, A11)).toBe(sheet.rows[3].cells[A11] ?? null);
    expect(v(e, sheet, 0, A11)).toBe(300);
  });

  it('keeps sums right when rows are inserted, deleted, moved and re-levelled', () => {
    const { engine: e, sheet } = setup();
    // insert a project at the end of section 1 (boundary: HF does not grow ranges there)
    let s = insertRows(sheet, 4, [{ ...makeRow('project', 2, { [A11]: 1000 }), id: 'n1' }]);
    e.insertRows(s, 4, 1);
    expect(v(e, s, 1, A11)).toBe(1300);
    expect(v(e, s, 0, A11)).toBe(1300);
    expect(e.total(s.id, 'ĐTPT', A11)).toBe(1300);
    // append at the very end
    s = insertRows(s, s.rows.length, [{ ...makeRow('project', 1, { [S11]: 3 }), id: 'n2' }]);
    e.insertRows(s, s.rows.length - 1, 1);
    expect(v(e, s, 7, S11)).toBe(10);
    expect(e.total(s.id, 'SN', S11)).toBe(20);
    // delete p1 (index 2)
    s = deleteRows(s, ['r3']);
    e.deleteRows(s, [2]);
    expect(v(e, s, 0, A11)).toBe(1200);
    expect(e.total(s.id, null, 'total')).toBe(1200 + 5 + 7 + 3);
    // move section 2 with its project (indexes 4-5) to the top of the sheet
    s = moveRows(s, 4, 2, 0);
    e.moveRows(s, 4, 2, 0);
    expect(s.rows[0].cells.name).toBe('2');
    // section '2' (level 1) at top is clamped to level 0; its project stays under it
    expect(v(e, s, 0, A12)).toBe(5);
    expect(v(e, s, 2, A11)).toBe(1200);
    // re-level: make p4 a child of section I by turning section II into a project sibling
    const ii = s.rows.findIndex((r) => r.cells.name === 'II');
    s = setRowShapes(s, [{ rowId: s.rows[ii].id, kind: 'project', level: 1 }]);
    e.reshape(s, [ii]);
    expect(v(e, s, 2, S11)).toBe(7 + 3);
    expect(e.rowCount(s.id)).toBe(s.rows.length);
  });
});
