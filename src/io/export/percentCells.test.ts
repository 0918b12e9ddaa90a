/**
 * A figure the source shows as a percentage (Plan_2014 M01 *Tỷ lệ bội chi … so GDP*, 0.053 in
 * `0.0%`) is exported as the fraction in a percent number format, by both writers: openpyxl reads
 * back 0.053 under `0.0%`, which Excel's rules (SSF) show as `5.3%`. Before, the cell was written
 * under the column's `#,##0.##` and showed `0.05`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../domain/commands';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { shownNumbers } from '../../../tests/support/numberFormats';
import { readPlanFile } from '../readPlan';
import '../sheetJsEager';

const dir = mkdtempSync(join(tmpdir(), 'percent-'));

describe('percent cells in the export', () => {
  it('Plan_2014 M01: the ratio row is 0.053 under 0.0% (5.3%), other figures keep their formats', async () => {
    const wb = readPlanFile('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls')).workbook;
    wb.sheets = wb.sheets.filter((s) => s.name === 'M01');
    const files: string[] = [];
    for (const streamRowsOver of [Infinity, 0]) {
      const { out } = await evaluatedExport(wb, { streamRowsOver });
      const file = join(dir, `plan2014-${streamRowsOver}.xlsx`);
      writeFileSync(file, out.bytes);
      files.push(file);
    }
    const cells = shownNumbers(files).filter((c) => c.ref.startsWith('M01!'));
    for (const k of [0, 1]) {
      const mine = cells.filter((c) => c.file === k);
      const pct = mine.filter((c) => c.format.includes('%'));
      expect(pct.map((c) => [c.value, c.format, c.shown])).toEqual([[0.053, '0.0%', '5.3%']]);
      // the amounts stay whole-number or decimal formats, never a percent one
      const others = mine.filter((c) => !c.format.includes('%'));
      expect(others.length).toBeGreaterThan(5);
      expect(others.every((c) => /^#,##0/.test(c.format))).toBe(true);
    }
  }, 120_000);

  it('a mark set by an edit (a typed 5,5%) is exported as a percent format too', async () => {
    const read = readPlanFile('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls'));
    read.workbook.sheets = read.workbook.sheets.filter((s) => s.name === 'M01');
    const m01 = read.workbook.sheets[0];
    const change = { rowId: m01.rows[1].id, colId: 'y2014_total', value: 0.055, percent: 1 };
    const wb = applyCommand(read.workbook, {
      type: 'setCells',
      sheetId: m01.id,
      changes: [change],
    });
    const { out } = await evaluatedExport(wb);
    const x = XLSX.read(out.bytes, { cellNF: true });
    const ws = x.Sheets[x.SheetNames[0]];
    const pct = Object.keys(ws)
      .filter((k) => !k.startsWith('!') && String(ws[k].z ?? '').includes('%'))
      .map((k) => [ws[k].v, ws[k].z]);
    expect(pct).toEqual([
      [0.055, '0.0%'],
      [0.053, '0.0%'],
    ]);
  }, 60_000);
});
