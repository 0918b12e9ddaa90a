/**
 * A typed percentage keeps the decimals typed: `5,0%` shows `5,0%` and `12,50%` shows `12,50%`
 * (before: the mark came from the number, 5 → 0 decimals, so `5,0%` showed `5%` and `12,50%`
 * showed `12,5%`), by typing, paste and fill alike, and the export writes the matching number
 * format (`0.0%`, `0.00%`), read back with openpyxl.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { formatPercent, percentAt } from '../domain/percent';
import { makePlan } from '../domain/template';
import { readInput } from '../domain/policy';
import type { ColumnLeaf } from '../domain/types';
import { readPlanFile } from '../io/readPlan';
import '../io/sheetJsEager';
import { evaluatedExport } from '../../tests/support/evaluatedExport';
import { shownNumbers } from '../../tests/support/numberFormats';
import { planFill, planPaste } from './clipboard';
import { commitText } from './editing';
import { WorkbookSession } from './session';

const amount = { id: 'a', role: 'amount' } as ColumnLeaf;
const COL = 'y2014_total';

function m01() {
  const wb = readPlanFile('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls')).workbook;
  wb.sheets = wb.sheets.filter((s) => s.name === 'M01');
  const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
  const sheet = () => s.workbook.sheets[0];
  /** What the grid shows in row `i` of the column (a percent cell: by its mark). */
  const shown = (i: number) => {
    const row = sheet().rows[i];
    const v = s.raw(sheet().id, i, COL) as number;
    return formatPercent(v, 'vi', percentAt(row, COL));
  };
  return { s, sheet, shown, col: leaves(sheet().columns).findIndex((l) => l.id === COL) };
}

describe('a typed percentage keeps the decimals typed', () => {
  it('reads the decimals from the text, trailing zeros included', () => {
    expect(readInput('5,0%', amount)).toEqual({ value: 0.05, percent: 1 });
    expect(readInput('12,50%', amount)).toEqual({ value: 0.125, percent: 2 });
    expect(readInput('12.50%', amount, 'en')).toEqual({ value: 0.125, percent: 2 });
    expect(readInput('-3,00 %', amount)).toEqual({ value: -0.03, percent: 2 });
    // a copier's stated value beside its text: the text's decimals
    expect(readInput({ text: '5,0%', value: 0.05 }, amount)).toEqual({ value: 0.05, percent: 1 });
    expect(readInput('5%', amount)).toEqual({ value: 0.05, percent: 0 });
  });

  it('a cell read as a percentage only by its ratio row takes the decimals typed', () => {
    // Tỷ lệ … so GDP: 2011 ĐTPT shows 5% (mark 0); 2011 SN is empty, read as a percentage by its row
    const wb = makePlan({ rows: [['project', 1, 'Tỷ lệ so GDP', { '2011:ĐTPT': 0.05 }]] });
    const row = wb.sheets[0].rows[0];
    wb.sheets[0].rows[0] = { ...row, part: 'ratio', percent: { y2011_dtpt: 0 } };
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const mark = (k: string) => percentAt(s.workbook.sheets[0].rows[0], k);
    expect(commitText(s, 's1', row.id, 'y2011_sn', '5,0%')).toEqual({ ok: true, changed: true });
    // before: no mark of its own, shown by the row's 0 decimals (5%)
    expect([s.raw('s1', 0, 'y2011_sn'), mark('y2011_sn')]).toEqual([0.05, 1]);
    // a bare figure still reads as a percentage there; a cell with its own mark keeps it
    expect(commitText(s, 's1', row.id, 'y2012_sn', '7')).toEqual({ ok: true, changed: true });
    expect([s.raw('s1', 0, 'y2012_sn'), mark('y2012_sn')]).toEqual([0.07, 0]);
    expect(commitText(s, 's1', row.id, 'y2011_dtpt', '6,00%')).toEqual({ ok: true, changed: true });
    expect(mark('y2011_dtpt')).toBe(0);
  });

  it('typing, paste and fill show 5,0% and 12,50%; the export writes 0.0% and 0.00%', async () => {
    const { s, sheet, shown, col } = m01();
    expect(commitText(s, sheet().id, sheet().rows[1].id, COL, '5,0%')).toEqual({
      ok: true,
      changed: true,
    });
    expect(shown(1)).toBe('5,0%');
    const pasted = planPaste(sheet(), { row: 2, col }, [['12,50%']]);
    expect('command' in pasted && s.dispatch(pasted.command!, 'paste').ok).toBe(true);
    expect(shown(2)).toBe('12,50%');
    const raw = (i: number, c: string) => s.raw(sheet().id, i, c);
    const fill = planFill(
      sheet(),
      { r0: 1, c0: col, r1: 2, c1: col },
      { r0: 3, c0: col, r1: 4, c1: col },
      raw,
    );
    expect('command' in fill && s.dispatch(fill.command!, 'fill').ok).toBe(true);
    expect([3, 4].map(shown)).toEqual(['5,0%', '12,50%']);

    const { out } = await evaluatedExport(s.workbook);
    const file = join(mkdtempSync(join(tmpdir(), 'typed-')), 'typed.xlsx');
    writeFileSync(file, out.bytes);
    const pct = shownNumbers([file])
      .filter((c) => c.format.includes('%') && c.value !== 0.053)
      .map((c) => [c.value, c.format]);
    expect(pct).toEqual([
      [0.05, '0.0%'],
      [0.125, '0.00%'],
      [0.05, '0.0%'],
      [0.125, '0.00%'],
    ]);
  }, 120_000);
});
