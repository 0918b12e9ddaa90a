import { describe, expect, it } from 'vitest';
import { precise } from './checkRules';
import { prng } from './generate';

describe('precise (a sum as the engine rounds it)', () => {
  it('is Number(x.toPrecision(15)) on whole numbers, fractions, huge and tiny figures', () => {
    const rnd = prng(20);
    const xs = [0, -0, 1, -1, 0.1 + 0.2, 1e15 - 1, 1e15, -1e15 + 1, 2 ** 53, 1e21, 1e-7, 123.456];
    for (let k = 0; k < 20_000; k++) {
      const scale = 10 ** Math.floor(rnd() * 18);
      const x = (rnd() - 0.5) * scale;
      xs.push(x, Math.round(x), Math.round(x) + 0.5, Math.round(x * 100) / 100);
    }
    for (const x of xs)
      expect(Object.is(precise(x), Number(x.toPrecision(15))), String(x)).toBe(true);
  });
});
