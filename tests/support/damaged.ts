/** Damaged inputs made deterministically: a fixture with bytes changed by a seeded generator. */
import { readFileSync } from 'node:fs';

/** The seed appendix .xls with `k` bytes changed (seed 5: SheetJS throws a string; 3, 6, 11: it prints). */
export function damagedXls(seed: number, k = 8): Uint8Array {
  const b = new Uint8Array(readFileSync('fixtures/quang-tri-2011-2015-appendix.xls'));
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  for (let i = 0; i < k; i++)
    b[512 + Math.floor(rnd() * (b.length - 512))] = Math.floor(rnd() * 256);
  return b;
}
