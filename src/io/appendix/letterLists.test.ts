/**
 * Sections lettered in capitals past `H` (`… H, I, K`): `I` after `H` continues the letters when
 * the list goes on to `K`, and is the first roman numeral under `H` when `II` follows; parts of an
 * of-which breakdown numbered one style deeper (`II` then `1`, `2`, as Plan_2017 M06 prints them)
 * are read under the part they break down.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from './grid';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });

const grid = (lines: [string, string, number | null][]): RawGrid => {
  const rows: RawCell[][] = [
    [t('STT'), t('Nội dung'), t('Kế hoạch 2024')],
    ...lines.map(([tt, name, v]) => [t(tt), t(name), v === null ? t('') : n(v)]),
  ];
  return { name: 'M01', rows, merges: [], lineOf: rows.map((_, i) => i + 1) };
};

const shape = (g: RawGrid) =>
  readAppendix(g)!.sheet.rows.map(
    (r) => `${r.kind} ${r.level}${r.part ? ` ${r.part}` : ''} ${String(r.cells.tt ?? '')}`,
  );

/** Sections `letters` each over one project of 10, `H` over `under` instead when given. */
function lettered(letters: string[], under?: [string, string, number | null][]) {
  const lines: [string, string, number | null][] = [];
  for (const l of letters) {
    const kids = l === 'H' && under ? under : [['-', `Dự án ${l}`, 10] as [string, string, number]];
    lines.push([l, `Nhóm ${l}`, kids.reduce((s, k) => s + (k[0] === '-' ? (k[2] ?? 0) : 0), 0)]);
    lines.push(...kids);
  }
  return grid(lines);
}

describe('capital letters past H', () => {
  it('reads `I` between `H` and `K` as a letter: sections of one level', () => {
    const rows = shape(lettered(['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I', 'K', 'L']));
    expect(rows.filter((r) => r.startsWith('section'))).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I', 'K', 'L'].map((l) => `section 0 ${l}`),
    );
    expect(rows.filter((r) => r.startsWith('project 1 -')).length).toBe(10);
  });

  it('reads `I`, `II` under `H` as roman numerals, sections within it', () => {
    const under: [string, string, number | null][] = [
      ['I', 'Chi đầu tư', 10],
      ['-', 'Dự án một', 10],
      ['II', 'Chi thường xuyên', 20],
      ['-', 'Dự án hai', 20],
    ];
    const rows = shape(lettered(['A', 'B', 'C', 'D', 'E', 'G', 'H'], under));
    expect(rows.slice(-5)).toEqual([
      'section 0 H',
      'section 1 I',
      'project 2 -',
      'section 1 II',
      'project 2 -',
    ]);
  });
});

describe('of-which parts numbered deeper than the part above them', () => {
  it('reads `II` then `1`, `2` as a part with its parts (Plan_2017 M06)', () => {
    const rows = shape(
      grid([
        ['A', 'Chi bổ sung cân đối', 194250],
        ['B', 'Chi ngân sách trung ương theo lĩnh vực', 707780],
        ['', 'Trong đó:', null],
        ['I', 'Chi đầu tư phát triển', 179700],
        ['II', 'Chi trả nợ lãi và viện trợ', 100200],
        ['1', 'Chi trả nợ lãi', 98900],
        ['2', 'Chi viện trợ', 1300],
        ['III', 'Chi thường xuyên', 404630],
        ['', 'Trong đó:', null],
        ['1', 'Chi sự nghiệp giáo dục', 22194],
        ['2', 'Chi sự nghiệp y tế', 11401],
        ['IV', 'Dự phòng', 15800],
      ]),
    );
    expect(rows).toEqual([
      'section 0 A',
      'section 0 B',
      'project 1 ofWhich I',
      'section 1 ofWhich II',
      'project 2 ofWhich 1',
      'project 2 ofWhich 2',
      'section 1 ofWhich III',
      'project 2 ofWhich 1',
      'project 2 ofWhich 2',
      'project 1 ofWhich IV',
    ]);
  });

  it('keeps a flat list of parts flat', () => {
    const rows = shape(
      grid([
        ['I', 'Chi ngân sách', 500],
        ['', 'Trong đó:', null],
        ['1', 'Chi đầu tư', 100],
        ['2', 'Chi thường xuyên', 300],
      ]),
    );
    expect(rows).toEqual(['section 0 I', 'project 1 ofWhich 1', 'project 1 ofWhich 2']);
  });
});
