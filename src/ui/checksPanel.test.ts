/** The checks panel renders only the findings in view (plus a few around them). */
import { describe, expect, it } from 'vitest';
import { FINDING_HEIGHT, visibleSlice } from './ChecksPanel';

describe('visibleSlice', () => {
  it('takes the rows in view and a few around them, whatever the count', () => {
    const h = FINDING_HEIGHT;
    expect(visibleSlice(2000, h, 0, 10 * h)).toEqual({ first: 0, last: 16 });
    expect(visibleSlice(2000, h, 1000 * h, 10 * h)).toEqual({ first: 994, last: 1016 });
    expect(visibleSlice(2000, h, 1995 * h, 10 * h)).toEqual({ first: 1989, last: 2000 });
    expect(visibleSlice(3, h, 0, 10 * h)).toEqual({ first: 0, last: 3 });
    expect(visibleSlice(0, h, 0, 10 * h)).toEqual({ first: 0, last: 0 });
    // a box not measured yet still shows its first rows
    expect(visibleSlice(2000, h, 0, 0).last).toBeGreaterThan(0);
  });
});
