import { describe, expect, it } from 'vitest';
import { prng } from '../../domain/generate';
import { base64 } from './base64';

/** The old way: a binary string through btoa. */
const viaBtoa = (b: Uint8Array) => {
  let bin = '';
  for (let i = 0; i < b.length; i += 0x8000)
    bin += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(bin);
};

describe('base64', () => {
  it('gives what btoa gives, for every length remainder and every byte', () => {
    const rnd = prng(5);
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const cases = [new Uint8Array(0), all, all.subarray(1), all.subarray(2)];
    for (let k = 0; k < 300; k++)
      cases.push(
        Uint8Array.from({ length: Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256)),
      );
    cases.push(Uint8Array.from({ length: 100_001 }, () => Math.floor(rnd() * 256)));
    for (const b of cases) expect(base64(b)).toBe(viaBtoa(b));
  });
});
