/**
 * The stepwise engine build of a generated plan (BENCH_PROJECTS, default 100,000), as the app's
 * engine gate drives it (PlanEngine.loadInSteps, one step per `next()`), before (values built in
 * one go: tests/support/stepwiseBefore) and after (values written in blocks, valueWrites.ts),
 * alternated in the same run (BENCH_RUNS pairs, default 3): the longest step (CPU and wall), the
 * steps, and the whole build's CPU. `node --expose-gc --import tsx bench/stepwiseBuild.ts`.
 */
import { loadavg } from 'node:os';
import { leaves } from '../src/domain/columns';
import { generatePlan } from '../src/domain/generate';
import { PlanEngine } from '../src/engine/engine';
import { buildInSteps } from '../src/engine/stepwiseBuild';
import { buildInSteps as before } from '../tests/support/stepwiseBefore/stepwiseBuild';

const n = Number(process.env.BENCH_PROJECTS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const wb = generatePlan({ projects: n });
const amount = leaves(wb.sheets[0].columns).find((l) => l.role === 'amount')!.id;
let first: string | undefined;
const gc = (globalThis as { gc?: () => void }).gc;

interface Run {
  /** The longest step from the one where the engine's build starts (the rows' contents made). */
  buildLongest: number;
  longestCpu: number;
  longestWall: number;
  at: number;
  steps: number;
  cpu: number;
  wall: number;
}

const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

function once(build: typeof buildInSteps): Run {
  gc?.();
  const engine = new PlanEngine();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let from = Infinity;
  const it = engine.loadInSteps(wb, (...args) => {
    from = r.steps;
    return build(...args);
  });
  const r: Run = {
    buildLongest: 0,
    longestCpu: 0,
    longestWall: 0,
    at: 0,
    steps: 0,
    cpu: 0,
    wall: 0,
  };
  for (;;) {
    const c = process.cpuUsage();
    const t = performance.now();
    const done = it.next().done;
    const cpu = ms(process.cpuUsage(c));
    r.longestWall = Math.max(r.longestWall, performance.now() - t);
    if (cpu > r.longestCpu) [r.longestCpu, r.at] = [cpu, r.steps];
    if (r.steps >= from) r.buildLongest = Math.max(r.buildLongest, cpu);
    r.steps++;
    if (done) break;
  }
  r.cpu = ms(process.cpuUsage(c0));
  r.wall = performance.now() - t0;
  // both builds end in the same figures
  const total = JSON.stringify(engine.total(wb.sheets[0].id, null, amount));
  if ((first ??= total) !== total) throw new Error(`total ${total}, before ${first}`);
  return r;
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const all: Record<'before' | 'after', Run[]> = { before: [], after: [] };
console.log(`stepwise build, ${n.toLocaleString('en')} projects; load ${loadavg()[0].toFixed(1)}`);
for (let k = 0; k < runs; k++) {
  for (const [name, build] of [
    ['before', before],
    ['after', buildInSteps],
  ] as const) {
    const r = once(build);
    all[name].push(r);
    console.log(
      `  ${name}: longest step ${r.longestCpu.toFixed(0)} ms cpu (step ${r.at} of ${r.steps}), ${r.longestWall.toFixed(0)} ms wall; after the rows' contents ${r.buildLongest.toFixed(0)} ms cpu; build ${r.cpu.toFixed(0)} ms cpu, ${r.wall.toFixed(0)} ms wall`,
    );
  }
}
for (const name of ['before', 'after'] as const) {
  const rs = all[name];
  console.log(
    `${name}: median longest step ${med(rs.map((r) => r.longestCpu)).toFixed(0)} ms cpu / ${med(rs.map((r) => r.longestWall)).toFixed(0)} ms wall (after the rows' contents ${med(rs.map((r) => r.buildLongest)).toFixed(0)} ms cpu), build ${med(rs.map((r) => r.cpu)).toFixed(0)} ms cpu, ${med(rs.map((r) => r.steps))} steps; load ${loadavg()[0].toFixed(1)}`,
  );
}
