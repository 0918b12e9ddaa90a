import { describe, expect, it } from 'vitest';
import { compare } from './compare';
import { typedSide } from './compareColumns';
import { makePlan } from './template';
import type { Workbook } from './types';

const side = typedSide;

/** A plan in `unit` with the figures given (fresh ids: a department's file). */
const plan = (unit: string, lan: number, dc: number, tag: string): Workbook => {
  const wb = makePlan({
    rows: [
      ['section', 0, 'Hạ tầng'],
      ['project', 1, 'Mạng LAN', { '2011:ĐTPT': lan }],
      ['project', 1, 'Trung tâm dữ liệu', { '2011:ĐTPT': dc }],
    ],
  });
  wb.meta = { ...wb.meta, unit };
  wb.sheets[0].rows = wb.sheets[0].rows.map((r) => ({ ...r, id: `${tag}${r.id}` }));
  return wb;
};

describe('comparing a file returned in another money unit', () => {
  it('compares figures in the first file’s unit: no change made up from the unit', () => {
    const a = plan('triệu đồng', 1250.5, 200, 'a');
    for (const [unit, k] of [
      ['tỷ đồng', 1e-3],
      ['đồng', 1e6],
    ] as const) {
      const c = compare(side('a', a), side('b', plan(unit, 1250.5 * k, 200 * k, 'b')));
      expect(c.matched).toHaveLength(2);
      expect(c.changes).toEqual([]);
      expect(c.totals.after).toBeCloseTo(c.totals.before, 6);
    }
  });

  it('still finds a changed figure, in the first file’s unit', () => {
    const a = plan('triệu đồng', 1250.5, 200, 'a');
    const c = compare(side('a', a), side('b', plan('tỷ đồng', 1.2505, 0.22, 'b')));
    expect(c.changes.map((d) => [d.match.a.text, d.before, d.after])).toEqual([
      ['Trung tâm dữ liệu', 200, 220],
    ]);
  });

  it('leaves figures as they are when either file states no money unit', () => {
    const c = compare(side('a', plan('', 5, 7, 'a')), side('b', plan('tỷ đồng', 5, 7, 'b')));
    expect(c.changes).toEqual([]);
  });
});
