/**
 * `node --import tsx bench/buildTasks.ts`: issue 20's long tasks while a large workbook opens.
 * Opens a generated plan of BENCH_PROJECTS (default 100,000) projects with a Chromium trace and a
 * CPU profile recorded from the click to BUILD_SETTLE_MS (default 1500) ms after the engine is
 * built and the checks' first pass is done (`pb:checks-ready`, or `pb:engine-ready` in a build
 * without that mark), and lists every main-thread task longer than 50 ms from the grid shown on
 * (its wall and CPU time, and the functions that took it: inclusive time of the profile's samples
 * inside it), then the longest task and the main thread's CPU over that span.
 * BENCH_DIST is the build measured (default ./dist); with BENCH_OLD_DIST that one too, the two
 * alternating run by run (BENCH_RUNS each, default 2), so both see the same load. An unminified
 * build names the functions: `npx vite build --minify false --outDir dist-prof`.
 * Measured 2026-12-01, 100,000 projects, 3 runs each alternating, load 21.7–22.8 on 2 shared
 * cores (wall times mean nothing at that load; CPU per task does): the build's last task (it ran
 * the checks' first pass) 164 / 173 / 330 ms CPU before (30ceb7d), 1 / 1 / 2 ms after; the longest
 * task from the engine built to 1.5 s after the checks are done 164 / 173 / 330 → 31 / 47 / 47 ms
 * CPU. Left: the storage of the opened workbook right after the grid shows (a hash, 240–370 ms
 * CPU, and one IndexedDB add, 400–460 ms CPU), the engine's first step (contents, 75–90 ms CPU)
 * and its first formula step (a major GC, 100–260 ms).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { generatePlan } from '../src/domain/generate';
import { serializePlanbook } from '../src/io/planbookFile';
import { launch, serveDist } from '../tests/e2e/harness';
import { importPlanbook } from './app';
import { type CpuProfile, functionsWithin } from './cpuProfile';
import { mainTasks, startTrace, TASK_CATEGORIES, taskCpu } from './trace';

/** A main-thread task: start (µs, trace clock), wall and CPU ms, its top functions. */
interface Task {
  at: number;
  wall: number;
  cpu: number;
  what: string[];
}
interface Run {
  tasks: Task[];
  longest: number;
  /** The longest task's CPU time, over the span and from the engine built on (ms). */
  longestCpu: number;
  longestCpuAfterBuilt: number;
  /** CPU of the task that ends the build (holds `pb:engine-ready`; the checks ran in it before). */
  buildEndCpu: number;
  /** Main-thread CPU from the grid shown to the end of the span (ms). */
  cpu: number;
  /** Grid shown → engine built → checks' first pass (ms). */
  built: number;
  checked: number;
}

const LONG_MS = 50;
async function once(
  page: Page,
  context: BrowserContext,
  url: string,
  id: string,
  settle: number,
): Promise<Run> {
  await page.goto(url);
  await page.waitForSelector(`[data-workbook="${id}"] a`);
  const { cdp, stop } = await startTrace(context, page, TASK_CATEGORIES);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.click(`[data-workbook="${id}"] a`);
  // a build whose first pass of the checks runs in steps marks its start and its end; before
  // that, the pass ran inside the build's last task
  const has = (m: string) => `performance.getEntriesByName('${m}').length > 0`;
  await page.waitForFunction(
    `${has('pb:engine-ready')} && (!${has('pb:checks-start')} || ${has('pb:checks-ready')})`,
    null,
    { timeout: 600_000, polling: 100 },
  );
  await page.waitForTimeout(settle);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const events = await stop();
  await cdp.detach();
  if (process.env.TRACE_FILE) writeFileSync(process.env.TRACE_FILE, JSON.stringify(events));
  const mark = (n: string) => events.find((e) => e.name === n);
  const shown = mark('pb:grid-ready')!;
  const built = mark('pb:engine-ready')!;
  const checked = mark('pb:checks-ready') ?? built;
  const end = checked.ts + settle * 1000;
  const tasks = mainTasks(events, shown.pid, shown.tid).filter((e) => e.ts + e.dur! >= shown.ts);
  const inSpan = tasks.filter((e) => e.ts <= end);
  const cpu = taskCpu;
  const long = inSpan.filter((e) => e.dur! / 1000 > LONG_MS);
  return {
    tasks: long.map((e) => ({
      at: (e.ts - shown.ts) / 1000,
      wall: e.dur! / 1000,
      cpu: (e.tdur ?? e.dur!) / 1000,
      what: functionsWithin(profile, e.ts, e.ts + e.dur!, 14),
    })),
    longest: Math.max(0, ...inSpan.map((e) => e.dur! / 1000)),
    longestCpu: Math.max(0, ...inSpan.map(cpu)),
    longestCpuAfterBuilt: Math.max(0, ...inSpan.filter((e) => e.ts + e.dur! >= built.ts).map(cpu)),
    buildEndCpu: cpu(inSpan.find((e) => e.ts <= built.ts && e.ts + e.dur! >= built.ts) ?? built),
    cpu: inSpan.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000,
    built: (built.ts - shown.ts) / 1000,
    checked: (checked.ts - shown.ts) / 1000,
  };
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PROJECTS ?? 100_000);
  const runs = Number(process.env.BENCH_RUNS ?? 2);
  const settle = Number(process.env.BUILD_SETTLE_MS ?? 1500);
  const dists = [
    ['new', process.env.BENCH_DIST],
    ...(process.env.BENCH_OLD_DIST ? [['old', process.env.BENCH_OLD_DIST]] : []),
  ] as const;
  const wb = generatePlan({ projects: n });
  const file = join(mkdtempSync(join(tmpdir(), 'pb-tasks-')), `plan-${n}.planbook`);
  writeFileSync(file, serializePlanbook(wb));
  const opened = [];
  for (const [name, dist] of dists) {
    const srv = await serveDist(dist);
    const b = await launch();
    const page = await b.context.newPage();
    page.setDefaultTimeout(600_000);
    const id = await importPlanbook(page, srv.url, file, wb.meta.title);
    opened.push({ name, srv, b, page, id, out: [] as Run[] });
  }
  for (let k = 0; k < runs; k++)
    for (const o of opened) {
      const load = loadavg()[0].toFixed(1);
      const r = await once(o.page, o.b.context, o.srv.url, o.id, settle);
      o.out.push(r);
      console.log(
        `${o.name} run ${k + 1} (load ${load}): longest task ${r.longest.toFixed(0)} ms ` +
          `(CPU: longest ${r.longestCpu.toFixed(0)}, from the engine built on ` +
          `${r.longestCpuAfterBuilt.toFixed(0)}, the build's last task ${r.buildEndCpu.toFixed(0)}), ` +
          `main-thread CPU ${r.cpu.toFixed(0)} ms, built +${r.built.toFixed(0)} ms, ` +
          `checked +${r.checked.toFixed(0)} ms, ${r.tasks.length} tasks > ${LONG_MS} ms`,
      );
      for (const t of r.tasks) {
        console.log(
          `  task at +${t.at.toFixed(0)} ms: ${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)})`,
        );
        if (process.env.BUILD_WHAT !== '0') for (const w of t.what) console.log(`      ${w}`);
      }
    }
  for (const o of opened) {
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    console.log(
      `${o.name}, ${n} projects: longest task median ${med(o.out.map((r) => r.longest)).toFixed(0)} ` +
        `ms; CPU medians: longest task ${med(o.out.map((r) => r.longestCpu)).toFixed(0)} ms, ` +
        `from the engine built on ${med(o.out.map((r) => r.longestCpuAfterBuilt)).toFixed(0)} ms, ` +
        `the build's last task ${med(o.out.map((r) => r.buildEndCpu)).toFixed(0)} ms; main-thread CPU median ${med(o.out.map((r) => r.cpu)).toFixed(0)} ms, ` +
        `tasks > ${LONG_MS} ms median ${med(o.out.map((r) => r.tasks.length))}`,
    );
    await o.b.close();
    await o.srv.close();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
