/**
 * Legacy Vietnamese encodings: text typed in TCVN3 (ABC, .VnTime fonts) or VNI (VNI-Times) reads as
 * Latin-1 gibberish once the font is gone (`Tæng vèn` for `Tổng vốn`). Detected per table and
 * converted to Unicode.
 */
// The tables come from vietnamese-conversion (MIT); the decoder and the detection are Planbook's.
import * as charsets from 'vietnamese-conversion/dist/charsets.js';

export type LegacyEncoding = 'TCVN3' | 'VNI';

type Tables = { UNICODE: string[]; VNI: string[]; TCVN3: string[] };
// a CommonJS module: its default export arrives wrapped once or twice depending on the loader
const CHARSETS: Tables = ((m: unknown): Tables => {
  let x = m as { default?: unknown; UNICODE?: string[] };
  while (x && !x.UNICODE && x.default) x = x.default as typeof x;
  return x as Tables;
})(charsets);
const UNICODE: string[] = CHARSETS.UNICODE;

/**
 * A decoding table: for each first character code, the encoded sequences starting with it (one or
 * two characters), longest first, with their Unicode text.
 */
interface Decoder {
  /** Per character code: the index of its first candidate in `seconds`/`texts`, or -1. */
  start: Int32Array;
  /** Per candidate: its second character's code (-1 for a one-character sequence). */
  seconds: number[];
  texts: string[];
  /** Per candidate: the index of the next candidate with the same first character, or -1. */
  next: number[];
}

function decoder(encoded: string[]): Decoder {
  const seen = new Set<string>();
  const byFirst = new Map<number, [string, string][]>();
  encoded.forEach((seq, i) => {
    if (!seq || seq === UNICODE[i] || seen.has(seq) || seq.length > 2) return;
    seen.add(seq);
    const list = byFirst.get(seq.charCodeAt(0)) ?? [];
    list.push([seq, UNICODE[i]]);
    byFirst.set(seq.charCodeAt(0), list);
  });
  const d: Decoder = { start: new Int32Array(0x10000).fill(-1), seconds: [], texts: [], next: [] };
  for (const [first, list] of byFirst) {
    list.sort((a, b) => b[0].length - a[0].length);
    d.start[first] = d.texts.length;
    list.forEach(([seq, text], k) => {
      d.seconds.push(seq.length > 1 ? seq.charCodeAt(1) : -1);
      d.texts.push(text);
      d.next.push(k + 1 < list.length ? d.texts.length : -1);
    });
  }
  return d;
}

const DECODERS: Record<LegacyEncoding, Decoder> = {
  TCVN3: decoder(CHARSETS.TCVN3),
  VNI: decoder(CHARSETS.VNI),
};

/**
 * Converts text from a legacy encoding to Unicode (longest sequence first), in one pass: linear in
 * the text's length (unchanged runs are copied as slices, the result joined once).
 */
export function decodeLegacy(text: string, enc: LegacyEncoding): string {
  const { start, seconds, texts, next } = DECODERS[enc];
  const parts: string[] = [];
  let copied = 0; // text before this index is in parts
  for (let i = 0; i < text.length;) {
    let k = start[text.charCodeAt(i)];
    if (k < 0) {
      i++;
      continue;
    }
    const second = i + 1 < text.length ? text.charCodeAt(i + 1) : -2;
    while (k >= 0 && seconds[k] !== -1 && seconds[k] !== second) k = next[k];
    if (k < 0) {
      i++;
      continue;
    }
    if (copied < i) parts.push(text.slice(copied, i));
    parts.push(texts[k]);
    i += seconds[k] === -1 ? 1 : 2;
    copied = i;
  }
  if (copied === 0) return text;
  if (copied < text.length) parts.push(text.slice(copied));
  return parts.join('');
}

const VIET = new Set(UNICODE);
/**
 * Per code 0–0xff: 1 for a Latin-1 symbol or letter Vietnamese Unicode text does not use. The
 * no-break space (0xa0: `61 600`'s thousands mark) is white space in every encoding, no sign.
 */
const ODD = new Uint8Array(0x100).map((_, c) =>
  c > 0xa0 && !VIET.has(String.fromCharCode(c)) ? 1 : 0,
);

/** Latin-1 symbols and letters that Vietnamese Unicode text does not use (µ ¸ ¶ ® ø ù …): a count. */
export function suspicious(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0xff) n += ODD[c];
  }
  return n;
}

const TONES = new Set([0x300, 0x301, 0x303, 0x309, 0x323]);
const LETTER = /[\p{L}\p{M}]/u;
const letterCache = new Map<number, boolean>();

/** A letter or a combining mark (a character of a word). */
function isLetter(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  let yes = letterCache.get(c);
  if (yes === undefined) letterCache.set(c, (yes = LETTER.test(String.fromCharCode(c))));
  return yes;
}

/** Words carrying two tone marks or more: no Vietnamese syllable does, garbage often does. */
function doubleToned(text: string): number {
  const t = text.normalize('NFD');
  let n = 0;
  let tones = 0;
  for (let i = 0; i <= t.length; i++) {
    const c = i < t.length ? t.charCodeAt(i) : 0x20;
    if (TONES.has(c)) tones++;
    else if (!isLetter(c)) {
      if (tones > 1) n++;
      tones = 0;
    }
  }
  return n;
}

/**
 * The legacy encoding of a body of text, or null when it reads as Unicode: an encoding is chosen
 * when converting with it removes at least four fifths of the symbols Vietnamese does not use and
 * leaves the fewest impossible syllables.
 */
export function detectLegacy(texts: readonly string[]): LegacyEncoding | null {
  // counted text by text (the joining newline is not suspicious): most tables have none, and are
  // then never joined
  let before = 0;
  for (const t of texts) before += suspicious(t);
  if (before < 2) return null;
  const all = texts.join('\n');
  const fits: { enc: LegacyEncoding; decoded: string; left: number }[] = [];
  for (const enc of ['TCVN3', 'VNI'] as const) {
    const decoded = decodeLegacy(all, enc);
    const left = suspicious(decoded);
    if (left <= before / 5) fits.push({ enc, decoded, left });
  }
  if (fits.length < 2) return fits[0]?.enc ?? null; // nothing to weigh (the costly part skipped)
  let best: LegacyEncoding | null = null;
  let bestScore = Infinity;
  for (const { enc, decoded, left } of fits) {
    const score = left * 10 + doubleToned(decoded) * 5;
    if (score < bestScore) {
      best = enc;
      bestScore = score;
    }
  }
  return best;
}
