import { describe, expect, it } from 'vitest';
import { consolidate, isBlank, isBlankRow } from './consolidate';
// Sở Y tế leaves its SN cell blank, Sở Nội vụ types 0
import {
  NV_SN_ZERO as NV,
  submissionsById as all,
  twoUnitConsolidation as state,
  YTE_SN_BLANK as YTE,
} from './consolidateSamples';

/** Each row's blank figures as `r`/`p`/`d` marks per column, `.` where filled. */
const marks = (filled: Parameters<typeof isBlank>[0], n = 3) =>
  [...Array(n).keys()]
    .map((j) =>
      (['requested', 'proposed', 'difference'] as const)
        .map((f) => (isBlank(filled, f, j) ? f[0] : '.'))
        .join(''),
    )
    .join(' ');

describe('blank cells of a consolidation', () => {
  it('leaves blank a cell no unit filled; a sum of blanks is blank, a sum with a typed 0 is 0', () => {
    const t = consolidate(state([YTE, NV]), all(YTE, NV));
    expect(t.rows.map((r) => [r.kind, r.name, r.requested, marks(r.filled)])).toEqual([
      ['unit', 'Sở Y tế', [3000, 0, 0], '... rpd rpd'],
      ['project', 'Bệnh án điện tử', [3000, 0, 0], '... rpd rpd'],
      ['unit', 'Sở Nội vụ', [500, 0, 0], '... ... rpd'],
      ['project', 'Số hóa hồ sơ', [500, 0, 0], '... ... rpd'],
    ]);
    expect(marks(t.total.filled)).toBe('... ... rpd');
    expect(marks(t.byUnit[0].filled)).toBe('... rpd rpd');
    expect(isBlankRow(t.rows[1].filled, 'requested')).toBe(false);
    // only Sở Y tế: its SN is blank in the grand total too
    expect(marks(consolidate(state([YTE]), all(YTE)).total.filled)).toBe('... rpd rpd');
  });

  it('fills a proposed figure the consolidator set on a blank cell (its difference shows)', () => {
    const key = 'yt/s:r0';
    const t = consolidate(state([YTE], { [key]: { y2027_dtpt: 0 } }), all(YTE));
    expect(t.rows.map((r) => marks(r.filled))).toEqual(['... rpd r..', '... rpd r..']);
  });
});
