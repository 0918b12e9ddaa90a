/**
 * Text for a terminal: control characters (ESC, BEL, CR, LF…), line and paragraph separators and
 * bidirectional overrides written as visible escapes, so that a text read from a file can neither
 * drive the terminal nor start a line of its own.
 */

// eslint-disable-next-line no-control-regex -- control characters are what this escapes
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** One text with its unsafe characters escaped (`\x1b`, `\n`, `\u202e`). */
export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A copy of a JSON-like value with every string made printable (plain loops: a check's result has
 * thousands of findings, and entry arrays for each of their fields cost more than the escaping).
 */
export function printableDeep<T>(v: T): T {
  if (typeof v === 'string') return printable(v) as T;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = printableDeep(v[i] as unknown);
    return out as T;
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = printableDeep((v as Record<string, unknown>)[k]);
      // an own property even for `__proto__`, as Object.fromEntries makes it
      if (k === '__proto__')
        Object.defineProperty(out, k, {
          value: x,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else out[k] = x;
    }
    return out as T;
  }
  return v;
}
