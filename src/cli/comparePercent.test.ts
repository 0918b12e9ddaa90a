/**
 * `planbook compare` writes a changed percent cell as the percentage the source shows (Plan_2014
 * M01's deficit share of GDP, 0.053 under `0.0%`): `5.3% → 5.0%`, the JSON keeping the fractions
 * with `percent` (decimals printed), and the share is added into no total. Before, the text read
 * `0.053 → 0.05` and the totals `1,789,400.053 → 1,789,400.05` (a decrease of 0.003).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializePlanbook } from '../io/planbookFile';
import { readPlanFile } from '../io/readPlan';
import '../io/sheetJsEager';
import type { CompareJson } from './compareCmd';
import { runCli } from './main';

const tmp = mkdtempSync(join(tmpdir(), 'planbook-percent-'));

describe('planbook compare: percent cells', () => {
  it('shows the deficit row changed from 5.3% to 5.0%', async () => {
    const wb = readPlanFile('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls')).workbook;
    wb.sheets = wb.sheets.filter((s) => s.name === 'M01');
    const a = join(tmp, 'a.planbook');
    writeFileSync(a, serializePlanbook(wb));
    wb.sheets[0].rows.find((r) => r.percent)!.cells.y2014_total = 0.05;
    const b = join(tmp, 'b.planbook');
    writeFileSync(b, serializePlanbook(wb));
    const text = await runCli(['compare', a, b]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'CHANGED Tỷ lệ bội chi ngân sách so GDP [Dự toán / năm 2014]: 5.3% → 5.0%',
    );
    // the share is no amount: the totals are the amounts' alone (before: 1,789,400.053)
    expect(text.stdout).toContain(
      'total before 1,789,400, after 1,789,400 (increase 0, decrease 0)',
    );
    const j = JSON.parse((await runCli(['compare', a, b, '--json'])).stdout) as CompareJson;
    expect(j.changes).toMatchObject([{ before: 0.053, after: 0.05, percent: 1 }]);
  }, 60_000);
});
