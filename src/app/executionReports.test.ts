/**
 * The fixtures' plan (2022–2025) in the app, followed in 2024 with the three monthly reports in
 * their two layouts: the app records the same figures as `planbook progress` (carry-over and the
 * cumulative figures the January report fills in, the renamed project, the line not in the plan).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../io/readPlan';
import { readReportFile } from '../io/report/readReport';
import { PlanbookApp } from './services';

const F = 'fixtures/execution';
const PLAN = `${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`;

describe('the fixtures followed in the app', () => {
  it('imports the three reports in two layouts to the figures of planbook progress', async () => {
    const app = new PlanbookApp('exec-fixtures');
    const id = await app.createFromImport(readPlanFile(PLAN, readFileSync(PLAN)).workbook);
    const ws = (await app.open(id))!.session;
    const execId = await app.executions.start(
      ws.workbook,
      (s, r, c) => {
        const v = ws.value(s, r, c);
        return typeof v === 'number' ? v : null;
      },
      2024,
    );
    const s = (await app.executions.open(execId))!;
    const imported = [
      'kbnn-giai-ngan-2024-01.xlsx',
      'bao-cao-giai-ngan-thang-02-2024.xls',
      'kbnn-giai-ngan-2024-03.xlsx',
    ].map((f) => {
      const imp = s.importReport(readReportFile(f, readFileSync(`${F}/${f}`), 2024))!;
      return [imp.end, imp.matched, imp.unmatched.length, s.engine.group('total', '')!.disbursed];
    });
    expect(imported).toEqual([
      ['2024-01-31', 8, 0, 5300],
      ['2024-02-29', 11, 0, 13850],
      ['2024-03-31', 12, 1, 23950],
    ]);
    // the January report states the carry-over and the cumulative figures the plan lacks
    expect(s.engine.group('total', '')).toMatchObject({
      planned: 79500,
      carry: 4500,
      carryDisbursed: 3800,
      priorAllocated: 275500,
      priorDisbursed: 247700,
      cumulativeDisbursed: 247700 + 23950 + 3800,
      behind: 2,
    });
    expect(s.lastImport!.unmatched.map((l) => l.name)).toEqual([
      'Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ',
    ]);
    s.close();
  });
});
