/**
 * A workbook written by a generator that never calculates (openpyxl, web systems): every formula
 * saved without its value, totals copied from another sheet (`'M01+'!D11`). Planbook reads the
 * figures Excel would show and the checks say what they say of the published file; a formula it
 * cannot compute is left empty, said so, and nothing is checked against it.
 */
import '../io/sheetJsEager';
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readGrids, readPlanFile } from '../io/readPlan';
import type { RawCell, RawGrid } from '../io/appendix/grid';
import { checkWorkbook } from './check';

/** The workbook's bytes as xlsx, every formula cell's value (and formatted text) dropped. */
function withoutCachedValues(bytes: Uint8Array): Uint8Array {
  const wb = XLSX.read(bytes, { cellFormula: true, cellStyles: true });
  for (const ws of Object.values(wb.Sheets))
    for (const [at, c] of Object.entries(ws))
      if (!at.startsWith('!') && (c as XLSX.CellObject).f && (c as XLSX.CellObject).t === 'n') {
        delete (c as XLSX.CellObject).v;
        delete (c as XLSX.CellObject).w;
      }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
}

const errorsOf = (r: ReturnType<typeof checkWorkbook>, sheet: string) =>
  r.sheets
    .filter((s) => s.sheet === sheet)
    .flatMap((s) => s.findings)
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule}|${f.label}|${f.expected}|${f.actual}`)
    .sort();

describe('a workbook saved without cached values', () => {
  it('reads totals copied from another sheet as Excel shows them (Final_2009 M03+)', () => {
    const f = 'fixtures/mof/Final_2009.xls';
    const bytes = new Uint8Array(readFileSync(f));
    const published = readPlanFile(f, bytes);
    const bare = readPlanFile('Final_2009.xlsx', withoutCachedValues(bytes));
    const sheetOf = (r: typeof bare) =>
      r.workbook.sheets.find((s) => s.name === 'M03+' && s.kind === 'appendix')!;
    const [a, b] = [sheetOf(published), sheetOf(bare)];
    if (a.kind !== 'appendix' || b.kind !== 'appendix') throw new Error('M03+ not read');
    // line 11 `='M01+'!D11` (454,786): the same figure on the same rows
    expect(b.rows.map((r) => r.cells)).toEqual(a.rows.map((r) => r.cells));
    expect(errorsOf(checkWorkbook('Final_2009.xlsx', bare), 'M03+')).toEqual(
      errorsOf(checkWorkbook(f, published), 'M03+'),
    );
    expect(bare.warnings.some((w) => w.code === 'formulaNoValue' && w.sheet !== 'M01+')).toBe(true);
  });

  it('leaves a formula it cannot compute empty, says so, and checks nothing against it', () => {
    const t = (text: string): RawCell => ({ text });
    const n = (value: number): RawCell => ({ text: String(value), value });
    const f = (formula: string): RawCell => ({ text: '', formula });
    const sheet = (name: string, rows: RawCell[][]): RawGrid => ({
      name,
      rows,
      merges: [],
      lineOf: rows.map((_, i) => i + 1),
    });
    const other = sheet('Nguồn', [[t('Vốn'), n(700)]]);
    const plan = sheet('Biểu 1', [
      [t('STT'), t('Tên dự án'), t('Kế hoạch')],
      [t(''), t('Tổng số'), f('C3+C6')],
      [t('I'), t('Giao thông'), f('ROUND(SUM(C4:C5),-1)')],
      [t('1'), t('Đường tỉnh 1'), n(10)],
      [t('2'), t('Đường tỉnh 2'), n(20)],
      [t('II'), t('Thủy lợi'), f("'[1]Nguồn'!B1")],
      [t('1'), t('Kênh N2'), n(300)],
      [t('III'), t('Y tế'), f("+'Nguồn'!B1")],
      [t('1'), t('Trạm y tế xã'), n(690)],
    ]);
    const reading = readGrids('x', [plan, other]);
    const read = reading.workbook.sheets.find((s) => s.name === 'Biểu 1')!;
    if (read.kind !== 'appendix') throw new Error('not read');
    const id = (label: string) =>
      read.columns.find((c) => c.kind === 'leaf' && c.label === label)!.id;
    const [name, col] = [id('Tên dự án'), id('Kế hoạch')];
    const by = Object.fromEntries(read.rows.map((r) => [String(r.cells[name]), r.cells[col]]));
    // another function, another workbook: empty (and the grand total made of them too)
    expect([by['Giao thông'], by['Thủy lợi'], by['Tổng số']]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    // another sheet of the workbook: its figure, which disagrees with the section's project
    expect(by['Y tế']).toBe(700);
    const w = reading.warnings.find((x) => x.code === 'formulaNotComputed')!;
    expect(w.detail).toBe('3');
    expect(w.message).toContain('C2 =C3+C6');
    const errors = errorsOf(checkWorkbook('x', reading), 'Biểu 1');
    expect(errors.join('\n')).toContain('Y tế');
    expect(errors.join('\n')).not.toMatch(/Giao thông|Thủy lợi|Tổng số/);
  });
});
