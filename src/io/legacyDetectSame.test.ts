import * as charsets from 'vietnamese-conversion/dist/charsets.js';
import { toTCVN3, toVNI } from 'vietnamese-conversion';
import { describe, expect, it } from 'vitest';
import { detectLegacy } from './legacyText';

// the Unicode table as legacyText.ts unwraps it
let m = charsets as { default?: unknown; UNICODE?: string[] };
while (m && !m.UNICODE && m.default) m = m.default as typeof m;
const VIET = new Set(m.UNICODE);

/** The count as it was: Latin-1 characters outside the Vietnamese table, over the joined text. */
function suspiciousBefore(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xa0 && c <= 0xff && !VIET.has(text[i])) n++;
  }
  return n;
}

describe('detectLegacy counted text by text', () => {
  it('answers as over the joined text, on random Unicode, TCVN3 and VNI texts (fixed seed)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = [
      'Tổng',
      'vốn',
      'đầu',
      'tư',
      'phát',
      'triển',
      'Sở',
      'Ứng',
      'dụng',
      '61.600',
      'µm',
      '§',
    ];
    const line = () =>
      Array.from(
        { length: 1 + Math.floor(rand() * 6) },
        () => words[Math.floor(rand() * words.length)],
      ).join(' ');
    let legacy = 0;
    for (let n = 0; n < 300; n++) {
      const k = Math.floor(rand() * 3);
      const texts = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => {
        const l = line();
        return k === 0 ? l : k === 1 ? toTCVN3(l, 'unicode') : toVNI(l, 'unicode');
      });
      const joined = texts.join('\n');
      const got = detectLegacy(texts);
      // one text: the old path exactly (joined = the text)
      expect(got).toBe(detectLegacy([joined]));
      if (suspiciousBefore(joined) < 2) expect(got).toBeNull();
      if (got) legacy++;
    }
    expect(legacy).toBeGreaterThan(50);
  });

  it('counts the Latin-1 symbols the joined count counted', () => {
    const all = Array.from({ length: 0x100 }, (_, c) => String.fromCharCode(c));
    const odd = all.filter((ch) => suspiciousBefore(ch) === 1);
    // each odd symbol alone is below the threshold; two of them, in two texts, are above it
    for (const a of odd) expect(detectLegacy([a])).toBeNull();
    expect(odd.length).toBeGreaterThan(20);
    for (const ch of all.filter((x) => suspiciousBefore(x) === 0))
      expect(detectLegacy([ch, ch, ch])).toBeNull();
  });
});
