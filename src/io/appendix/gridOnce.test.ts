/**
 * The whole-grid text passes the sheet's table search (stackedTables) and its read (readAppendix)
 * both ask of the same grid — decomposed labels composed (composedTexts), TCVN3/VNI converted
 * (unlegacy) — made once per grid: the second ask gives the first's grid, a new grid is read anew.
 */
import { toTCVN3 } from 'vietnamese-conversion';
import { describe, expect, it } from 'vitest';
import { composedTexts } from './composed';
import type { RawGrid } from './grid';
import { unlegacy } from './reader';

const grid = (texts: string[]): RawGrid => ({
  name: 'Biểu 1',
  rows: texts.map((t) => [
    { text: t, value: t },
    { text: '1', value: 1 },
  ]),
  merges: [],
  lineOf: texts.map((_, i) => i + 1),
});

describe('grid passes made once', () => {
  it('composedTexts: the same composed grid for the same grid, read anew for a new one', () => {
    const labels = ['Dự án đường tỉnh', 'Trường học xã'];
    const g = grid(labels.map((t) => t.normalize('NFD')));
    const once = composedTexts(g);
    expect(once).not.toBe(g);
    expect(once.rows.map((r) => r[0].text)).toEqual(labels);
    expect(composedTexts(g)).toBe(once);
    const other = grid(['Cầu'.normalize('NFD')]);
    expect(composedTexts(other).rows[0][0].text).toBe('Cầu');
    const plain = grid(labels);
    expect(composedTexts(plain)).toBe(plain);
  });

  it('unlegacy: the same conversion for the same grid, read anew for a new one', () => {
    const labels = ['dự án đường tỉnh lộ', 'trường học xã miền núi', 'bệnh viện huyện'];
    const g = grid(labels.map((t) => toTCVN3(t, 'unicode')));
    const once = unlegacy(g);
    expect(once.encoding).toBe('TCVN3');
    expect(once.grid.rows.map((r) => r[0].text)).toEqual(labels);
    expect(unlegacy(g)).toBe(once);
    const plain = grid(labels);
    expect(unlegacy(plain)).toEqual({ grid: plain, encoding: null });
  });
});
