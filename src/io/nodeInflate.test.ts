import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { nodeInflater, outputChunk } from './nodeInflate';

describe('nodeInflater with an output buffer sized to the part', () => {
  const inflate = nodeInflater()!;

  it('gives the bytes fflate gives, at every size around the limit', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const n of [0, 1, 63, 64, 65, 1000, 16384, 16385, 100_000, 1 << 20]) {
      // text-like bytes (compressible) with random runs
      const raw = Uint8Array.from({ length: n }, () => 60 + Math.floor(rand() * 8));
      const packed = deflateSync(raw);
      const before = inflateSync(packed);
      for (const max of [n, n + 1, n + 1000]) {
        const got = inflate(packed, max);
        expect(got && Buffer.from(got).equals(Buffer.from(before)), `${n} of ${max}`).toBe(true);
      }
      // one byte short of the part: refused, as before
      if (n > 0) expect(inflate(packed, n - 1)).toBeNull();
    }
  });

  it('caps the buffer at 64 MiB and keeps zlib’s minimum', () => {
    expect(outputChunk(0)).toBe(64);
    expect(outputChunk(43_565_884)).toBe(43_565_885);
    expect(outputChunk(1 << 30)).toBe(64 << 20);
  });

  it('refuses damaged data', () => {
    expect(inflate(Uint8Array.from([1, 2, 3, 4, 5]), 100)).toBeNull();
  });
});
