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

async function tracking(name: string) {
  const app = new PlanbookApp(name);
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
  return (await app.executions.open(execId))!;
}

const load = (f: string) => readReportFile(f, readFileSync(`${F}/${f}`), 2024);

describe('the fixtures followed in the app', () => {
  it('imports the three reports in two layouts to the figures of planbook progress', async () => {
    const s = await tracking('exec-fixtures');
    const imported = [
      'kbnn-giai-ngan-2024-01.xlsx',
      'bao-cao-giai-ngan-thang-02-2024.xls',
      'kbnn-giai-ngan-2024-03.xlsx',
    ].map((f) => {
      const imp = s.importReport(load(f))!;
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

  it('moves a line paired by a similar name to another project, and back with undo', async () => {
    const s = await tracking('exec-repair');
    s.importReport(load('kbnn-giai-ngan-2024-01.xlsx'));
    const byName = (start: string) => s.plan.projects.find((p) => p.name.startsWith(start))!.id;
    const road = byName('Đường giao thông liên xã');
    const bridge = byName('Cầu Thạch Hãn');
    const january = s.engine.project(road)!.disbursed;
    const imp = s.importReport(load('bao-cao-giai-ngan-thang-02-2024.xls'))!;
    expect(imp.doubtful.map((d) => [d.line.name, d.projectId])).toEqual([
      ['Đường GT liên xã Hải Thượng – Hải Lâm, huyện Hải Lăng', road],
    ]);
    const before = [s.engine.project(road)!.disbursed, s.engine.project(bridge)!.disbursed];
    expect(before).toEqual([3000, expect.any(Number)]);
    expect(s.repair(imp.doubtful[0].line, road, bridge)).toEqual({ ok: true });
    // the road is back at its January figure; the bridge takes the line's 3.000 to 29/02
    expect([s.engine.project(road)!.disbursed, s.engine.project(bridge)!.disbursed]).toEqual([
      january,
      3000,
    ]);
    expect(s.toPair().doubtful).toEqual([]);
    expect(s.undo()).toBe(true);
    expect([s.engine.project(road)!.disbursed, s.engine.project(bridge)!.disbursed]).toEqual(
      before,
    );
    // the doubtful pair is back to settle (before: the list kept by hand stayed empty)
    expect(s.toPair().doubtful.map((d) => d.projectId)).toEqual([road]);
    s.close();
  });

  it('a line marked not in the plan comes back to pair with undo, and goes with redo', async () => {
    const s = await tracking('exec-dismiss');
    s.importReport(load('kbnn-giai-ngan-2024-01.xlsx'));
    s.importReport(load('bao-cao-giai-ngan-thang-02-2024.xls'));
    s.importReport(load('kbnn-giai-ngan-2024-03.xlsx'));
    const line = s.toPair().unmatched[0];
    const names = () => s.toPair().unmatched.map((l) => l.name);
    const outside = () => s.outsideLines().map((l) => [l.name, l.confirmed]);
    expect(names()).toEqual(['Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ']);
    expect(s.pair(line, '')).toEqual({ ok: true });
    expect(names()).toEqual([]);
    expect(outside()).toEqual([['Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ', true]]);
    expect(s.undo()).toBe(true);
    expect(names()).toEqual(['Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ']);
    expect(outside()).toEqual([['Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ', false]]);
    expect(s.redo()).toBe(true);
    expect(names()).toEqual([]);
    expect(outside()).toEqual([['Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ', true]]);
    s.close();
  });
});
