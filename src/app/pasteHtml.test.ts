/**
 * The main grid's paste reads a spreadsheet's clipboard HTML as the execution grid's does
 * (`pastedCells`): the value behind a text shown in the copier's locale (Excel's `x:num`,
 * LibreOffice's `sdval`), a cell kept as text refused in an amount column as a typed `'0123` is
 * (`parseInput`), merged cells laid out as the plain text lays them out; plain text otherwise.
 * Samples: tests/support/clipboardSamples.ts (Excel 2016, LibreOffice Calc 7).
 */
import { describe, expect, it } from 'vitest';
import { leafById, parseInput } from '../domain/policy';
import type { CellInput } from '../domain/types';
import {
  CALC_VI,
  EXCEL_EN,
  EXCEL_TEXT_AMOUNT,
  EXCEL_VI,
} from '../../tests/support/clipboardSamples';
import { planPaste } from './clipboard';
import { clipboardHtml, type ShownValue } from './clipboardHtml';
import { pastedCells, readClipboardHtml } from './clipboardHtmlRead';
import { planGridPaste } from './plainClipboard';
import type { WorkbookSession } from './session';
import { A11, pastePlan } from '../../tests/support/pastePlan';
import { parseTsv } from './tsv';

const S11 = 'y2011_sn';
const setup = () => pastePlan([{ kind: 'grid', id: 'g1', name: 'Ghi chú', cells: [] }]);
const sheet = (s: WorkbookSession) => s.workbook.sheets[0];
const COLS = ['name', 'lead', 'coord', A11, S11];

/** Pastes a clipboard (plain text and HTML) at `at` of the appendix; the written rows' cells. */
function pasteAt(s: WorkbookSession, at: { row: number; col: number }, plain: string, html = '') {
  const r = planPaste(sheet(s), at, pastedCells(plain, html));
  if (!('command' in r)) return [[r]];
  expect(s.dispatch(r.command, 'paste').ok).toBe(true);
  const ids = COLS.slice(at.col - 1);
  return [1, 2].map((i) => ids.map((c) => sheet(s).rows[i].cells[c] ?? null));
}

const texts = (m: { text: string }[][] | null) => m?.map((r) => r.map((c) => c.text));

describe('the clipboard HTML of Excel 2016 and LibreOffice 7', () => {
  it('lays merged cells, entities and &nbsp; out as the plain text beside them does', () => {
    for (const { html, plain } of [EXCEL_VI, EXCEL_EN, EXCEL_TEXT_AMOUNT, CALC_VI])
      expect(texts(readClipboardHtml(html))).toEqual(parseTsv(plain));
    // a header cell merged over two columns and two rows (LibreOffice)
    expect(readClipboardHtml(CALC_VI.html)).toEqual([
      [
        { text: 'Dự án "Kè" bờ sông' },
        { text: '' },
        { text: '0123', isText: true },
        { text: '61.600', value: 61600 },
      ],
      [{ text: '' }, { text: '' }, { text: '<ghi chú>' }, { text: '61,6', value: 61.6 }],
    ]);
  });

  it('falls back to the plain text when there is no HTML or no table in it', () => {
    expect(pastedCells('1.500\t2', '')).toEqual([[{ text: '1.500' }, { text: '2' }]]);
    expect(pastedCells('1.500', '<html><body><p>1.500</p></body></html>')).toEqual([
      [{ text: '1.500' }],
    ]);
  });
});

describe('the main grid’s paste of clipboard HTML', () => {
  it('pastes Excel (vi-VN): texts with entities, a merged unit, a code kept as text, amounts', () => {
    const s = setup();
    expect(pasteAt(s, { row: 1, col: 1 }, EXCEL_VI.plain, EXCEL_VI.html)).toEqual([
      ['Trường THCS Hải Lăng & nhà đa năng', 'Sở GD&ĐT', '0123', 61600, 1.25],
      ['Nhà văn hóa xã Hải Thượng', null, null, 2500, null],
    ]);
  });

  it('takes the value Excel (en-US) states where the plain text reads 61.600 as 61600', () => {
    const html = setup();
    expect(pasteAt(html, { row: 1, col: 4 }, EXCEL_EN.plain, EXCEL_EN.html)[0]).toEqual([
      61.6, 1234.5,
    ]);
    // the old reading, the plain text alone: 61.600 read as Vietnamese, 1,235 as 1.235
    const plain = setup();
    expect(pasteAt(plain, { row: 1, col: 4 }, EXCEL_EN.plain)[0]).toEqual([61600, 1.235]);
  });

  it('refuses a cell Excel keeps as text in an amount column, as a typed keep-as-text entry', () => {
    const s = setup();
    const r = pasteAt(s, { row: 1, col: 4 }, EXCEL_TEXT_AMOUNT.plain, EXCEL_TEXT_AMOUNT.html);
    expect(r[0][0]).toEqual({
      refusals: [{ code: 'notNumber', rowId: sheet(s).rows[1].id, colId: S11, detail: '1.500' }],
    });
    // one rule: the typing path's parser refuses a typed keep-as-text `'1.500` the same way
    expect(parseInput("'1.500", leafById(sheet(s), S11))).toEqual({ invalid: "'1.500" });
    expect(sheet(s).rows[1].cells[A11]).toBe(1);
    // the same text in a text column is that text
    expect(
      pasteAt(
        s,
        { row: 1, col: 3 },
        '1.500',
        EXCEL_TEXT_AMOUNT.html.replace(/<td height=20[^\n]*\n/, ''),
      )[0],
    ).toEqual(['1.500', 1, null]);
  });

  it('pastes LibreOffice (vi-VN): sdval values, a merged header, a code kept as text', () => {
    const s = setup();
    expect(pasteAt(s, { row: 1, col: 1 }, CALC_VI.plain, CALC_VI.html)).toEqual([
      ['Dự án "Kè" bờ sông', null, '0123', 61600, null],
      [null, null, '<ghi chú>', 61.6, null],
    ]);
  });

  it('reads Planbook’s own copy back: numbers by value (in the unit shown), texts as text', () => {
    for (const lang of ['vi', 'en'] as const) {
      const values: ShownValue[][] = [['Dự án 0123 <A> & B', 'Sở KH&ĐT', '0123', 61.6, 1234567.25]];
      const cells = pastedCells('', clipboardHtml(values, lang));
      const s = setup();
      // a sheet shown in tỷ đồng over a plan in triệu đồng: 61,6 tỷ is 61.600 triệu
      const r = planPaste(sheet(s), { row: 1, col: 1 }, cells, undefined, undefined, 1000);
      if (!('command' in r)) throw new Error('refused');
      s.dispatch(r.command, 'paste');
      const row = sheet(s).rows[1].cells;
      expect(COLS.map((c) => row[c])).toEqual([
        'Dự án 0123 <A> & B',
        'Sở KH&ĐT',
        '0123',
        61600,
        1234567250,
      ]);
    }
  });

  it('keeps a code kept as text a text on a plain grid sheet, and takes stated values', () => {
    const s = setup();
    const g = s.workbook.grids![0];
    const r = planGridPaste(g, { row: 0, col: 0 }, pastedCells(CALC_VI.plain, CALC_VI.html));
    if (!('command' in r)) throw new Error('refused');
    s.dispatch(r.command, 'paste');
    const cells: CellInput[][] = s.workbook.grids![0].cells;
    expect(cells).toEqual([
      ['Dự án "Kè" bờ sông', null, '0123', 61600],
      [null, null, '<ghi chú>', 61.6],
    ]);
    // the plain text alone made the code the number 123
    expect(planGridPaste(g, { row: 0, col: 0 }, parseTsv(CALC_VI.plain))).toMatchObject({
      command: { changes: expect.arrayContaining([{ r: 0, c: 2, value: 123 }]) },
    });
  });
});
