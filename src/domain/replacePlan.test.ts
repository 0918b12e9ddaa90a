/**
 * Find and replace planned over a workbook: exact text (NFC = NFD, diacritics kept, case by
 * option, whole cell by option), figures through the one input parser, cells no one types
 * skipped and counted, texts in figure cells refused one by one, the filter's rows only.
 */
import { describe, expect, it } from 'vitest';
import { planReplace, type ReplaceReaders } from './replacePlan';
import { replaceText } from './replaceText';
import { makePlan } from './template';
import type { Command } from './commands';
import type { CellChange } from './ops';
import type { GridSheet, Workbook } from './types';

const A11 = 'y2011_dtpt';
const TT = 'Sở Thông tin và Truyền thông';
const KHCN = 'Sở Khoa học và Công nghệ';
const loose = { matchCase: false, wholeCell: false };
// computed figures of the 2011 ĐTPT column: the section 3, the formula 61.600, the total 161.600
const figures = [3, null, null, 61_600, 161_600];
const vi: ReplaceReaders = { lang: 'vi', value: (_s, i, c) => (c === A11 ? figures[i] : null) };

function plan(grids: GridSheet[] = []): Workbook {
  const wb = makePlan({
    rows: [
      ['section', 0, 'Mục I', {}],
      ['project', 1, 'Dự án a', { lead: TT, [A11]: 1 }],
      ['project', 1, 'Dự án b', { lead: TT.normalize('NFD'), [A11]: 2 }],
      ['project', 1, 'Dự án c', { lead: 'So Thong tin', [A11]: '=1+2' }],
      ['total', 0, 'Tổng cộng', {}],
    ],
  });
  return { ...wb, grids };
}

/** The changes a command makes to the appendix (one setCells, or within a batch). */
function cellChanges(c: Command | null): CellChange[] {
  if (!c) return [];
  if (c.type === 'setCells') return c.changes;
  if (c.type === 'batch') return c.commands.flatMap(cellChanges);
  return [];
}

describe('replaceText', () => {
  it('matches NFC and NFD alike, keeps diacritics exact, folds case unless asked', () => {
    expect(replaceText(TT.normalize('NFD'), 'Sở Thông tin', 'Sở TT', loose)).toBe(
      'Sở TT và Truyền thông',
    );
    expect(replaceText('So Thong tin', 'Sở', 'X', loose)).toBeNull();
    expect(replaceText('SỞ NỘI VỤ', 'sở', 'Sở', loose)).toBe('Sở NỘI VỤ');
    expect(replaceText('SỞ NỘI VỤ', 'sở', 'Sở', { ...loose, matchCase: true })).toBeNull();
    expect(replaceText('Sở TT&TT', 'TT', '$&$&', loose)).toBe('Sở $&$&&$&$&');
  });

  it('whole cell: only a cell that is the query, spaces around it aside', () => {
    const whole = { matchCase: false, wholeCell: true };
    expect(replaceText(' Sở TT&TT ', 'sở tt&tt', 'Sở KH&CN', whole)).toBe('Sở KH&CN');
    expect(replaceText('Sở TT&TT tỉnh', 'Sở TT&TT', 'Sở KH&CN', whole)).toBeNull();
    expect(replaceText('abc', '  ', 'x', loose)).toBeNull();
  });
});

describe('planReplace', () => {
  it('renames a lead unit in NFC and NFD cells, never the unaccented one', () => {
    const p = planReplace(plan(), TT, KHCN, loose, vi);
    expect(cellChanges(p.command)).toEqual([
      { rowId: 'r2', colId: 'lead', value: KHCN },
      { rowId: 'r3', colId: 'lead', value: KHCN },
    ]);
    expect(p.skipped).toEqual({ computed: 0, formula: 0, numbering: 0 });
  });

  it('reads a replaced figure as typed (61.600 is 61600) and refuses a text, alone', () => {
    const whole = { matchCase: false, wholeCell: true };
    const p = planReplace(plan(), '1', '61.600', whole, vi);
    expect(cellChanges(p.command)).toEqual([{ rowId: 'r2', colId: A11, value: 61600 }]);
    const q = planReplace(plan(), '2', 'hai', loose, vi);
    expect(q.refused).toEqual([{ sheetId: 's1', rowId: 'r3', colId: A11, text: 'hai' }]);
    const both = planReplace(plan(), 'Dự án', 'DA', loose, vi);
    expect(both.replaced).toHaveLength(3);
  });

  it('skips and counts section sums, live totals, formulas and the TT column', () => {
    // the section shows 3 (its sum); the formula 61.600 and the total 161.600 hold 61.600
    const sums = planReplace(plan(), '3', '4', { matchCase: false, wholeCell: true }, vi);
    expect(sums.command).toBeNull();
    expect(sums.skipped.computed).toBe(1);
    const live = planReplace(plan(), '61.600', '1', loose, vi);
    expect(live.skipped).toEqual({ computed: 1, formula: 1, numbering: 0 });
    expect(live.command).toBeNull();
    const tt = planReplace(plan(), '-', '+', { matchCase: false, wholeCell: true }, vi);
    expect(tt.skipped.numbering).toBe(3);
    expect(tt.command).toBeNull();
  });

  it('writes figures in the display unit: 1,5 tỷ is 1.500 triệu', () => {
    const wb = plan();
    wb.meta = { ...wb.meta, unit: 'triệu đồng' };
    wb.sheets[0] = { ...wb.sheets[0], display: { unit: 'tỷ đồng' } };
    // 2 triệu shows as 0,002 tỷ: replaced as shown, read back in the plan's unit
    const p = planReplace(wb, '0,002', '1,5', { matchCase: false, wholeCell: true }, vi);
    expect(cellChanges(p.command)).toEqual([{ rowId: 'r3', colId: A11, value: 1500 }]);
  });

  it('keeps to the cells in scope (a filter, one cell)', () => {
    const keep = (c: { rowId: string }) => c.rowId === 'r3';
    const p = planReplace(plan(), TT, KHCN, loose, { ...vi, keep });
    expect(cellChanges(p.command).map((c) => c.rowId)).toEqual(['r3']);
  });

  it('replaces in plain sheets as typed there, formulas skipped, in one step with the appendix', () => {
    const g: GridSheet = {
      kind: 'grid',
      id: 'g1',
      name: 'Ghi chú',
      cells: [[TT, 61600, '=A1'], ['So TT']],
    } as GridSheet;
    const p = planReplace(plan([g]), 'Sở', 'Ban', loose, {
      ...vi,
      gridValue: () => TT,
    });
    expect(p.command?.type).toBe('batch');
    const grid = (p.command as Extract<Command, { type: 'batch' }>).commands[1];
    expect(grid).toEqual({
      type: 'setGridCells',
      gridId: 'g1',
      changes: [{ r: 0, c: 0, value: 'Ban Thông tin và Truyền thông' }],
    });
    expect(p.skipped.formula).toBe(0);
    const n = planReplace(plan([g]), '61.600', '62.000', loose, vi);
    expect(n.command).toEqual({
      type: 'setGridCells',
      gridId: 'g1',
      changes: [{ r: 0, c: 1, value: 62000 }],
    });
    const f = planReplace(plan([g]), 'A1', 'B1', loose, vi);
    expect(f.skipped.formula).toBe(1);
  });
});
