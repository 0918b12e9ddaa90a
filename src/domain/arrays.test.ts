import { describe, expect, it } from 'vitest';
import { appendAll } from './arrays';

describe('appendAll', () => {
  it('appends in order, in place', () => {
    const a = [1, 2];
    expect(appendAll(a, [3, 4])).toBe(a);
    expect(a).toEqual([1, 2, 3, 4]);
  });

  it('appends 500,000 items, where push(...items) overflows the stack', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    expect(appendAll([] as number[], many)).toHaveLength(500_000);
  });
});
