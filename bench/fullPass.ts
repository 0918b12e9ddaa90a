/**
 * The full checks pass alone (BENCH_PROJECTS, default 100,000; BENCH_REPEAT runs): wall and CPU
 * time per pass, for profiling (`node --cpu-prof --import tsx bench/fullPass.ts`).
 */
import { generatePlan } from '../src/domain/generate';
import { sheetFindings } from '../src/domain/checks';
import { PlanEngine } from '../src/engine/engine';

const n = Number(process.env.BENCH_PROJECTS ?? 100_000);
const repeat = Number(process.env.BENCH_REPEAT ?? 5);
const wb = generatePlan({ projects: n });
const sheet = wb.sheets[0];
// as bench/checks.ts: one project in fifty disagrees with its stated total
sheet.rows.forEach(
  (r, i) =>
    r.kind === 'project' && i % 50 === 0 && (r.cells.stated = Number(r.cells.stated ?? 0) + 7),
);
const engine = new PlanEngine();
engine.loadWorkbook(wb);
const wall: number[] = [];
const cpu: number[] = [];
let found = 0;
for (let k = 0; k < repeat; k++) {
  const c = process.cpuUsage();
  const t = performance.now();
  found = sheetFindings(sheet, wb.meta, engine.values(sheet.id)).length;
  wall.push(performance.now() - t);
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `full pass ${n} projects: wall median ${med(wall).toFixed(1)} ms, cpu median ${med(cpu).toFixed(1)} ms (${found} findings); first (cold) pass cpu ${cpu[0].toFixed(0)} ms [${wall.map((x) => x.toFixed(0)).join(' ')}]`,
);
