import { describe, expect, it } from 'vitest';
import { sheetFindings, type CheckValues } from './checks';
import { parseLabelRule } from './labelRules';
import { noteTerm } from './noteTerms';
import type { AppendixSheet, ColumnNode, Row } from './types';

const columns: ColumnNode[] = [
  { kind: 'leaf', id: 'tt', label: 'STT', role: 'number' },
  { kind: 'leaf', id: 'name', label: 'Chỉ tiêu', role: 'name' },
  { kind: 'leaf', id: 'x', label: 'Quyết toán', role: 'value' },
];

/** A balance table: revenue A, spending B, and a deficit row stating `C=A-B-kết dư NSĐP`. */
function balance(deficit: number, footer: string[], label = 'Bội chi NSNN (C=A-B-kết dư NSĐP)') {
  const rule = parseLabelRule(label)?.text;
  const rows: Row[] = [
    { id: 'a', kind: 'project', level: 0, cells: { tt: 'A', name: 'Thu cân đối NSNN', x: 1000 } },
    { id: 'b', kind: 'project', level: 0, cells: { tt: 'B', name: 'Chi cân đối NSNN', x: 1200 } },
    {
      id: 'c',
      kind: 'project',
      level: 0,
      cells: { tt: '1', name: label, x: deficit },
      marks: { x: '(3)' },
      ...(rule ? { rule } : {}),
    },
  ];
  const sheet: AppendixSheet = { kind: 'appendix', id: 's', name: 'M01', title: '', columns, rows };
  return { ...sheet, footer };
}

const stated: (s: AppendixSheet) => CheckValues = (s) => ({
  value: (i, c) => s.rows[i].cells[c],
  total: () => null,
  rule: () => null,
});
const errors = (s: AppendixSheet) =>
  sheetFindings(s, null, stated(s))
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.rowId, f.expected, f.actual]);

const NOTE =
  '(3) Bội chi NSNN không tính phần chênh lệch thu chi NSĐP (kết dư NSĐP) là 43 tỷ đồng.';

describe('a label rule with a term a note states (`C = A - B - kết dư NSĐP`)', () => {
  it('reads the terms named in words apart from the rows, never as a shorter rule', () => {
    expect(parseLabelRule('Bội chi (C = A - B - Kết dư NSĐP)')).toEqual({
      text: 'C = A - B - Kết dư NSĐP',
      terms: [
        { sign: 1, tt: 'A' },
        { sign: -1, tt: 'B' },
      ],
      named: [{ sign: -1, name: 'Kết dư NSĐP' }],
    });
    expect(parseLabelRule('Bội chi (C = B - A)')?.named).toBeUndefined();
  });

  it('takes the one amount of the one note naming the term, each way it may read, or none', () => {
    const read = noteTerm(['(3) … (kết dư NSĐP) là 43.123 tỷ đồng.'], 'kết dư NSĐP');
    // in tỷ, triệu, and the smaller units a table may be in (nghìn đồng, đồng: h187)
    for (const x of [43123, 43123000, 43.123, 43123e6, 43123e9])
      expect(read.some((y) => Math.abs(y - x) <= 1e-6 * x)).toBe(true);
    expect(
      read.every((y) =>
        [43123, 43123000, 43.123, 43123e6, 43123e9].some((x) => Math.abs(y - x) <= 1e-6 * x),
      ),
    ).toBe(true);
    // no unit written: the table's unit
    expect(noteTerm(['(1) Kết dư NSĐP: 250'], 'kết dư NSĐP')).toEqual([250]);
    // two amounts, or no amount: the note does not say which
    expect(noteTerm(['(3) kết dư NSĐP 2012 là 40.303, 2013 là 43.123'], 'kết dư NSĐP')).toEqual([]);
    expect(noteTerm(['(3) kết dư NSĐP theo quy định'], 'kết dư NSĐP')).toEqual([]);
    // several notes name it: the one the row's figure points to
    const two = ['(1) kết dư NSĐP năm trước 40', '(3) kết dư NSĐP là 43'];
    expect(noteTerm(two, 'kết dư NSĐP')).toEqual([]);
    expect(noteTerm(two, 'kết dư NSĐP', ['(3)'])).toEqual([43]);
  });

  it('checks the row against its rows and the note: a wrong deficit is an error', () => {
    // 1000 − 1200 − 43 = −243
    expect(errors(balance(-243, [NOTE]))).toEqual([]);
    expect(errors(balance(-210, [NOTE]))).toEqual([['label-rule', 'c', -210, -243]]);
    expect(errors(balance(-300, [NOTE]))).toEqual([['label-rule', 'c', -300, -243]]);
  });

  it('raises nothing where the rule cannot be read whole', () => {
    // no note states the term: not A − B (that would be a false alarm of 43)
    expect(errors(balance(-243, []))).toEqual([]);
    expect(errors(balance(-243, ['(3) Bội chi NSNN theo Luật NSNN']))).toEqual([]);
    // the deficit printed positive: the same rule
    expect(errors(balance(243, [NOTE]))).toEqual([]);
    // the note's amount in another unit than the table's (43.000 triệu = 43 tỷ)
    expect(errors(balance(-243, [NOTE.replace('43 tỷ', '43.000 triệu')]))).toEqual([]);
  });
});
