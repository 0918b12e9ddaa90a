/**
 * A part's text streamed from the zip: chunks of the inflated bytes decoded each alone where they
 * are cut between two ASCII bytes give the text a single decode gives (no character split, no
 * byte-order mark dropped inside the text).
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { asciiCut, ZipParts } from './xlsxZip';

const MiB = 1 << 20;

describe('a part streamed as text', () => {
  it('cuts only between two ASCII bytes, near the end asked', () => {
    const b = new TextEncoder().encode('ab\u1ea1c\u1ec7de'); // a b ạ(3 bytes) c ệ(3 bytes) d e
    expect(asciiCut(b, 0, 10)).toBe(10); // d|e
    expect(asciiCut(b, 0, 9)).toBe(1); // a|b: no cut beside a multi-byte letter
    expect(asciiCut(b, 0, 8)).toBe(1);
    expect(asciiCut(b, 2, 9)).toBe(-1); // none after `from`
    expect(asciiCut(new Uint8Array(8000).fill(0xc3), 0, 7000)).toBe(-1);
  });

  it('gives the text a single decode gives, whatever lies at the cuts', () => {
    const line = 'Dự án đường giao thông \ufeffxã Hải Lăng; ';
    const texts = [
      // multi-byte letters and a no-break space mark (U+FEFF) around every 1 MiB
      '\ufeff<x>' + line.repeat(Math.ceil((1.6 * MiB) / line.length)),
      // no ASCII for far more than a cut looks back: the rest decoded as a stream
      'ab' + 'ạ'.repeat(MiB / 2) + 'cd' + 'ệ'.repeat(10),
      'plain ASCII '.repeat(Math.ceil((1.2 * MiB) / 12)),
      '',
    ];
    for (const text of texts) {
      const bytes = new TextEncoder().encode(text);
      const expected = new TextDecoder().decode(bytes);
      for (const level of [0, 1] as const) {
        const zip = ZipParts.open(zipSync({ 'p.xml': [bytes, { level }] }))!;
        const chunks: string[] = [];
        expect(zip.stream('p.xml', (t) => chunks.push(t), 64 * MiB)).toBe(true);
        expect(chunks.join('')).toBe(expected);
        if (bytes.length > MiB) expect(chunks.length).toBeGreaterThan(1);
      }
    }
  });
});
