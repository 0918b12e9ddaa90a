/**
 * Byte damage for every input format (flips, random bytes, interesting integers, cut, duplicated
 * or deleted blocks), and the seeded picks the other kinds of damage draw with.
 */

/** A seeded generator of numbers in [0, 1). */
export type Rnd = () => number;
/** A whole number in [0, n). */
export const int = (r: Rnd, n: number) => Math.floor(r() * n);
/** One of `xs`, drawn. */
export const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[int(r, xs.length)];

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0xffffffff];

/** Byte damage: flips, random bytes, interesting integers, cut, duplicated or deleted blocks. */
export function damageBytes(r: Rnd, src: Uint8Array): { how: string; bytes: Uint8Array } {
  const b = src.slice();
  const at = () => int(r, Math.max(1, b.length - 4));
  switch (int(r, 7)) {
    case 0: {
      const n = 1 + int(r, 16);
      for (let k = 0; k < n; k++) b[at()] ^= 1 << int(r, 8);
      return { how: `flip ${n} bits`, bytes: b };
    }
    case 1: {
      const n = 1 + int(r, 16);
      for (let k = 0; k < n; k++) b[at()] = int(r, 256);
      return { how: `set ${n} bytes`, bytes: b };
    }
    case 2: {
      const n = 1 + int(r, 4);
      const view = new DataView(b.buffer);
      for (let k = 0; k < n; k++) {
        const v = pick(r, INTERESTING);
        if (r() < 0.5) view.setUint32(at(), v >>> 0, true);
        else view.setUint16(at(), v & 0xffff, true);
      }
      return { how: `${n} interesting integers`, bytes: b };
    }
    case 3: {
      const cut = int(r, b.length);
      return { how: `truncated at ${cut}`, bytes: b.slice(0, cut) };
    }
    case 4: {
      const from = at();
      const len = 1 + int(r, Math.min(4096, b.length - from));
      const to = at();
      const out = new Uint8Array(b.length + len);
      out.set(b.subarray(0, to));
      out.set(b.subarray(from, from + len), to);
      out.set(b.subarray(to), to + len);
      return { how: `duplicated ${len} bytes`, bytes: out };
    }
    case 5: {
      const from = at();
      const len = 1 + int(r, Math.min(4096, b.length - from));
      const out = new Uint8Array(b.length - len);
      out.set(b.subarray(0, from));
      out.set(b.subarray(from + len), from);
      return { how: `deleted ${len} bytes`, bytes: out };
    }
    default: {
      const from = at();
      const len = 1 + int(r, 256);
      b.fill(pick(r, [0, 0xff, 0x20]), from, from + len);
      return { how: `filled ${len} bytes`, bytes: b };
    }
  }
}
