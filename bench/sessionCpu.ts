/**
 * `N=100000 node --import tsx bench/sessionCpu.ts`: the app's session without the browser (engine,
 * checks, views, no storage) on a generated plan of N projects: open (session built), edit →
 * checks updated, paste 1,000 × 10; wall and CPU milliseconds (the CPU figure holds on a loaded
 * machine where the wall figure does not).
 */
import { loadavg } from 'node:os';
import { WorkbookSession } from '../src/app/session';
import { generatePlan } from '../src/domain/generate';

const n = Number(process.env.N ?? 10_000);
const wb = generatePlan({ projects: n });
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
let t = performance.now();
let c0 = process.cpuUsage();
const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
console.log(
  `${n} projects, load ${loadavg()[0].toFixed(1)}: session built ${(performance.now() - t).toFixed(0)} ms wall, ${cpuMs(process.cpuUsage(c0)).toFixed(0)} ms CPU`,
);
const sheet = wb.sheets[0].id;
if (process.env.VIEWS) {
  // the unit view built, as the app builds it in idle steps after opening
  t = performance.now();
  c0 = process.cpuUsage();
  for (const _ of s.views.prepareUnits(sheet));
  s.views.yearRows(sheet);
  console.log(
    `views built ${(performance.now() - t).toFixed(0)} ms wall, ${cpuMs(process.cpuUsage(c0)).toFixed(0)} ms CPU`,
  );
}
const projects = wb.sheets[0].rows.filter((r) => r.kind === 'project');
const times: number[] = [];
c0 = process.cpuUsage();
for (let k = 0; k < 40; k++) {
  t = performance.now();
  const rowId = projects[(k * 241) % projects.length].id;
  s.dispatch(
    { type: 'setCells', sheetId: sheet, changes: [{ rowId, colId: 'y2022_dtpt', value: k * 7 }] },
    'edit',
  );
  s.checks.list(s.workbook, sheet);
  times.push(performance.now() - t);
}
const ce = cpuMs(process.cpuUsage(c0)) / 40;
times.sort((a, b) => a - b);
console.log(
  `edit → engine, checks: median ${times[20].toFixed(1)} ms, p95 ${times[37].toFixed(1)} ms wall; ${ce.toFixed(1)} ms CPU each`,
);
const leaves = [2021, 2022, 2023, 2024, 2025].flatMap((y) => [`y${y}_dtpt`, `y${y}_sn`]);
const pt: number[] = [];
c0 = process.cpuUsage();
for (let k = 0; k < 5; k++) {
  const changes = projects
    .slice(0, 1000)
    .flatMap((p, i) => leaves.map((c, j) => ({ rowId: p.id, colId: c, value: i + j + k + 1 })));
  t = performance.now();
  s.dispatch({ type: 'setCells', sheetId: sheet, changes }, 'paste');
  s.checks.list(s.workbook, sheet);
  pt.push(performance.now() - t);
}
const cp = cpuMs(process.cpuUsage(c0)) / 5;
pt.sort((a, b) => a - b);
console.log(
  `paste 1,000 × 10 → engine, checks: median ${pt[2].toFixed(0)} ms wall; ${cp.toFixed(0)} ms CPU each`,
);
