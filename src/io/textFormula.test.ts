/**
 * A text starting with `=` read under an amount column (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`,
 * `=1+1`) stays a text: the reader keeps it as a literal (`'=…`), the checks say it is text, the
 * engine never evaluates it (the totals do not move), and the export writes it as a text cell that
 * Planbook reads back the same.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPlan } from '../cli/exportCmd';
import { PlanEngine } from '../engine/engine';
import { readWithOpenpyxl } from '../../tests/support/openpyxl';
import { readPlanFile } from './readPlan';

const HOSTILE = ['=HYPERLINK("http://example.com","bấm")', "=cmd|' /C calc'!A0", '=1+1'];
const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;
const CSV = [
  'STT,Tên dự án,Năm 2011',
  'I,Hạ tầng,',
  '1,Mạng LAN,100',
  ...HOSTILE.map((h, i) => `${i + 2},Dự án ${i + 2},${csvField(h)}`),
  '',
].join('\n');

describe('a text starting with = under an amount column', () => {
  it('is read, computed, checked, exported and read back as a text, never a formula', async () => {
    const reading = readPlanFile('phu-luc.csv', new TextEncoder().encode(CSV));
    const sheet = reading.workbook.sheets[0];
    const col = sheet.rows[1].cells.y2011_total !== undefined ? 'y2011_total' : '';
    expect(col).toBe('y2011_total');
    const texts = sheet.rows.slice(2).map((r) => r.cells[col]);
    expect(texts).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(reading.warnings.filter((w) => w.code === 'textInAmount').map((w) => w.detail)).toEqual(
      HOSTILE,
    );

    // the engine holds each as the text itself; the section and grand totals count only 100
    const engine = new PlanEngine();
    engine.loadWorkbook(reading.workbook);
    HOSTILE.forEach((h, k) => {
      expect(engine.value(sheet.id, k + 2, col)).toBe(h);
      expect(engine.raw(sheet.id, k + 2, col)).toBe(`'${h}`);
    });
    expect(engine.value(sheet.id, 0, col)).toBe(100);
    expect(engine.total(sheet.id, null, col)).toBe(100);

    // exported: text cells (openpyxl: type s) with the text itself, no formula anywhere
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-eqtext-')), 'out.xlsx');
    await exportPlan(reading, file);
    const [book] = readWithOpenpyxl([file]);
    if (!book.ok) throw new Error(book.error);
    const cells = book.sheets[0].cells;
    for (const h of HOSTILE) expect(cells.find((c) => c.value === h)?.type).toBe('s');
    expect(cells.filter((c) => c.type === 'f').map((c) => c.value)).not.toContainEqual(
      expect.stringMatching(/HYPERLINK|cmd|^=1\+1$/),
    );
    // read back by Planbook: the same literals
    const back = readPlanFile(file, readFileSync(file)).workbook.sheets[0];
    expect(back.rows.slice(2).map((r) => r.cells[col])).toEqual(HOSTILE.map((h) => `'${h}`));
  });
});
