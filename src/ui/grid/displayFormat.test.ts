import { describe, expect, it } from 'vitest';
import { WorkbookSession } from '../../app/session';
import { leaves } from '../../domain/columns';
import { makePlan } from '../../domain/template';
import { shownAmount } from './displayFormat';
import type { GridCtx } from './gridContext';

const A11 = 'y2011_dtpt';

function ctxOf(display?: { unit?: 'tỷ đồng'; decimals?: number }): GridCtx {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { [A11]: '=54500/3' }],
    ],
  });
  const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
  if (display) s.dispatch({ type: 'setDisplay', sheetId: 's1', display }, 'setDisplay');
  return { session: s, sheetId: 's1', lang: 'vi' } as GridCtx;
}

describe('figures in the appendix grid', () => {
  it('a computed amount shows in the plan’s format (2 decimals of its unit, as the .xlsx), not 6 decimals', () => {
    const ctx = ctxOf();
    const leaf = leaves(ctx.session.workbook.sheets[0].columns).find((l) => l.id === A11)!;
    const v = ctx.session.value('s1', 1, A11) as number;
    expect(v).toBeCloseTo(54500 / 3, 6); // the computed figure keeps its precision
    expect(shownAmount(ctx, leaf, v)).toBe('18.166,67');
    expect(shownAmount(ctxOf({ unit: 'tỷ đồng' }), leaf, v)).toBe('18,16667');
    // a typed thousandth (1.000 đồng) shows as typed, as the .xlsx writes it (#,##0.###)
    expect(shownAmount(ctx, leaf, 1234.567)).toBe('1.234,567');
    expect(shownAmount(ctx, leaf, 1234.5678)).toBe('1.234,57');
    expect(shownAmount(ctxOf({ decimals: 6 }), leaf, v)).toBe('18.166,666667');
    expect(shownAmount(ctx, leaf, 1.5)).toBe('1,5');
  });

  it('a percent cell shows its percentage (0.053 → 5,3%), whatever the display unit', () => {
    const ctx = ctxOf({ unit: 'tỷ đồng' });
    const sheet = ctx.session.workbook.sheets[0];
    const leaf = leaves(sheet.columns).find((l) => l.id === A11)!;
    const row = { ...sheet.rows[1], part: 'ratio' as const, percent: { [A11]: 1 } };
    expect(shownAmount(ctx, leaf, 0.053, row)).toBe('5,3%');
    expect(shownAmount(ctx, leaf, 0.05, row)).toBe('5,0%');
    expect(shownAmount({ ...ctx, lang: 'en' }, leaf, 0.0534, row)).toBe('5.34%');
    // the same figure in a plain cell: an amount, in the display unit
    expect(shownAmount(ctxOf(), leaf, 0.053, sheet.rows[1])).toBe('0,053');
  });
});
