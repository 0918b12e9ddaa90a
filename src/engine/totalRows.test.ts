/** Issue 15: a plan's total rows are live sums of their block; what they state is kept beside. */
import { describe, expect, it } from 'vitest';
import { insertRows, setCells } from '../domain/ops';
import { amountColumnId, makePlan, makeRow } from '../domain/template';
import { computedTotalRows, statedDifferences, totalRowTerms, totalShape } from '../domain/totals';
import type { AppendixSheet, Workbook } from '../domain/types';
import { PlanEngine } from './engine';

const A11 = amountColumnId(2011, 'ĐTPT');
const S11 = amountColumnId(2011, 'SN');

/** Two sections, then the plan's ĐTPT total row and its grand total (one figure over 2011). */
function plan(): Workbook {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', { stated: 300 }],
      ['project', 1, 'p1', { '2011:ĐTPT': 100, stated: 100 }],
      ['project', 1, 'p2', { '2011:SN': 150, stated: 150 }],
      ['section', 0, 'II', {}],
      ['project', 1, 'p3', { '2011:ĐTPT': 50, stated: 50 }],
      ['total', 0, 'Tổng vốn ĐTPT', { '2011:ĐTPT': 120, stated: 150 }],
      ['total', 0, 'Tổng cộng', { y2011: 300 }],
    ],
  });
  const rows = wb.sheets[0].rows.map((r) =>
    r.cells.name === 'Tổng vốn ĐTPT' ? { ...r, totalSource: 'ĐTPT' } : r,
  );
  return { ...wb, sheets: [{ ...wb.sheets[0], rows }] };
}

describe('total rows', () => {
  it('add up their block live, keep the stated figures beside, and list those that differ', () => {
    const wb = plan();
    let s: AppendixSheet = wb.sheets[0];
    const e = new PlanEngine();
    e.loadWorkbook(wb);
    // the ĐTPT total row: 2011 ĐTPT over sections I and II (100 + 50), its SN cell left alone
    expect(e.value(s.id, 5, A11)).toBe(150);
    expect(e.value(s.id, 5, S11)).toBe(null);
    expect(e.value(s.id, 5, 'stated')).toBe(150); // its own ĐTPT amounts
    // the grand total row over every source; its Tổng mức đầu tư the row's own amounts
    expect(e.value(s.id, 6, A11)).toBe(150);
    expect(e.value(s.id, 6, S11)).toBe(150);
    // what the plan states stays as stated (in the stated block), never overwritten
    expect(e.raw(s.id, 5, A11)).toBe(120);
    expect(
      statedDifferences(s, e.values(s.id)).map((d) => [d.rowIndex, d.key, d.stated, d.computed]),
    ).toEqual([
      [0, 'stated', 300, 250],
      [5, A11, 120, 150],
    ]);
    // an edit flows into the plan's total rows
    s = setCells(s, [{ rowId: s.rows[1].id, colId: A11, value: 70 }]);
    e.setCells(s);
    expect(e.value(s.id, 5, A11)).toBe(120);
    expect(
      statedDifferences(s, e.values(s.id)).map((d) => [d.rowIndex, d.key, d.stated, d.computed]),
    ).toEqual([
      [0, 'stated', 300, 250],
      [5, 'stated', 150, 120],
      [6, 'y2011', 300, 270],
    ]);
    // a new row in section II is added in (the total rows' formulas follow the structure)
    s = insertRows(s, 5, [makeRow('project', 1, { name: 'p4', [A11]: 30 })]);
    e.insertRows(s);
    expect(e.value(s.id, 6, A11)).toBe(150);
    expect(e.value(s.id, 7, A11)).toBe(150);
    expect(e.value(s.id, 7, 'total')).toBe(300); // Planbook's own row total of the grand total row
  });

  it('are the totals: Planbook adds computed rows only to a sheet that has none', () => {
    const s = plan().sheets[0];
    expect(computedTotalRows(s, ['ĐTPT', 'SN'])).toEqual([]);
    const bare = { ...s, rows: s.rows.filter((r) => r.kind !== 'total') };
    expect(computedTotalRows(bare, ['ĐTPT', 'SN'])).toEqual(['ĐTPT', 'SN', null]);
    // a year's figure over its sources adds up the block's cells of that year
    const t = totalRowTerms(totalShape(s), s.rows, 6);
    expect(t.get('y2011')).toEqual({ rows: [0, 3], cols: [A11, S11] });
    expect(t.get('stated')).toEqual({ rows: [6], cols: expect.arrayContaining([A11, S11]) });
  });
});
