/**
 * Pasted lines read their numbers in the sequence of the plan's numbers around them, as the
 * import reads a table's (domain/rowNumbering.ts `sequenceStyles`): `i.` after `h.` is a point,
 * `v.` after `iv.` a section, `I` between `H` and `K` a letter; and the same lines imported or
 * pasted below an empty plan come in as the same kinds of rows at the same levels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import type { AppendixSheet, Row } from '../domain/types';
import type { RawCell } from '../io/appendix/grid';
import { readAppendix } from '../io/appendix/reader';
import { planPaste } from './clipboard';

type Spec = Parameters<typeof makePlan>[0] & object;
type Line = {
  tt: string;
  name: string;
  lead: string;
  amount: number | null;
  stated: number | null;
};

/** The plan's sheet: `rows` as [kind, level, name, tt]. */
const sheetOf = (rows: [Row['kind'], number, string, string][]): AppendixSheet =>
  makePlan({
    rows: rows.map(([kind, level, name, tt]) => [kind, level, name, { tt }]) as Spec['rows'],
  }).sheets[0];

/** A pasted line laid on the leaves tt, name, lead, coord, four amounts, stated. */
const cellsOf = (l: Line): string[] => [
  l.tt,
  l.name,
  l.lead,
  '',
  l.amount === null ? '' : String(l.amount),
  '',
  '',
  '',
  l.stated === null ? '' : String(l.stated),
];

/** The rows pasting `lines` below the sheet's last row adds: `kind level tt`. */
function pasted(sheet: AppendixSheet, lines: Line[]): string[] {
  const plan = planPaste(sheet, { row: sheet.rows.length, col: 0 }, lines.map(cellsOf));
  if (!('command' in plan) || plan.command.type !== 'batch') throw new Error('paste refused');
  const insert = plan.command.commands.find((c) => c.type === 'insertRows');
  if (!insert || insert.type !== 'insertRows') throw new Error('no rows added');
  return insert.rows.map((r, i) => `${r.kind} ${r.level} ${lines[i].tt}`);
}

const point = (tt: string): Line => ({
  tt,
  name: `Điểm ${tt}`,
  lead: 'Sở Xây dựng',
  amount: 5,
  stated: null,
});
const heading = (tt: string, stated = 50): Line => ({
  tt,
  name: `Nhóm ${tt}`,
  lead: '',
  amount: null,
  stated,
});
const project = (): Line => ({ tt: '-', name: 'Dự án', lead: 'Sở Y tế', amount: 5, stated: null });

describe('a pasted number read with the plan’s numbers around it', () => {
  it('reads `i.` after the points `a.` … `h.` as a point, alone as a section', () => {
    const letters = ['a.', 'b.', 'c.', 'd.', 'đ.', 'e.', 'g.', 'h.'];
    const points = sheetOf([
      ['section', 0, 'Xây dựng', 'I'],
      ...letters.map((l): [Row['kind'], number, string, string] => ['project', 1, l, l]),
    ]);
    expect(pasted(points, [point('i.')])).toEqual(['project 1 i.']);
    const dashes = sheetOf([
      ['section', 0, 'Xây dựng', 'I'],
      ['project', 1, 'Dự án', '-'],
    ]);
    expect(pasted(dashes, [point('i.')])).toEqual(['section 1 i.']);
  });

  it('reads `v.` after the section `iv.` as the next section', () => {
    const sheet = sheetOf([
      ['section', 0, 'Mục bốn', 'iv.'],
      ['project', 1, 'Dự án', '-'],
    ]);
    expect(pasted(sheet, [heading('v.'), project()])).toEqual(['section 1 v.', 'project 2 -']);
  });

  it('reads `I` after `H` as a letter when `K` follows, a numeral when `II` does', () => {
    const upTo = (last: string) =>
      sheetOf(
        ['A', 'B', 'C', 'D', 'E', 'G', last].flatMap(
          (l): [Row['kind'], number, string, string][] => [
            ['section', 0, `Nhóm ${l}`, l],
            ['project', 1, 'Dự án', '-'],
          ],
        ),
      );
    // the sections the paste opens: `I`, `K` siblings; `I`, `II` siblings, `1` under them
    expect(pasted(upTo('H'), [heading('I'), project(), heading('K'), project()])).toEqual([
      'section 1 I',
      'project 2 -',
      'section 1 K',
      'project 2 -',
    ]);
    expect(
      pasted(upTo('H'), [heading('I'), heading('1'), project(), heading('II'), project()]),
    ).toEqual(['section 1 I', 'section 2 1', 'project 3 -', 'section 1 II', 'project 2 -']);
  });
});

// ---- the same lines imported and pasted ----

const UPPER = ['A', 'B', 'C', 'D', 'Đ', 'E', 'G', 'H', 'I', 'K', 'L', 'M'];
const LOWER = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI'];

/** Lines of a table: top sections numbered `top`, each over points, dashes or numbered groups. */
const table = fc
  .record({
    top: fc.constantFrom('upper', 'roman', 'lowerRoman'),
    dot: fc.boolean(),
    parts: fc.array(
      fc.record({
        under: fc.constantFrom('points', 'dashes', 'groups', 'romans'),
        count: fc.integer({ min: 1, max: 11 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ top, dot, parts }) => {
    const d = (s: string) => (dot ? `${s}.` : s);
    const tops =
      top === 'upper' ? UPPER : top === 'roman' ? ROMAN : ROMAN.map((r) => r.toLowerCase());
    const lines: Line[] = [];
    parts.slice(0, tops.length).forEach(({ under, count }, k) => {
      const kids: Line[] = [];
      if (under === 'points') kids.push(...LOWER.slice(0, count).map((l) => point(d(l))));
      else if (under === 'dashes')
        for (let j = 0; j < Math.min(count, 3); j++) kids.push(project());
      else {
        // numbered groups (`1`, `2`; `I`, `II` under a capital letter) of one project each
        const romans = under === 'romans' && top === 'upper';
        for (let j = 0; j < Math.min(count, 4); j++)
          kids.push(heading(romans ? ROMAN[j] : d(String(j + 1)), 5), project());
      }
      const sum = kids.filter((l) => l.amount !== null).reduce((s, l) => s + (l.amount ?? 0), 0);
      lines.push(heading(d(tops[k]), sum), ...kids);
    });
    return lines;
  });

/** The lines as an imported table: `kind level tt` of each row read. */
function imported(lines: Line[]): string[] {
  const t = (text: string): RawCell => ({ text });
  const rows: RawCell[][] = [
    [t('STT'), t('Nội dung'), t('Chủ đầu tư'), t('Kế hoạch 2024')],
    ...lines.map((l) => {
      const v = l.amount ?? l.stated;
      return [t(l.tt), t(l.name), t(l.lead), v === null ? t('') : { text: String(v), value: v }];
    }),
  ];
  const read = readAppendix({ name: 'M01', rows, merges: [], lineOf: rows.map((_, i) => i + 1) });
  return read!.sheet.rows.map((r) => `${r.kind} ${r.level} ${String(r.cells.tt ?? '')}`);
}

describe('the same lines imported or pasted', () => {
  it('come in as the same kinds of rows at the same levels', () => {
    const empty = sheetOf([]);
    fc.assert(
      fc.property(table, (lines) => {
        expect(pasted(empty, lines)).toEqual(imported(lines));
      }),
      { numRuns: 150 },
    );
  });
});
