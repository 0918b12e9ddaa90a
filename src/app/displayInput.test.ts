/**
 * Input follows the display unit (issue 15, part 5): with a sheet shown in tỷ đồng over a plan in
 * triệu đồng, a typed or pasted 1,5 is 1.500 triệu in the model, formulas are never scaled, a
 * fill copies the model's figures as they are; each is one step that undoes and redoes.
 */
import { describe, expect, it } from 'vitest';
import { inputScale, scaleAmount, toDisplay } from '../domain/display';
import { parseInput } from '../domain/policy';
import type { CellInput, ColumnLeaf } from '../domain/types';
import { planFill, planPaste } from './clipboard';
import { commitText } from './editing';
import type { WorkbookSession } from './session';
import { A11, pastePlan } from '../../tests/support/pastePlan';

const S11 = 'y2011_sn';
// leaves: 0 tt, 1 name, 2 lead, 3 coord, 4 2011 ĐTPT, 5 2011 SN, 6 2012 ĐTPT, 7 2012 SN, 8 total, 9 stated, 10 notes
function setup(unit: 'tỷ đồng' | 'đồng' | 'triệu đồng' = 'tỷ đồng') {
  const s = pastePlan();
  s.dispatch({ type: 'setDisplay', sheetId: 's1', display: { unit } }, 'setDisplay');
  return s;
}
const sheetOf = (s: WorkbookSession) => s.workbook.sheets[0];
const scaleOf = (s: WorkbookSession) => inputScale(s.workbook.meta.unit, sheetOf(s).display);

describe('the display-scale factor', () => {
  it('scales without floating noise', () => {
    expect(inputScale('triệu đồng', { unit: 'tỷ đồng' })).toBe(1000);
    expect(inputScale('Triệu đồng', undefined)).toBe(1);
    expect(inputScale('USD', { unit: 'tỷ đồng' })).toBe(1);
    expect(scaleAmount(1.5, 1000)).toBe(1500);
    expect(scaleAmount(1.2345, 1000)).toBe(1234.5);
    expect(scaleAmount(0.07, 1000)).toBe(70);
    expect(scaleAmount(1_500_000, inputScale('triệu đồng', { unit: 'đồng' }))).toBe(1.5);
    expect(scaleAmount(123, inputScale('triệu đồng', { unit: 'nghìn đồng' }))).toBe(0.123);
    expect(toDisplay(1234.5, 'triệu đồng', { unit: 'tỷ đồng' })).toBe(1.2345);
    expect(toDisplay(0.3, 'triệu đồng', { unit: 'đồng' })).toBe(300000);
  });

  it('scales numbers in money columns only, never formulas or texts', () => {
    const amount = { id: 'a', role: 'amount' } as ColumnLeaf;
    const free = { id: 'f', role: 'amount', additive: false } as ColumnLeaf;
    const text = { id: 't', role: 'text' } as ColumnLeaf;
    expect(parseInput('1,5', amount, 'auto', 1000)).toBe(1500);
    expect(parseInput('=1,5*2', amount, 'auto', 1000)).toBe('=1,5*2');
    expect(parseInput('1,5', free, 'auto', 1000)).toBe(1.5);
    expect(parseInput('1,5', text, 'auto', 1000)).toBe('1,5');
    expect(parseInput('-', amount, 'auto', 1000)).toBeNull();
    // a year group's merged figure (no leaf) is money
    expect(parseInput('2', undefined, 'auto', 1000)).toBe(2000);
  });
});

describe('typing in the display unit', () => {
  it('stores 1,5 tỷ as 1.500 triệu; the section adds it; undo and redo', () => {
    const s = setup();
    const a = sheetOf(s).rows[1];
    expect(commitText(s, 's1', a.id, A11, '1,5')).toEqual({ ok: true, changed: true });
    expect(s.raw('s1', 1, A11)).toBe(1500);
    expect(s.value('s1', 0, A11)).toBe(1502);
    // the same figure again is no step
    expect(commitText(s, 's1', a.id, A11, '1,5')).toEqual({ ok: true, changed: false });
    s.undo();
    expect(s.raw('s1', 1, A11)).toBe(1);
    expect(s.value('s1', 0, A11)).toBe(3);
    s.redo();
    expect(s.raw('s1', 1, A11)).toBe(1500);
  });

  it('keeps formulas and texts as typed', () => {
    const s = setup();
    const b = sheetOf(s).rows[2];
    commitText(s, 's1', b.id, A11, '=E2*2');
    expect(s.raw('s1', 2, A11)).toBe('=E2*2');
    expect(s.value('s1', 2, A11)).toBe(2);
    commitText(s, 's1', b.id, 'name', '2,5');
    expect(sheetOf(s).rows[2].cells.name).toBe('2,5');
  });

  it('types in đồng as well (1.500.000 đồng is 1,5 triệu)', () => {
    const s = setup('đồng');
    commitText(s, 's1', sheetOf(s).rows[1].id, A11, '1.500.000');
    expect(s.raw('s1', 1, A11)).toBe(1.5);
  });

  it('without a display unit, a figure is taken in the plan’s unit', () => {
    const s = setup('triệu đồng');
    commitText(s, 's1', sheetOf(s).rows[1].id, A11, '1,5');
    expect(s.raw('s1', 1, A11)).toBe(1.5);
  });
});

describe('paste and fill in the display unit', () => {
  it('pastes a block typed in tỷ as triệu; undo and redo', () => {
    const s = setup();
    const r = planPaste(
      sheetOf(s),
      { row: 1, col: 4 },
      [
        ['1,5', '0,25'],
        ['2', '=E2/3'],
      ],
      undefined,
      undefined,
      scaleOf(s),
    );
    if (!('command' in r)) throw new Error('refused');
    s.dispatch(r.command, 'paste');
    expect(s.raw('s1', 1, A11)).toBe(1500);
    expect(s.raw('s1', 1, S11)).toBe(250);
    expect(s.raw('s1', 2, A11)).toBe(2000);
    expect(s.raw('s1', 2, S11)).toBe('=E2/3');
    expect(s.value('s1', 0, A11)).toBe(3500);
    s.undo();
    expect(s.raw('s1', 1, A11)).toBe(1);
    expect(s.raw('s1', 2, S11)).toBeNull();
    s.redo();
    expect(s.raw('s1', 2, A11)).toBe(2000);
  });

  it('a block copied in Planbook keeps the model’s figures', () => {
    const s = setup();
    const raw: CellInput[][] = [[1]];
    const r = planPaste(sheetOf(s), { row: 2, col: 4 }, [['0,001']], raw, undefined, scaleOf(s));
    if (!('command' in r)) throw new Error('refused');
    s.dispatch(r.command, 'paste');
    expect(s.raw('s1', 2, A11)).toBe(1);
  });

  it('a fill copies figures as the model holds them (no scaling twice)', () => {
    const s = setup();
    commitText(s, 's1', sheetOf(s).rows[1].id, A11, '1,5');
    const f = planFill(
      sheetOf(s),
      { r0: 1, c0: 4, r1: 1, c1: 4 },
      { r0: 2, c0: 4, r1: 2, c1: 4 },
      (i, c) => s.raw('s1', i, c) as CellInput,
    );
    if (!('command' in f)) throw new Error('refused');
    s.dispatch(f.command, 'fill');
    expect(s.raw('s1', 2, A11)).toBe(1500);
    expect(s.value('s1', 0, A11)).toBe(3000);
    s.undo();
    expect(s.raw('s1', 2, A11)).toBe(2);
    s.redo();
    expect(s.raw('s1', 2, A11)).toBe(1500);
  });
});
