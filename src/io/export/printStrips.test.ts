/** The print plan of a wide table: one page wide while readable, else strips of whole years. */
import { describe, expect, it } from 'vitest';
import {
  A4_LANDSCAPE_WIDTH,
  colBreaksXml,
  columnWidthPoints,
  FIT_SCALE,
  MIN_SCALE,
  planStrips,
} from './printStrips';

/** TT, name, lead, then `groups` groups of four figure columns `w` wide. */
const table = (groups: number, w = 10) => [5, 38, 16, ...Array<number>(groups * 4).fill(w)];
/** Every group start, and the starts of every `per` groups (a year of `per` sources). */
const starts = (groups: number, per: number) => {
  const fine = Array.from({ length: groups + 1 }, (_, g) => 3 + g * 4);
  return { fine, cuts: fine.filter((_, g) => g % per === 0 || g === groups) };
};
const points = (ws: number[]) => ws.reduce((t, w) => t + columnWidthPoints(w), 0);

describe('planStrips', () => {
  it('keeps one page wide a table that prints at 85 % or more', () => {
    const widths = table(2); // one year, one source, and the total
    expect(A4_LANDSCAPE_WIDTH / points(widths)).toBeGreaterThan(FIT_SCALE);
    expect(planStrips({ widths, titles: 2, lead: 3, ...starts(2, 1) })).toEqual({
      scale: null,
      breaks: [],
    });
  });

  it('cuts five years of two sources into year strips at 70 % or more (the sample: ~26 % one page wide)', () => {
    const widths = table(11); // 2011 … 2015 × ĐTPT, SN, then the total
    expect(A4_LANDSCAPE_WIDTH / points(widths)).toBeLessThan(0.27);
    const plan = planStrips({ widths, titles: 2, lead: 3, ...starts(11, 2) });
    // 2011 | 2012 | 2013 | 2014 | 2015 + total: the total's four columns ride with the last year
    expect(plan).toEqual({ scale: 75, breaks: [11, 19, 27, 35] });
  });

  it('prints every strip, the repeated TT and name included, within the page at its scale', () => {
    for (const groups of [3, 5, 7, 9, 11, 21])
      for (const w of [10, 13, 16]) {
        const widths = table(groups, w);
        const { fine, cuts } = starts(groups, 2);
        const plan = planStrips({ widths, titles: 2, lead: 3, cuts, fine });
        if (plan.scale === null) continue;
        expect(plan.scale).toBeGreaterThanOrEqual(MIN_SCALE * 100);
        expect(plan.scale).toBeLessThanOrEqual(100);
        const ends = [...plan.breaks, widths.length];
        ends.forEach((end, i) => {
          const cols =
            i === 0 ? widths.slice(0, end) : [5, 38, ...widths.slice(plan.breaks[i - 1], end)];
          expect(points(cols) * (plan.scale! / 100)).toBeLessThanOrEqual(A4_LANDSCAPE_WIDTH);
          // strips break between years (between sources only where a year is too wide alone)
          if (i > 0) expect(w < 16 ? cuts : fine).toContain(plan.breaks[i - 1]);
        });
      }
  });

  it('cuts a year too wide alone between its sources', () => {
    // four sources a year: one year is 16 columns, wider than a page at 70 %
    const widths = table(9);
    const plan = planStrips({ widths, titles: 2, lead: 3, ...starts(9, 4) });
    expect(plan.scale).toBeGreaterThanOrEqual(70);
    expect(plan.breaks.some((b) => !starts(9, 4).cuts.includes(b))).toBe(true);
    expect(plan.breaks.every((b) => starts(9, 4).fine.includes(b))).toBe(true);
  });

  it('writes the column breaks as Excel does (id: the first column after the break, 0-based)', () => {
    expect(colBreaksXml([])).toBe('');
    expect(colBreaksXml([11, 19])).toBe(
      '<colBreaks count="2" manualBreakCount="2"><brk id="11" max="1048575" man="1"/><brk id="19" max="1048575" man="1"/></colBreaks>',
    );
  });
});
