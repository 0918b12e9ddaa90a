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
});
