/** An amount edit with the unit and year views built: the views' figures follow (Node, engine). */
import { WorkbookSession } from '../src/app/session';
import { generatePlan } from '../src/domain/generate';

export function benchViews(n = 10_000): string[] {
  const wb = generatePlan({ projects: n });
  const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
  const sheet = wb.sheets[0].id;
  let t = performance.now();
  let steps = 0;
  let worst = 0;
  const t0 = t;
  for (const _ of s.views.prepareUnits(sheet)) {
    const now = performance.now();
    worst = Math.max(worst, now - t);
    t = now;
    steps++;
  }
  const build = performance.now() - t0;
  const projects = wb.sheets[0].rows.filter((r) => r.kind === 'project');
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (let k = 0; k < 40; k++) {
    t = performance.now();
    s.dispatch(
      {
        type: 'setCells',
        sheetId: sheet,
        changes: [
          { rowId: projects[(k * 241) % projects.length].id, colId: 'y2022_dtpt', value: k * 7 },
        ],
      },
      'edit',
    );
    s.views.unitRows(sheet);
    s.views.yearRows(sheet);
    times.push(performance.now() - t);
  }
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000 / times.length;
  times.sort((a, b) => a - b);
  return [
    `unit view build (engine): ${build.toFixed(0)} ms in ${steps} steps, longest step ${worst.toFixed(0)} ms (run in idle time after opening)`,
    `edit an amount → engine recalculated + both views re-read: median ${times[20].toFixed(1)} ms, p95 ${times[37].toFixed(1)} ms, ${cpu.toFixed(1)} ms CPU each (engine, checks, views)   [edit budget ≤ 50 ms]`,
  ];
}
