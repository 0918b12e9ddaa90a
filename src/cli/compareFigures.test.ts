/**
 * Changed figures as the Ministry's files store them: Plan_2015.xls holds 7068.209999999999 for a
 * programme's 2015 estimate (printed 7,068.21); `planbook compare` printed the stored double, and
 * its JSON carried it, where the totals line rounds away the floating noise.
 */
import { describe, expect, it } from 'vitest';
import type { CompareJson } from './compareCmd';
import { formatCompare } from './compareCmd';
import { runCli } from './main';

const PROGRAMME = 'Chương trình MTQG giảm nghèo bền vững';

describe('planbook compare on the published estimates of 2014 and 2015', () => {
  it('gives the changed figures without floating noise, in JSON and as text', async () => {
    const args = ['compare', 'fixtures/mof/Plan_2014.xls', 'fixtures/mof/Plan_2015.xls'];
    const r = await runCli([...args, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CompareJson;
    const mine = j.changes.filter((d) => d.label === PROGRAMME);
    // the 2014 file has no 2015 column: absent there, not 0 (and its 2014 column not in 2015)
    expect(mine.map((d) => [d.column, d.before, d.after, d.columnMissingIn])).toContainEqual([
      'Dự toán / năm 2015',
      null,
      7068.21,
      'a',
    ]);
    const numbers = j.changes
      .flatMap((d) => [d.before, d.after])
      .filter((v) => typeof v === 'number');
    expect(numbers.filter((v) => String(v).length > 15)).toEqual([]);
    const text = formatCompare(j);
    expect(text).toContain(
      `CHANGED ${PROGRAMME} [Dự toán / năm 2015]: (no such column in Plan_2014.xls) → 7,068.21`,
    );
    expect(text).toContain(`CHANGED ${PROGRAMME} [Chia ra / Vốn ĐTPT]: 4,420 → 5,029.4`);
    expect(text).not.toMatch(/\d\.\d{10,}/);
  });

  it('writes blanks and formulas as they are', () => {
    const j = {
      a: 'a',
      b: 'b',
      matched: [],
      renamed: [],
      respelled: [],
      moved: [],
      added: [],
      removed: [],
      split: [],
      merged: [],
      toConfirm: [],
      changes: [
        { label: 'P', column: 'C', before: null, after: 1.1 + 2.2, kind: 'value' },
        { label: 'P', column: 'D', before: '=E1*2', after: '=E1*3', kind: 'formula' },
      ],
      totals: { before: 0, after: 0, increase: 0, decrease: 0 },
    } as unknown as CompareJson;
    const text = formatCompare(j);
    expect(text.split('\n').slice(-2)).toEqual([
      '  CHANGED P [C]: (blank) → 3.3',
      '  FORMULA P [D]: =E1*2 → =E1*3',
    ]);
  });
});
