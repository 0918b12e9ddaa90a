/**
 * A large value's JSON text and its hash, prepared in steps (#20): `JSON.stringify` of a workbook
 * of 100,000 projects and the UTF-8 encoding of its text took one task of 240–370 ms CPU on the
 * page. The text is built piece by piece (a long array element by element), each step stopping
 * at its deadline, and encoded as it grows; the text is exactly `JSON.stringify(value)`.
 */
import type { Step } from './inSteps';

/** Below this depth objects and arrays are walked; deeper values are stringified whole (a row). */
const WALKED_DEPTH = 4;
/** Pieces made between two looks at the clock. */
const PIECES_PER_LOOK = 32;
/** Text gathered before it is joined and encoded (UTF-16 code units). */
const FLUSH_AT = 1 << 16;

const plain = (v: object) => {
  const p = Object.getPrototypeOf(v) as unknown;
  return (Array.isArray(v) || p === Object.prototype || p === null) && !('toJSON' in v);
};

const isObject = (x: unknown): x is object => x !== null && typeof x === 'object';

/** Whether a value is left out of an object (turned to null in an array). */
const skipped = (x: unknown) => x === undefined || typeof x === 'function' || typeof x === 'symbol';

/**
 * The JSON text of a value that is not a plain object or array (toJSON, a boxed value, an
 * instance) under key `k`, as JSON.stringify writes it there (toJSON is given the key);
 * undefined when it is left out.
 */
function whole(k: string, x: unknown): string | undefined {
  const t = JSON.stringify({ [k]: x });
  return t === '{}' ? undefined : t.slice(JSON.stringify(k).length + 2, -1);
}

/** The pieces of `JSON.stringify(v)` (v a value inside an object or array, never left out). */
function* pieces(v: unknown, depth: number): Generator<string, void, undefined> {
  if (depth >= WALKED_DEPTH || v === null || typeof v !== 'object' || !plain(v)) {
    yield JSON.stringify(v) ?? 'null';
    return;
  }
  if (Array.isArray(v)) {
    yield '[';
    for (let i = 0; i < v.length; i++) {
      if (i) yield ',';
      const x: unknown = v[i];
      if (skipped(x)) yield 'null';
      else if (isObject(x) && !plain(x)) yield whole(String(i), x) ?? 'null';
      else yield* pieces(x, depth + 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (skipped(x)) continue;
    const w = isObject(x) && !plain(x) ? whole(k, x) : '';
    if (w === undefined) continue;
    yield `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    if (w) yield w;
    else yield* pieces(x, depth + 1);
  }
  yield '}';
}

/**
 * The JSON text of a value (a plain object or array) built in steps, with its UTF-8 bytes:
 * `step` is an inSteps step; once it says done, `parts` (the text, in pieces of about 64 K
 * characters: never joined into one string unless asked) and `bytes` are ready.
 */
export class JsonSteps {
  private readonly walk: Generator<string, void, undefined>;
  private gathered: string[] = [];
  private gatheredLength = 0;
  private readonly encoded: Uint8Array[] = [];
  private readonly encoder = new TextEncoder();
  /** The text in pieces, in order. */
  readonly parts: string[] = [];
  /** The text's length (UTF-16 code units). */
  length = 0;
  /** The text's UTF-8 bytes (filled by the last steps). */
  bytes = new Uint8Array(0);
  private copied = -1;
  private at = 0;
  /** Steps taken (each stops at its deadline, after some pieces at least). */
  steps = 0;

  constructor(value: object) {
    this.walk = pieces(value, 0);
  }

  /** The whole text, joined. */
  get text(): string {
    return this.parts.join('');
  }

  /** Makes pieces, then copies their bytes, until the deadline (`performance.now()` ms); true when done. */
  readonly step: Step = (deadline) => {
    this.steps++;
    while (this.copied < 0) {
      for (let k = 0; k < PIECES_PER_LOOK; k++) {
        const p = this.walk.next();
        if (p.done) {
          this.flush();
          let n = 0;
          for (const b of this.encoded) n += b.length;
          this.bytes = new Uint8Array(n);
          this.copied = 0;
          break;
        }
        this.gathered.push(p.value);
        this.gatheredLength += p.value.length;
        if (this.gatheredLength >= FLUSH_AT) this.flush();
      }
      if (performance.now() >= deadline) return false;
    }
    // the bytes gathered into one buffer (the hash takes one), a few pieces at a time
    while (this.copied < this.encoded.length) {
      for (let k = 0; k < PIECES_PER_LOOK && this.copied < this.encoded.length; k++) {
        const b = this.encoded[this.copied++];
        this.bytes.set(b, this.at);
        this.at += b.length;
      }
      if (this.copied < this.encoded.length && performance.now() >= deadline) return false;
    }
    this.encoded.length = 0;
    return true;
  };

  /** Joins and encodes what was gathered (pieces are whole JSON tokens: no surrogate pair is split). */
  private flush(): void {
    if (!this.gathered.length) return;
    const t = this.gathered.join('');
    this.gathered = [];
    this.gatheredLength = 0;
    this.parts.push(t);
    this.length += t.length;
    this.encoded.push(this.encoder.encode(t));
  }
}
