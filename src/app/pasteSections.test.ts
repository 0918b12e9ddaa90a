/**
 * Pasting the first rows of a real appendix (seed 004, Quảng Trị 2011–2015, lines 361–368) below
 * the last row of a new appendix: the numbered `1`, `2` lines come in as sections (the import
 * reader's numbering rule, domain/rowNumbering.ts), the `-` lines as projects under them, and
 * section 1's printed 36.300 kept as its stated figure; done, undone and redone.
 */
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { makePlan } from '../domain/template';
import type { ColumnNode, Row } from '../domain/types';
import { planPaste } from './clipboard';
import { WorkbookSession } from './session';
import { parseTsv } from './tsv';

const SEED = [
  '1\tXây dựng cơ sở hạ tầng thông tin\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t36.300',
  '-\tĐầu tư mới, nâng cấp trang thiết bị CNTT và nâng cấp hệ thống mạng Lan cho các sở, ban, ngành và 09 huyện, thị xã, thành phố (29 DV)\tSở TT và TT\tCác đơn vị liên quan\t3.500\t\t4.500\t600\t4.000\t600\t1.000\t1.000\t600\t\t\t\t\t\t15.800',
  '-\tNâng cấp hạ tầng CNTT cho Trung tâm tích hợp dữ liệu tỉnh\tVP UBND tỉnh\tTT Tích hợp dữ liệu\t\t\t\t\t1.000\t\t1.000\t\t\t\t\t\t\t\t2.000',
  '-\tHệ thống giao ban trực tuyến cho 05 đơn vị cấp huyện\tVP UBND tỉnh\tCác đơn vị liên quan\t\t\t2.000\t\t2.000\t\t1.000\t\t\t\t\t\t\t\t5.000',
  '-\tHệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện\tSở TT và TT\tCác đơn vị liên quan\t2.000\t\t2.000\t\t2.000\t\t2.000\t\t\t\t\t\t\t\t8.000',
  '-\tNâng cấp hạ tầng CNTT cho Trung tâm CNTT và Truyền thông tỉnh\tSở TT và TT\tTT CNTT-TT\t1.000\t\t2.000\t500\t\t\t\t\t\t\t\t\t\t\t3.500',
  '-\tCung cấp thiết bị, xây dựng mạng LAN cho các xã, phường, thị trấn (141 DV)\tSở TT và TT\tCác đơn vị liên quan\t\t\t\t\t2.000\t\t2.000\t\t\t\t3.000\t\t\t\t7.000',
  '2\tỨng dụng CNTT trong QLNN\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t7.800',
].join('\n');

/** A new appendix (section I, one project) laid out as the seed's 19 columns. */
function newAppendix(): WorkbookSession {
  const wb = makePlan({
    years: [2011, 2012, 2013, 2014, 2015],
    rows: [
      ['section', 0, 'Mục mới'],
      ['project', 1, 'Dự án mới'],
    ],
  });
  const cols = wb.sheets[0].columns;
  const id = (i: string) => cols.find((c) => c.id === i)!;
  const text = (i: string): ColumnNode => ({ kind: 'leaf', id: i, label: i, role: 'text' });
  // TT, name, lead, coord, 10 amounts, the row's total (hidden: a paste passes over it), four
  // free texts (the PDF's empty cells), Tổng mức đầu tư: 19 columns shown as the seed's
  const columns = [
    ...cols.filter((c) => !['total', 'stated', 'notes'].includes(c.id)),
    id('total'),
    text('x1'),
    text('x2'),
    text('x3'),
    text('x4'),
    id('stated'),
  ];
  const workbook = { ...wb, sheets: [{ ...wb.sheets[0], columns }] };
  return new WorkbookSession({ workbook, order: new Map(), rev: 1 }, null);
}

/** Kind, level, number, name and stated total (Tổng mức đầu tư) of each row. */
const shape = (rows: readonly Row[]) =>
  rows.map((r) => [
    r.kind,
    r.level,
    r.cells.tt ?? null,
    String(r.cells.name ?? '')
      .split(' ')
      .slice(0, 3)
      .join(' '),
    r.cells.stated ?? null,
  ]);

describe('pasting a real appendix below the last row', () => {
  it('reads `1`, `2` as sections, `-` lines as projects, keeps 36.300 stated; undo, redo', () => {
    const s = newAppendix();
    const sheet = () => s.workbook.sheets[0];
    expect(leaves(sheet().columns)).toHaveLength(20);
    const before = shape(sheet().rows);
    const plan = planPaste(sheet(), { row: 2, col: 0 }, parseTsv(SEED));
    if (!('command' in plan)) throw new Error(`paste refused: ${JSON.stringify(plan)}`);
    expect(plan.newRows).toBe(8);
    // every printed Tổng mức đầu tư lands in its column, sections' and projects' alike
    expect(plan.skipped).toBe(0);
    expect(s.dispatch(plan.command, 'paste').ok).toBe(true);
    const done = shape(sheet().rows);
    expect(done.slice(2)).toEqual([
      ['section', 1, '1', 'Xây dựng cơ', 36300],
      ['project', 2, '-', 'Đầu tư mới,', 15800],
      ['project', 2, '-', 'Nâng cấp hạ', 2000],
      ['project', 2, '-', 'Hệ thống giao', 5000],
      ['project', 2, '-', 'Hệ thống giao', 8000],
      ['project', 2, '-', 'Nâng cấp hạ', 3500],
      ['project', 2, '-', 'Cung cấp thiết', 7000],
      ['section', 1, '2', 'Ứng dụng CNTT', 7800],
    ]);
    // the grid shows section 1's stated 36.300 beside its computed sum of the six projects
    const i = 2;
    expect(s.value(sheet().id, i, 'total')).toBe(15800 + 2000 + 5000 + 8000 + 3500 + 7000 - 3000);
    expect(sheet().rows[3].cells.lead).toBe('Sở TT và TT');
    expect(s.undo()).toBe(true);
    expect(shape(sheet().rows)).toEqual(before);
    expect(s.redo()).toBe(true);
    expect(shape(sheet().rows)).toEqual(done);
  });
});
