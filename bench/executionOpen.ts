/**
 * Opening a tracking of BENCH_PROJECTS projects (default 100,000): the execution engine's build
 * before (the sheets' contents made and HyperFormula built in one task, as `ExecutionSession`'s
 * constructor did; tests/support/executionSheetsBefore) against today's (`loadSteps` run in steps
 * of 8 ms as the session runs it in idle time), then every sub-section read once (added up by the
 * engine from its inputs since 2026-12-02), alternated BENCH_RUNS times (default 2) in the same
 * process: the longest task's CPU and wall time, the tasks, the CPU in all.
 * `node --expose-gc --import tsx bench/executionOpen.ts`.
 * Measured 2026-12-01 (2 shared cores, load 15-21): at 100,000 projects the build's longest task
 * CPU 16,749 ms (one task) -> 273 ms, its CPU 16,749 -> 13,577 ms; the sub-sections' longest
 * 1,352 -> 199 ms, CPU 12,856 -> 12,854 ms. At 10,000: 2,003 / 1,848 -> 108 / 64 ms, CPU
 * 2,003 / 1,848 -> 2,297 / 2,148 ms (the stepped build's fixed costs per piece).
 * Measured 2026-12-02 (this bench of the commit before against today's, alternated in separate
 * processes, load 17-22): at 100,000 the stepped build's CPU 13,810 / 14,396 -> 12,175 / 14,631
 * ms, its longest task 141 / 188 -> 102 / 134 ms; the sub-sections' CPU 16,922 / 12,916 ms in
 * 1,750 / 1,572 idle tasks of 8 ms (longest 304 / 149) -> 108 / 127 ms read once when the build
 * ends. At 10,000: build CPU 2,175 / 2,040 -> 1,970 / 1,840 ms (longest 55 / 39 -> 53 / 45),
 * sub-sections 968 / 968 ms in 144 / 141 tasks -> 117 / 59 ms. */
import { HyperFormula } from 'hyperformula';
import { loadavg } from 'node:os';
import { annualPlanFrom } from '../src/domain/execution';
import { generatePlan } from '../src/domain/generate';
import { ENGINE_CONFIG } from '../src/engine/config';
import { ExecutionEngine } from '../src/engine/execution';
import { BLOCK_ROWS } from '../src/engine/executionBlocks';
import { executionSheets as sheetsBefore } from '../tests/support/executionSheetsBefore/executionSheets';

const n = Number(process.env.BENCH_PROJECTS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 2);
const BUDGET = 8;
const gc = (globalThis as { gc?: () => void }).gc;
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** Tasks run one after the other: the longest's CPU and wall (ms), how many, the CPU in all. */
class Tasks {
  longestCpu = 0;
  longestWall = 0;
  count = 0;
  cpu = 0;
  run<T>(task: () => T): T {
    const c = cpuNow();
    const t = performance.now();
    const out = task();
    const dc = cpuNow() - c;
    this.longestCpu = Math.max(this.longestCpu, dc);
    this.longestWall = Math.max(this.longestWall, performance.now() - t);
    this.count++;
    this.cpu += dc;
    return out;
  }
  line(what: string) {
    return `${what}: longest task CPU ${this.longestCpu.toFixed(0)} ms (wall ${this.longestWall.toFixed(0)}), ${this.count} tasks, CPU ${this.cpu.toFixed(0)} ms`;
  }
}

const wb = generatePlan({ projects: n, firstYear: 2021 });
wb.sheets[0].rows.forEach((r, i) => {
  if (r.kind === 'project') r.cells.name = `${String(r.cells.name)} số ${i}`;
});
const plan = annualPlanFrom(wb, 2023, { now: 0 });
const target = 0.5;

function before(): string[] {
  const build = new Tasks();
  const hf = build.run(() => {
    const it = sheetsBefore(plan, target, BLOCK_ROWS);
    let r = it.next();
    while (!r.done) r = it.next();
    return HyperFormula.buildFromSheets(r.value.contents, { ...ENGINE_CONFIG });
  });
  hf.destroy();
  return [build.line('  build (one task)')];
}

function after(): string[] {
  const e = new ExecutionEngine();
  const step = e.loadSteps(plan, target);
  const build = new Tasks();
  while (!build.run(() => step(performance.now() + BUDGET)));
  // every sub-section read once (the sections' table): added up from the engine's inputs
  const sections = new Tasks();
  sections.run(() => {
    for (const g of e.groupList()) if ((g.level ?? 0) > 0) e.group('section', g.key);
  });
  e.destroy();
  return [build.line('  build in steps'), sections.line('  every sub-section read')];
}

console.log(
  `execution open at ${n} projects, ${plan.lines.length} lines; load ${loadavg()[0].toFixed(1)}`,
);
for (let k = 0; k < runs; k++)
  for (const [name, fn] of k % 2
    ? [['after', after] as const, ['before', before] as const]
    : [['before', before] as const, ['after', after] as const]) {
    gc?.();
    console.log(`${name} (run ${k + 1}, load ${loadavg()[0].toFixed(1)}):`);
    for (const l of fn()) console.log(l);
  }
