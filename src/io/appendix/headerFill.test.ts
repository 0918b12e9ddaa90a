/**
 * A header unmerged and filled (the label copied into every cell of its old merge) reads as the
 * merged header; two real columns whose wrapped labels start with the same line stay two columns.
 */
import { describe, expect, it } from 'vitest';
import { leaves } from '../../domain/columns';
import type { RawCell, RawGrid, RawMerge } from './grid';
import { findHeaderBand } from './headerBand';
import { refilledHeader } from './headerFill';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });
const line = (...xs: (string | number)[]) => xs.map((x) => (typeof x === 'number' ? n(x) : t(x)));

function grid(rows: RawCell[][], merges: RawMerge[] = []): RawGrid {
  return { name: 'M01', rows, merges, lineOf: rows.map((_, i) => i + 1) };
}

/** What a reading says: its columns (a group with its children), then each row's cells. */
function said(g: RawGrid): string[] {
  const r = readAppendix(g)!;
  const cols = r.sheet.columns.map((c) =>
    c.kind === 'group' ? `${c.label}: ${c.children.map((x) => x.label).join(', ')}` : c.label,
  );
  return [...cols, ...r.sheet.rows.map((x) => JSON.stringify(x.cells))];
}

const data: RawCell[][] = [
  line('', 'Tổng số', 900, 3500, 1200),
  line('1', 'Dự án A', 500, 2000, 1000),
  line('2', 'Dự án B', 400, 1500, 200),
];

describe('a header unmerged and filled', () => {
  // STT | Nội dung | Kế hoạch 2011-2015 | Năm 2013 (Vốn trong nước | Vốn nước ngoài) | codes
  const merged = grid(
    [
      line('STT', 'Nội dung', 'Kế hoạch 2011-2015', 'Năm 2013', ''),
      line('', '', '', 'Vốn trong nước', 'Vốn nước ngoài'),
      line('1', '2', '3', '4', '5'),
      ...data,
    ],
    [
      { r0: 0, c0: 0, r1: 1, c1: 0 },
      { r0: 0, c0: 1, r1: 1, c1: 1 },
      { r0: 0, c0: 2, r1: 1, c1: 2 },
      { r0: 0, c0: 3, r1: 0, c1: 4 },
    ],
  );
  const filled = grid([
    line('STT', 'Nội dung', 'Kế hoạch 2011-2015', 'Năm 2013', 'Năm 2013'),
    line('STT', 'Nội dung', 'Kế hoạch 2011-2015', 'Vốn trong nước', 'Vốn nước ngoài'),
    line('1', '2', '3', '4', '5'),
    ...data,
  ]);

  it('a label copied across its columns heads one group; copied down two lines, one label', () => {
    expect(said(merged)).toContain('Năm 2013: Vốn trong nước, Vốn nước ngoài');
    expect(findHeaderBand(filled)).toEqual({ start: 0, end: 3, codeRow: 2 });
    expect(said(filled)).toEqual(said(merged));
    const r = readAppendix(filled)!;
    expect(leaves(r.sheet.columns).map((l) => [l.label, l.role])).toContainEqual([
      'Kế hoạch 2011-2015',
      'value',
    ]);
  });

  it('the refill makes the copies merges again and blanks them', () => {
    const g = refilledHeader(filled, findHeaderBand(filled)!);
    expect(g.merges).toEqual(expect.arrayContaining(merged.merges));
    expect(g.rows[0][4].text).toBe('');
    expect(g.rows[1].slice(0, 3).map((c) => c.text)).toEqual(['', '', '']);
  });

  it('letters stacked down a narrow column (`S` / `T` / `T`) are no label copied down', () => {
    const g = grid([
      line('S', 'Nội dung', 'Năm 2013'),
      line('T', '', ''),
      line('T', '', ''),
      line('1', 'Dự án A', 500),
    ]);
    expect(refilledHeader(g, findHeaderBand(g)!)).toBe(g);
  });
});

describe('two real columns whose labels start with the same words', () => {
  // a header typed as wrapped lines, one line of each label per row (Plan_2014 M09's shape)
  const wrapped = grid([
    line('STT', 'TỈNH', 'TỔNG CHI', 'SỐ BỔ SUNG', 'SỐ BỔ SUNG'),
    line('', '', 'CÂN ĐỐI', 'CÂN ĐỐI', 'TIỀN LƯƠNG'),
    line('', '', 'NGÂN SÁCH', 'TỪ NSTW', 'TỐI THIỂU'),
    line('1', 'Hà Giang', 900, 3500, 1200),
    line('2', 'Cao Bằng', 800, 2500, 1100),
  ]);

  it('each carrying a label of its own over two more lines: two columns, their figures kept', () => {
    expect(refilledHeader(wrapped, findHeaderBand(wrapped)!)).toBe(wrapped);
    const r = readAppendix(wrapped)!;
    expect(r.sheet.columns.every((c) => c.kind === 'leaf')).toBe(true);
    const ls = leaves(r.sheet.columns).map((l) => l.label);
    expect(ls).toContain('SỐ BỔ SUNG CÂN ĐỐI TỪ NSTW');
    expect(ls).toContain('SỐ BỔ SUNG TIỀN LƯƠNG TỐI THIỂU');
    expect(r.sheet.rows[0].cells).toMatchObject({ c3: 3500, c4: 1200 });
  });

  // `Vốn` over `trong nước` | `Vốn` over `ngoài nước`: a group, or two labels wrapped once
  const twoLines = (lead: string[]) =>
    grid([
      line('STT', 'Nội dung', lead[0], 'Vốn', 'Vốn'),
      line('', '', lead[1], 'trong nước', 'ngoài nước'),
      line('1', 'Dự án A', 900, 3500, 1200),
      line('2', 'Dự án B', 800, 2500, 1100),
    ]);

  it('one more line each, in a header typed as wrapped lines (`Tổng` / `số`): two labels', () => {
    const r = readAppendix(twoLines(['Tổng', 'số']))!;
    expect(leaves(r.sheet.columns).map((l) => l.label)).toEqual(
      expect.arrayContaining(['Tổng số', 'Vốn trong nước', 'Vốn ngoài nước']),
    );
  });

  it('one more line each, in a header of filled merges (`Tổng số` copied down): one group', () => {
    expect(said(twoLines(['Tổng số', 'Tổng số']))).toContain('Vốn: trong nước, ngoài nước');
  });
});
