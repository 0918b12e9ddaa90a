/**
 * Typing and pasting into a percent cell (Plan_2014 M01's deficit row, 0.053 under `0.0%`): the
 * one input rule (`parseInput`) reads `5,3%` anywhere and `5,3` in a percent cell as 0.053, never
 * scaled to the sheet's display unit. Before, `5,3%` was refused and `5,3` stored 5.3 (530%).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { parseInput } from '../domain/policy';
import type { ColumnLeaf } from '../domain/types';
import { readPlanFile } from '../io/readPlan';
import '../io/sheetJsEager';
import { planPaste } from './clipboard';
import { commitText } from './editing';
import { WorkbookSession } from './session';

const amount = { id: 'a', role: 'amount' } as ColumnLeaf;

describe('the input rule for percentages', () => {
  it('reads 5,3% as 0.053 in any amount cell, and 5,3 as 0.053 in a percent cell', () => {
    expect(parseInput('5,3%', amount)).toBe(0.053);
    expect(parseInput(' 5,3 % ', amount)).toBe(0.053);
    expect(parseInput('-1,25%', amount)).toBe(-0.0125);
    expect(parseInput('100%', amount, 'auto', 1000)).toBe(1); // never scaled to the display unit
    expect(parseInput('5,3', amount, 'auto', 1, true)).toBe(0.053);
    expect(parseInput('5,3', amount, 'auto', 1000, true)).toBe(0.053);
    expect(parseInput('5,3', amount)).toBe(5.3); // a plain cell: as before
    expect(parseInput('=A1/B1', amount, 'auto', 1, true)).toBe('=A1/B1');
    expect(parseInput('abc%', amount)).toEqual({ invalid: 'abc%' });
    // a copier's stated value beside a `%` is the fraction already; a plain one is a percentage
    expect(parseInput({ text: '5.3%', value: 0.053 }, amount, 'auto', 1, true)).toBe(0.053);
    expect(parseInput({ text: '5.3', value: 5.3 }, amount, 'auto', 1, true)).toBe(0.053);
  });
});

describe('typing and pasting into Plan_2014 M01', () => {
  const session = () => {
    const wb = readPlanFile('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls')).workbook;
    return new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
  };
  const at = (s: WorkbookSession) => {
    const sheet = s.workbook.sheets.find((x) => x.name === 'M01')!;
    const i = sheet.rows.findIndex((r) => r.percent);
    return { sheet, i, row: sheet.rows[i], col: 'y2014_total' };
  };

  it('typing 5,5% or 5,5 in the deficit row stores 0.055; the sheet total is unchanged', () => {
    const s = session();
    const { sheet, i, row, col } = at(s);
    const totalBefore = s.value(sheet.id, 0, col);
    expect(commitText(s, sheet.id, row.id, col, '5,5%')).toEqual({ ok: true, changed: true });
    expect(s.raw(sheet.id, i, col)).toBe(0.055);
    expect(commitText(s, sheet.id, row.id, col, '4,8')).toEqual({ ok: true, changed: true });
    expect(s.raw(sheet.id, i, col)).toBe(0.048);
    expect(s.value(sheet.id, 0, col)).toBe(totalBefore);
    // the format stays with the row after the edit
    expect(at(s).row.percent).toEqual({ y2014_total: 1 });
  });

  it('pasting 6,1 into the percent cell reads 0.061; into an amount cell 6,1 stays 6.1', () => {
    const s = session();
    const { sheet, i, col } = at(s);
    const c = leaves(sheet.columns).findIndex((l) => l.id === col);
    const r = planPaste(sheet, { row: i, col: c }, [['6,1']]);
    expect(r).toMatchObject({
      command: { commands: [{ changes: [{ colId: col, value: 0.061 }] }] },
    });
    const plain = planPaste(sheet, { row: 1, col: c }, [['6,1']]);
    expect(plain).toMatchObject({
      command: { commands: [{ changes: [{ colId: col, value: 6.1 }] }] },
    });
  });
});
