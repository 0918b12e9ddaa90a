import { describe, expect, it } from 'vitest';
import { fillByKey, fillTargetTo, union } from './rangeGeometry';

const R = (r0: number, c0: number, r1: number, c1: number) => ({ r0, c0, r1, c1 });

describe('the geometry of ranges', () => {
  it('covers two ranges, either absent', () => {
    expect(union(R(2, 1, 3, 1), R(0, 4, 1, 5))).toEqual(R(0, 1, 3, 5));
    expect(union(null, R(1, 1, 1, 1))).toEqual(R(1, 1, 1, 1));
    expect(union(null, null)).toBeNull();
  });

  it('fills below when dragged as far down as right, else to the right; nothing inside', () => {
    const s = R(2, 1, 3, 2);
    expect(fillTargetTo(s, { row: 6, col: 4 })).toEqual(R(4, 1, 6, 2));
    expect(fillTargetTo(s, { row: 4, col: 5 })).toEqual(R(2, 3, 3, 5));
    expect(fillTargetTo(s, { row: 3, col: 2 })).toBeNull();
  });

  it('Ctrl+D and Ctrl+R: from the first row or column, or the one before a single one', () => {
    expect(fillByKey(R(2, 1, 5, 2), true)).toEqual({
      source: R(2, 1, 2, 2),
      target: R(3, 1, 5, 2),
    });
    expect(fillByKey(R(2, 1, 2, 2), true)).toEqual({
      source: R(1, 1, 1, 2),
      target: R(2, 1, 2, 2),
    });
    expect(fillByKey(R(0, 1, 0, 2), true)).toBeNull();
    expect(fillByKey(R(2, 3, 2, 3), false)).toEqual({
      source: R(2, 2, 2, 2),
      target: R(2, 3, 2, 3),
    });
    expect(fillByKey(R(2, 0, 2, 0), false)).toBeNull();
  });
});
