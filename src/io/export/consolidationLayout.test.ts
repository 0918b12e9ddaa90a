import { describe, expect, it } from 'vitest';
import { consolidate } from '../../domain/consolidate';
import {
  NV_SN_ZERO as NV,
  submissionsById as all,
  twoUnitConsolidation as state,
  YTE_SN_BLANK as YTE,
} from '../../domain/consolidateSamples';
import { layoutConsolidation } from './consolidationLayout';

describe('the consolidated appendix exported', () => {
  it('exports a blank cell as an empty cell and a typed 0 as 0, subtotals alike', () => {
    const t = consolidate(state([YTE, NV]), all(YTE, NV));
    const layout = layoutConsolidation({ table: t, form: state([]).form, subtitle: '' });
    const row = (name: string) => layout.rows.find((r) => r.some((c) => c?.text === name))!;
    // TT, name, unit, lead; then per column requested, proposed, difference; then the totals
    const figures = (name: string) =>
      row(name)
        .slice(4, 4 + 3 * 3 + 3)
        .map((c) => ((c?.formula ?? c?.number ?? '') === '' ? '_' : String(c?.value ?? c?.number)));
    expect(figures('Bệnh án điện tử')).toEqual([
      '3000',
      '3000',
      '0',
      '_',
      '_',
      '_',
      '_',
      '_',
      '_',
      '3000',
      '3000',
      '0',
    ]);
    expect(figures('Số hóa hồ sơ')).toEqual([
      '500',
      '500',
      '0',
      '0',
      '0',
      '0',
      '_',
      '_',
      '_',
      '500',
      '500',
      '0',
    ]);
    expect(figures('Sở Y tế')).toEqual([
      '3000',
      '3000',
      '0',
      '_',
      '_',
      '_',
      '_',
      '_',
      '_',
      '3000',
      '3000',
      '0',
    ]);
  });

  it('makes each header row as tall as its wrapped labels, so none is cut off in print', () => {
    const t = consolidate(state([YTE, NV]), all(YTE, NV));
    const layout = layoutConsolidation({ table: t, form: state([]).form, subtitle: '' });
    const head = layout.rows.slice(layout.headerStart, layout.firstRow);
    const height = (row: (typeof head)[number]) => Math.max(0, ...row.map((c) => c?.height ?? 0));
    // `Đơn vị đề nghị` in a 12-wide figure column wraps to two lines: before, the default height
    // (the figures' row under the sources: the total's figures span two rows above it)
    const figuresRow = head[head.length - 1];
    expect(figuresRow.some((c) => c?.text === 'Đơn vị đề nghị' && !c.rowSpan)).toBe(true);
    expect(height(figuresRow)).toBeGreaterThanOrEqual(30);
    // every header row has a height at least one line's
    for (const r of head) expect(height(r)).toBeGreaterThanOrEqual(15);
  });
});
