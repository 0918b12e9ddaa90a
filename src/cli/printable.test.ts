import { describe, expect, it } from 'vitest';
import { printable, printableDeep } from './printable';
import { prng as random } from '../domain/generate';

/** printableDeep as it was written before its loops (the oracle). */
function before<T>(v: T): T {
  if (typeof v === 'string') return printable(v) as T;
  if (Array.isArray(v)) return v.map(before) as T;
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, before(x)])) as T;
  return v;
}

const CHARS = [
  'a',
  'Đ',
  'ố',
  ' ',
  '\n',
  '\t',
  '\r',
  '\x1b',
  '\x07',
  '\u0085',
  '\u2028',
  '\u202e',
  '\u2067',
  '€',
  '"',
];
const KEYS = [
  'rule',
  'message',
  'cell',
  '__proto__',
  'constructor',
  'toString',
  '2024',
  '0',
  'Vốn ĐTPT',
];

function value(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 3 || r < 0.35) {
    const k = Math.floor(next() * 6);
    if (k === 0) return null;
    if (k === 1) return Math.floor(next() * 1e6) - 5e5;
    if (k === 2) return next() < 0.5;
    if (k === 3) return undefined;
    return Array.from(
      { length: Math.floor(next() * 12) },
      () => CHARS[Math.floor(next() * CHARS.length)],
    ).join('');
  }
  if (r < 0.6) return Array.from({ length: Math.floor(next() * 5) }, () => value(next, depth + 1));
  const o: Record<string, unknown> = {};
  for (let n = Math.floor(next() * 5); n > 0; n--)
    Object.defineProperty(o, KEYS[Math.floor(next() * KEYS.length)], {
      value: value(next, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return o;
}

/** Same shape and contents: prototypes, own keys in order, holes, and values (Object.is). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return false;
  if (Array.isArray(a) && (a as unknown[]).length !== (b as unknown[]).length) return false;
  return ka.every((k) =>
    same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

describe('printableDeep', () => {
  it('gives what the entries-based copy gave, on random nested values', () => {
    const next = random(76);
    for (let k = 0; k < 2000; k++) {
      const v = value(next, 0);
      const got = printableDeep(v);
      const want = before(v);
      expect(same(got, want)).toBe(true);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      if (v && typeof v === 'object') expect(got).not.toBe(v); // a copy, never the input
    }
  });

  it('keeps `__proto__` an own field and leaves the prototype alone', () => {
    const v = JSON.parse('{"__proto__": {"x": "\\u001b"}, "a": ["\\n", null, 1]}') as object;
    const got = printableDeep(v) as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(got)).toBe('{"__proto__":{"x":"\\\\x1b"},"a":["\\\\n",null,1]}');
  });

  it('keeps the holes of a sparse array', () => {
    // eslint-disable-next-line no-sparse-arrays
    const got = printableDeep([1, , '\x1b']);
    expect(1 in got).toBe(false);
    expect(same(got, before([1, , '\x1b']))).toBe(true); // eslint-disable-line no-sparse-arrays
  });
});
