import { describe, expect, it } from 'vitest';
import { Chunks, inSteps } from './inSteps';

describe('work in steps', () => {
  it('covers a range in chunks of whole units, at least one per step, all at once without a deadline', () => {
    const c = new Chunks(1000, 64, 64);
    const seen: [number, number][] = [];
    // a deadline already past: nothing; a near one: one unit at least
    expect(c.run(performance.now() - 1, (a, b) => seen.push([a, b]))).toBe(false);
    expect(seen).toEqual([]);
    while (!c.run(performance.now() + 0.001, (a, b) => seen.push([a, b])));
    expect(seen[0]).toEqual([0, 64]);
    expect(
      seen.every(([a, b], i) => a % 64 === 0 && b > a && (i === 0 || seen[i - 1][1] === a)),
    ).toBe(true);
    expect(seen.at(-1)![1]).toBe(1000);
    const once: [number, number][] = [];
    expect(new Chunks(1000, 64, 64).run(Infinity, (a, b) => once.push([a, b]))).toBe(true);
    expect(once).toEqual([[0, 1000]]);
  });

  it('runs a step until it is done, giving the page its turns, and rejects with what it throws', async () => {
    let calls = 0;
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    await inSteps(() => ++calls === 5, 1);
    clearInterval(timer);
    expect(calls).toBe(5);
    expect(turns).toBeGreaterThan(0);
    await expect(
      inSteps(() => {
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
  });
});
