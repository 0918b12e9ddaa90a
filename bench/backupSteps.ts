/**
 * `node --import tsx bench/backupSteps.ts`: a backup copy's preparation (#20) at BENCH_PROJECTS
 * (default 100,000) projects, old (JSON.stringify of the whole workbook, then its UTF-8, one task)
 * vs new (JsonSteps in 10 ms steps): CPU ms of the old task and of the new longest step and all
 * steps, alternating BENCH_RUNS (default 3) times; medians.
 */
import { loadavg } from 'node:os';
import { JsonSteps } from '../src/app/jsonSteps';
import { STEP_BUDGET_MS } from '../src/app/inSteps';
import { generatePlan } from '../src/domain/generate';

const n = Number(process.env.BENCH_PROJECTS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const wb = { ...generatePlan({ projects: n }), updatedAt: 0 };
const cpu = () => {
  const u = process.cpuUsage();
  return () => {
    const d = process.cpuUsage(u);
    return (d.user + d.system) / 1000;
  };
};
const old: number[] = [];
const longest: number[] = [];
const all: number[] = [];
for (let k = 0; k < runs; k++) {
  const t = cpu();
  new TextEncoder().encode(JSON.stringify(wb));
  old.push(t());
  const j = new JsonSteps(wb);
  let max = 0;
  let sum = 0;
  for (;;) {
    const s = cpu();
    const done = j.step(performance.now() + STEP_BUDGET_MS);
    const ms = s();
    max = Math.max(max, ms);
    sum += ms;
    if (done) break;
  }
  longest.push(max);
  all.push(sum);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `${n} projects: old one task ${med(old).toFixed(0)} ms CPU; new longest step ` +
    `${med(longest).toFixed(0)} ms, all steps ${med(all).toFixed(0)} ms CPU ` +
    `(load ${loadavg()[0].toFixed(1)})`,
);
