/** The checks panel renders only the findings in view (plus a few around them). */
import { describe, expect, it } from 'vitest';
import { FINDING_HEIGHT, averageHeight, visibleSlice } from './ChecksPanel';

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

describe('averageHeight', () => {
  it('takes the rendered findings’ average height when it differs from the estimate by over 2 px', () => {
    expect(averageHeight(16 * 60, 16, FINDING_HEIGHT)).toBe(60);
    expect(averageHeight(16 * 91, 16, FINDING_HEIGHT)).toBeNull(); // close enough
    expect(averageHeight(16 * 10, 16, FINDING_HEIGHT)).toBe(24); // never below 24 px
    expect(averageHeight(0, 16, FINDING_HEIGHT)).toBeNull(); // not laid out (panel hidden)
    expect(averageHeight(500, 0, FINDING_HEIGHT)).toBeNull();
  });
});
