/** Status sums and check figures in the sheet's display unit (issue 15, part 5). */
import { describe, expect, it } from 'vitest';
import { WorkbookSession } from '../app/session';
import { selectionStats } from '../app/editing';
import { explain } from '../domain/checkWords';
import type { Finding } from '../domain/checks';
import { makePlan } from '../domain/template';
import { displayUnitLabel, figureFormatter, selectionValues } from './displayFigures';

const A11 = 'y2011_dtpt';
function setup(unit?: 'tỷ đồng') {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I'],
      ['project', 1, 'a', { [A11]: 1500, name: 'a' }],
      ['project', 1, 'b', { [A11]: 250 }],
    ],
  });
  const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
  if (unit) s.dispatch({ type: 'setDisplay', sheetId: 's1', display: { unit } }, 'setDisplay');
  return s;
}

describe('figures beside the grid follow the display unit', () => {
  it('sums a selection in tỷ đồng, labelled', () => {
    const s = setup('tỷ đồng');
    const v = selectionValues(s, 's1', { r0: 1, c0: 1, r1: 2, c1: 4 });
    expect(selectionStats(v)).toMatchObject({ numbers: 2, sum: 1.75 });
    expect(displayUnitLabel(s, 's1')).toBe('tỷ đồng');
    const plain = setup();
    expect(selectionStats(selectionValues(plain, 's1', { r0: 1, c0: 4, r1: 2, c1: 4 })).sum).toBe(
      1750,
    );
    expect(displayUnitLabel(plain, 's1')).toBeUndefined();
  });

  it('formats a finding’s figures in tỷ đồng', () => {
    const s = setup('tỷ đồng');
    const fig = figureFormatter(s, 's1', 'vi');
    expect(fig(41300, A11)).toBe('41,3');
    expect(fig(36300, null)).toBe('36,3');
    expect(figureFormatter(setup(), 's1', 'vi')(41300, A11)).toBe('41.300');
    // a computed figure shows in the plan's format (2 decimals of its unit, as the .xlsx), with or without
    // a display unit chosen
    expect(figureFormatter(setup(), 's1', 'vi')(54500 / 3, A11)).toBe('18.166,67');
    expect(fig(54500 / 3, null)).toBe('18,16667');
    const f = {
      rule: 'section-total',
      severity: 'error',
      label: 'I',
      expected: 36300,
      actual: 41300,
      rowId: null,
      colId: A11,
    } as unknown as Finding;
    expect(explain(f, 'vi', (x) => fig(x, A11))).toContain('số ghi 36,3, tính được 41,3');
    expect(explain(f, 'vi')).toContain('số ghi 36.300');
  });
});

describe('percent cells in the status line', () => {
  it('counts a percent cell apart from the money it is selected with (as Plan_2014 M01)', () => {
    const wb = makePlan({
      rows: [
        ['project', 0, 'Dự phòng', { [A11]: 19200 }],
        ['section', 0, 'Bội chi ngân sách nhà nước', { [A11]: 224000 }],
        ['project', 1, 'Tỷ lệ bội chi ngân sách so GDP', { [A11]: 0.053 }],
      ],
    });
    wb.sheets[0].rows[2] = { ...wb.sheets[0].rows[2], part: 'ratio', percent: { [A11]: 1 } };
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const values = selectionValues(s, 's1', { r0: 0, c0: 4, r1: 2, c1: 4 });
    // before: numbers 3, sum 243.200,053 (a share added to money)
    expect(selectionStats(values)).toMatchObject({ numbers: 2, percents: 1, sum: 243200 });
    expect(selectionStats([1, { percent: 0.5 }])).toMatchObject({ numbers: 1, sum: 1, average: 1 });
  });

  it('keeps one formatter while the columns and units stay (the findings in view are not redrawn at each edit)', () => {
    const s = setup('tỷ đồng');
    const before = figureFormatter(s, 's1', 'vi');
    const rowId = s.workbook.sheets[0].rows[1].id;
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId, colId: A11, value: 1600 }] },
      'edit',
    );
    expect(figureFormatter(s, 's1', 'vi')).toBe(before);
    expect(figureFormatter(s, 's1', 'en')).not.toBe(before);
    s.dispatch({ type: 'setDisplay', sheetId: 's1', display: {} }, 'setDisplay');
    const plain = figureFormatter(s, 's1', 'vi');
    expect(plain).not.toBe(before);
    expect(plain(41300, A11)).toBe('41.300');
  });
});
