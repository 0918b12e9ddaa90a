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

function decoder(encoded: string[]): { map: Map<string, string>; longest: number } {
  const map = new Map<string, string>();
  encoded.forEach((seq, i) => {
    if (seq && seq !== UNICODE[i] && !map.has(seq)) map.set(seq, UNICODE[i]);
  });
  return { map, longest: Math.max(...[...map.keys()].map((k) => k.length)) };
}

const DECODERS: Record<LegacyEncoding, ReturnType<typeof decoder>> = {
  TCVN3: decoder(CHARSETS.TCVN3),
  VNI: decoder(CHARSETS.VNI),
};

/** Converts text from a legacy encoding to Unicode (longest sequence first). */
export function decodeLegacy(text: string, enc: LegacyEncoding): string {
  const { map, longest } = DECODERS[enc];
  let out = '';
  for (let i = 0; i < text.length;) {
    let hit = false;
    for (let n = Math.min(longest, text.length - i); n >= 1; n--) {
      const u = map.get(text.slice(i, i + n));
      if (u !== undefined) {
        out += u;
        i += n;
        hit = true;
        break;
      }
    }
    if (!hit) out += text[i++];
  }
  return out;
}

const VIET = new Set(UNICODE);

/** Latin-1 symbols and letters that Vietnamese Unicode text does not use (µ ¸ ¶ ® ø ù …). */
function suspicious(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0xa0 && c <= 0xff && !VIET.has(ch)) n++;
  }
  return n;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Words carrying two tone marks or more: no Vietnamese syllable does, garbage often does. */
function doubleToned(text: string): number {
  let n = 0;
  for (const w of text.normalize('NFD').split(/[^\p{L}\p{M}]+/u))
    if ((w.match(TONES)?.length ?? 0) > 1) n++;
  return n;
}

/**
 * The legacy encoding of a body of text, or null when it reads as Unicode: an encoding is chosen
 * when converting with it removes at least four fifths of the symbols Vietnamese does not use and
 * leaves the fewest impossible syllables.
 */
export function detectLegacy(texts: readonly string[]): LegacyEncoding | null {
  const all = texts.join('\n');
  const before = suspicious(all);
  if (before < 2) return null;
  let best: LegacyEncoding | null = null;
  let bestScore = Infinity;
  for (const enc of ['TCVN3', 'VNI'] as const) {
    const decoded = decodeLegacy(all, enc);
    const left = suspicious(decoded);
    if (left > before / 5) continue;
    const score = left * 10 + doubleToned(decoded) * 5;
    if (score < bestScore) {
      best = enc;
      bestScore = score;
    }
  }
  return best;
}
