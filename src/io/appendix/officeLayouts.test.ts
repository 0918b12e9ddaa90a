/**
 * The same small table as other offices and programs write it: shifted right past empty columns,
 * its labels decomposed (NFD), its figures typed in the English style. Each reads as the table laid out plainly.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid, RawMerge } from './grid';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });

function grid(rows: RawCell[][], merges: RawMerge[] = []): RawGrid {
  return { name: 'M01', rows, merges, lineOf: rows.map((_, i) => i + 1) };
}

/** STT | Nội dung | Kế hoạch 2013 (Vốn trong nước | Vốn nước ngoài), two header lines. */
const header = (): RawCell[][] => [
  [t('STT'), t('Nội dung'), t('Kế hoạch 2013'), t('')],
  [t(''), t(''), t('Vốn trong nước'), t('Vốn nước ngoài')],
];
const merged: RawMerge[] = [
  { r0: 0, c0: 0, r1: 1, c1: 0 },
  { r0: 0, c0: 1, r1: 1, c1: 1 },
  { r0: 0, c0: 2, r1: 0, c1: 3 },
];
const data = (f: (x: number) => RawCell): RawCell[][] => [
  [t(''), t('Tổng số'), f(3500), f(1200)],
  [t('1'), t('Dự án A'), f(2000), f(1000)],
  [t('2'), t('Dự án B'), f(1500), f(200)],
];

/** What a reading says: the column paths, then each row's label and figures. */
function said(g: RawGrid): string[] {
  const r = readAppendix(g)!;
  const cols = r.sheet.columns.map((c) =>
    c.kind === 'group' ? `${c.label}: ${c.children.map((x) => x.label).join(', ')}` : c.label,
  );
  const rows = r.sheet.rows.map((x) => JSON.stringify(x.cells));
  return [...cols, ...rows];
}

const plain = said(grid([...header(), ...data(n)], merged));

describe('a table as other offices write it', () => {
  it('reads a header of two lines and three rows', () => {
    expect(plain.join('\n')).toContain('Kế hoạch 2013: Vốn trong nước, Vốn nước ngoài');
    expect(plain.join('\n')).toContain('"Dự án B"');
  });

  it('shifted right past two empty columns: the same table, its figures’ columns named right', () => {
    const pad = (rows: RawCell[][]) => rows.map((row) => [t(''), t(''), ...row]);
    const m = merged.map((x) => ({ ...x, c0: x.c0 + 2, c1: x.c1 + 2 }));
    const g = grid(pad([...header(), ...data(n)]), m);
    expect(said(g)).toEqual(plain);
    const r = readAppendix(g)!;
    expect([...r.colOf.values()].filter((c) => c >= 4).sort()).toEqual([4, 5]);
  });

  it('labels decomposed (NFD): read composed (NFC)', () => {
    const nfd = (rows: RawCell[][]) =>
      rows.map((row) => row.map((c) => (c.value == null ? t(c.text.normalize('NFD')) : c)));
    const g = grid(nfd([...header(), ...data(n)]), merged);
    expect(said(g)).toEqual(plain);
  });

  it('figures typed in the English style (`3,500`, `200`): read as thousands, not decimals', () => {
    const en = (x: number): RawCell => t(x.toLocaleString('en-US'));
    const g = grid([...header(), ...data(en)], merged);
    expect(said(g)).toEqual(plain);
  });
});
