/**
 * Percent marks follow the one input rule (`readInput`) and every edit path: `5%` typed or pasted
 * into an ordinary amount cell stores 0.05 and marks the cell (before: 0.05 shown `0,05`, no mark);
 * a fill carries its source cells' marks and clears them from a plain source (before: the figure
 * went without its mark), and so does a paste of a block copied inside Planbook; undo and redo put
 * marks back. (The status line: ui/displayFigures.test.ts;
 * the export: io/export/percentCells.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { readInput } from '../domain/policy';
import type { ColumnLeaf } from '../domain/types';
import { readPlanFile } from '../io/readPlan';
import '../io/sheetJsEager';
import type { Command } from '../domain/commands';
import { type PasteResult, planFill, planPaste } from './clipboard';
import { copyRange } from './copyBlock';
import { commitText } from './editing';
import { WorkbookSession } from './session';

/** The command a planned paste or fill dispatches (the test fails on a refusal). */
function cmd(r: PasteResult): Command {
  if (!('command' in r) || !r.command) throw new Error(JSON.stringify(r));
  return r.command;
}

const amount = { id: 'a', role: 'amount' } as ColumnLeaf;
const COL = 'y2014_total';
/** Plan_2014 M01: rows 1–4 revenue items, 6–10 expenditure items, 12 the deficit share (0.053, 0.0%). */
const RATIO = 12;

function m01() {
  const wb = readPlanFile('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls')).workbook;
  wb.sheets = wb.sheets.filter((s) => s.name === 'M01');
  const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
  const sheet = () => s.workbook.sheets[0];
  const mark = (i: number) => sheet().rows[i].percent?.[COL];
  return { s, sheet, mark, col: leaves(sheet().columns).findIndex((l) => l.id === COL) };
}

describe('the one input rule marks a typed percentage', () => {
  it('reads 5% and 5,3% as the fraction and the decimals typed; a percent cell keeps its mark', () => {
    expect(readInput('5%', amount)).toEqual({ value: 0.05, percent: 0 });
    expect(readInput('5,3%', amount)).toEqual({ value: 0.053, percent: 1 });
    expect(readInput('12,25 %', amount, 'auto', 1000)).toEqual({ value: 0.1225, percent: 2 });
    expect(readInput({ text: '5.3%', value: 0.053 }, amount)).toEqual({ value: 0.053, percent: 1 });
    // already a percent cell: its mark stays as the source printed it
    expect(readInput('5,34%', amount, 'auto', 1, true)).toEqual({ value: 0.0534 });
    expect(readInput('5,3', amount)).toEqual({ value: 5.3 });
    expect(readInput('=A1', amount)).toEqual({ value: '=A1' });
  });
});

describe('percent marks through typing, paste and fill', () => {
  it('typing 5% in an ordinary cell stores 0.05 and marks it; undo and redo follow', () => {
    const { s, sheet, mark } = m01();
    const row = sheet().rows[1];
    expect(commitText(s, sheet().id, row.id, COL, '5%')).toEqual({ ok: true, changed: true });
    expect(s.raw(sheet().id, 1, COL)).toBe(0.05);
    expect(mark(1)).toBe(0);
    s.undo();
    expect(s.raw(sheet().id, 1, COL)).toBe(539000);
    expect(sheet().rows[1].percent).toBeUndefined();
    s.redo();
    expect(mark(1)).toBe(0);
    // the same fraction typed as a percentage still marks a plain cell
    s.undo();
    s.dispatch(
      {
        type: 'setCells',
        sheetId: sheet().id,
        changes: [{ rowId: row.id, colId: COL, value: 0.05 }],
      },
      'edit',
    );
    expect(mark(1)).toBeUndefined();
    expect(commitText(s, sheet().id, row.id, COL, '5%')).toEqual({ ok: true, changed: true });
    expect(mark(1)).toBe(0);
  });

  it('pasting 6,1% into an ordinary cell marks it; a plain figure leaves marks as they are', () => {
    const { s, sheet, mark, col } = m01();
    const r = planPaste(sheet(), { row: 2, col }, [['6,1%'], ['7']]);
    expect('command' in r && s.dispatch(r.command!, 'paste').ok).toBe(true);
    expect(s.raw(sheet().id, 2, COL)).toBe(0.061);
    expect(mark(2)).toBe(1);
    expect(s.raw(sheet().id, 3, COL)).toBe(7);
    expect(mark(3)).toBeUndefined();
  });

  it('a fill carries the percent mark, and clears it when filling from a plain cell', () => {
    const { s, sheet, mark, col } = m01();
    const raw = (i: number, c: string) => s.raw(sheet().id, i, c);
    const one = (r: number) => ({ r0: r, c0: col, r1: r, c1: col });
    const down = planFill(sheet(), one(RATIO), { r0: 9, c0: col, r1: 10, c1: col }, raw);
    expect(s.dispatch(cmd(down), 'fill').ok).toBe(true);
    expect([raw(9, COL), raw(10, COL), mark(9), mark(10)]).toEqual([0.053, 0.053, 1, 1]);
    // back from a plain cell: the figure and no mark
    const plain = planFill(sheet(), one(7), one(RATIO), raw);
    expect(s.dispatch(cmd(plain), 'fill').ok).toBe(true);
    expect([raw(RATIO, COL), sheet().rows[RATIO].percent]).toEqual([120000, undefined]);
    s.undo();
    expect([raw(RATIO, COL), mark(RATIO)]).toEqual([0.053, 1]);
    s.undo();
    expect([raw(9, COL), mark(9), mark(10)]).toEqual([100, undefined, undefined]);
  });

  it('a fill over plain cells from a plain cell names no mark (plans as before)', () => {
    const { s, sheet, col } = m01();
    const raw = (i: number, c: string) => s.raw(sheet().id, i, c);
    const r = planFill(
      sheet(),
      { r0: 1, c0: col, r1: 1, c1: col },
      { r0: 2, c0: col, r1: 3, c1: col },
      raw,
    );
    expect(cmd(r)).toMatchObject({
      commands: [{ changes: [{ value: 539000 }, { value: 539000 }] }],
    });
    const changes = (cmd(r) as { commands: { changes: object[] }[] }).commands[0].changes;
    expect(changes.every((c) => !('percent' in c))).toBe(true);
  });

  it('a block copied inside Planbook pastes with its marks', () => {
    const { s, sheet, mark, col } = m01();
    const raw = (i: number, c: string) => s.raw(sheet().id, i, c);
    const block = copyRange(sheet(), { r0: 11, c0: col, r1: RATIO, c1: col }, raw, () => '');
    expect(block.marks).toEqual([[null], [1]]);
    // onto Chi trả nợ (120.000) and Chi phát triển sự nghiệp (704.400): the share keeps its mark
    const r = planPaste(
      sheet(),
      { row: 7, col },
      block.shown,
      block.raw,
      undefined,
      1,
      block.marks,
    );
    expect(s.dispatch(cmd(r), 'paste').ok).toBe(true);
    expect([raw(7, COL), mark(7), raw(8, COL), mark(8)]).toEqual([224000, undefined, 0.053, 1]);
  });
});
