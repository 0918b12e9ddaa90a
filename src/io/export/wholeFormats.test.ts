/**
 * No exported number shows a trailing decimal point in Excel: a whole figure of a column with
 * decimals gets `#,##0`, a figure with decimals keeps `#,##0.##` (cellFormat.ts). openpyxl reads
 * every number cell's value and format back; SheetJS's SSF renders them by Excel's rules (under
 * `#,##0.##` a whole 539000 shows as `539,000.`, which LibreOffice hides).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../domain/types';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { shownNumbers } from '../../../tests/support/numberFormats';
import { parsePlanbook } from '../planbookFile';
import { readPlanFile } from '../readPlan';
import '../sheetJsEager';
import { compareWithTable as compareWorkbooks } from '../../domain/adjustment';
import { evaluatedSide as sideOf } from '../../engine/sides';
import { buildProgress } from '../../cli/progress';
import { consolidateInputs, readSubmissions, writeConsolidation } from '../../cli/consolidateCmd';
import { readDirect } from '../../cli/reader';
import { exportAdjustmentXlsx } from './adjustmentXlsx';
import { cellFormat } from './cellFormat';
import { exportExecutionXlsx } from './executionXlsx';

const dir = mkdtempSync(join(tmpdir(), 'whole-'));

/** The plan exported by the styled writer (`streamRowsOver` Infinity) or the streaming one (0). */
async function exported(wb: Workbook, name: string, streamRowsOver: number): Promise<string> {
  const { out } = await evaluatedExport(wb, { streamRowsOver });
  const file = join(dir, `${name}-${streamRowsOver}.xlsx`);
  writeFileSync(file, out.bytes);
  return file;
}

const sample = (): Workbook => {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('sample');
  return r.workbook;
};

/** Cells showing a trailing separator, and the counts of whole and decimal figures shown. */
function audit(files: string[]) {
  const cells = shownNumbers(files);
  const dotted = cells.filter((c) => /[.,]$/.test(c.shown)).slice(0, 5);
  const decimal = cells.filter((c) => /\.\d/.test(c.shown));
  const lost = cells.filter(
    (c) =>
      /\.#/.test(c.format.split(';')[0]) === false &&
      !Number.isInteger(Math.round(c.value * 100) / 100) &&
      !/%/.test(c.format),
  );
  return { cells: cells.length, dotted, decimal: decimal.length, lost: lost.slice(0, 5) };
}

describe('number formats by value', () => {
  it('picks the whole form of a figure printing no decimal', () => {
    expect(cellFormat('#,##0.##', 539000)).toBe('#,##0');
    expect(cellFormat('#,##0.##', 539000.001)).toBe('#,##0');
    expect(cellFormat('#,##0.##', 1.5)).toBe('#,##0.##');
    expect(cellFormat('#,##0.##;-#,##0.##;""', -7)).toBe('#,##0;-#,##0;""');
    expect(cellFormat('#,##0.###', 2.0004)).toBe('#,##0');
    expect(cellFormat('0.00%', 1)).toBe('0.00%');
    expect(cellFormat('#,##0.##', null)).toBe('#,##0.##');
  });

  it('the sample plan and a MoF table with decimals show no trailing point, in both writers', async () => {
    const plans: [string, Workbook][] = [
      ['sample', sample()],
      ['Plan_2012', readPlanFile('x.xls', readFileSync('fixtures/mof/Plan_2012.xls')).workbook],
    ];
    const files: string[] = [];
    for (const [name, wb] of plans)
      for (const s of [Infinity, 0]) files.push(await exported(wb, name, s));
    const r = audit(files);
    // before: the sample's whole figures under `#,##0.##` showed as `539,000.`
    expect(r.dotted).toEqual([]);
    expect(r.lost).toEqual([]);
    expect(r.decimal).toBeGreaterThan(0);
    expect(r.cells).toBeGreaterThan(100);
  }, 120_000);

  it('an execution report, an adjustment table and a consolidation show no trailing point', async () => {
    const files: string[] = [];
    const E = 'fixtures/execution';
    const plan = `${E}/ke-hoach-dau-tu-cong-2022-2025.xlsx`;
    const bytes = readFileSync(plan);
    const p = buildProgress(plan, bytes, readPlanFile(plan, bytes), [
      `${E}/kbnn-giai-ngan-2024-01.xlsx`,
      `${E}/bao-cao-giai-ngan-thang-02-2024.xls`,
      `${E}/kbnn-giai-ngan-2024-03.xlsx`,
    ]);
    files.push(join(dir, 'execution.xlsx'));
    writeFileSync(files[0], (await exportExecutionXlsx({ plan: p.plan })).bytes);
    // the adjustment: the sample against itself with a figure of each project given decimals
    const a = sample();
    const b = structuredClone(a);
    for (const r of b.sheets[0].rows)
      for (const k of Object.keys(r.cells))
        if (r.kind === 'project' && typeof r.cells[k] === 'number' && (r.cells[k] as number) > 10)
          r.cells[k] = (r.cells[k] as number) + 0.25;
    const { comparison, table } = compareWorkbooks(sideOf('Đã giao', a), sideOf('Điều chỉnh', b));
    files.push(join(dir, 'adjustment.xlsx'));
    const adj = await exportAdjustmentXlsx({
      table,
      title: 'x',
      before: comparison.a,
      after: comparison.b,
      unit: 'triệu đồng',
    });
    writeFileSync(files[1], adj.bytes);
    const C = 'fixtures/consolidate';
    const inputs = await readSubmissions(
      ['so-tai-chinh.xlsx', 'so-tttt.xlsx', 'so-y-te.xlsx', 'ubnd-gio-linh.xls'].map(
        (f) => `${C}/${f}`,
      ),
      readDirect,
    );
    files.push(join(dir, 'consolidation.xlsx'));
    await writeConsolidation(consolidateInputs(inputs), files[2], false);
    const r = audit(files);
    const per = (k: number) => shownNumbers([files[k]]).filter((c) => /\.\d/.test(c.shown)).length;
    // before: execution figures under `#,##0.###`, the adjustment's under `#,##0.##;-#,##0.##;""`
    // and the submissions' totals under `#,##0.##` showed whole figures as `1,234.`
    expect(r.dotted).toEqual([]);
    expect(r.lost).toEqual([]);
    expect([per(0), per(1)].every((n) => n > 0)).toBe(true);
  }, 240_000);
});
