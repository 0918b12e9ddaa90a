/**
 * `node --import tsx bench/paste.ts`: only the paste of bench/app.ts (1,000 rows × 10 amount
 * columns onto existing projects, blank over section rows), many times, in the app built in
 * BENCH_NEW (default ./dist) and, when BENCH_OLD names another build, in that one too, alternating
 * old and new paste by paste. Per paste: wall ms from the paste event to the totals shown, and the
 * page's main-thread CPU time (CDP ThreadTime, thread ticks: not inflated by waiting for a core
 * on a loaded machine, as TaskDuration is) up to the totals and over the paste's whole work (the
 * deferred part included, measured SETTLE_MS after). BENCH_PROJECTS (10,000), PASTE_RUNS (10 per
 * build), PASTE_GROW=1 also pastes 1,000 rows below the last project once per build at the end,
 * PROFILE=1 prints a CPU profile (self and inclusive) of the new build's pastes, PROFILE=grow of its
 * paste below the last project (PROFILE_FILE: the profile's JSON written there). The same paste
 * below the last project without the browser, with the engine's part apart: bench/pasteBelowCpu.ts
 * (2026-12-02, 100,000 projects, load 23: outside the engine 446 -> 131 ms CPU). Column autosize
 * module dropped (no timer per changed row), 2026-12-02, load 33-51, A/B 10 runs: CPU to totals
 * median 319 -> 274 ms, whole paste 545 -> 484 ms (an earlier 8-run A/B at load 35: 366 -> 408,
 * 536 -> 521: the load's noise is of the same size as the gain). A large change's record ahead
 * (localStorage, ~365,000 characters for this paste) written after the paint (saveQueue.ts),
 * 2026-12-03, load 26-44 (the machine shared by other helpers: wall figures meaningless), four A/B
 * rounds of 6-8 pastes, CPU to totals median 268 -> 216, 342 -> 307, 276 -> 285, 336 -> 222 ms;
 * whole paste 451 -> 378, 470 -> 464, 430 -> 468, 412 -> 369 ms; in a CPU profile the save
 * listener's part of the paste handler went from ~23% (JSON text + setItem) to ~2%.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { CDPSession } from 'playwright-core';
import { generatePlan } from '../src/domain/generate';
import { pasteAt, stats, type PasteRun } from './app';
import { openGeneratedPlan, type OpenedPlan } from './openedPlan';
import { profileSummary, type CpuProfile } from './cpuProfile';

const N = Number(process.env.BENCH_PROJECTS ?? 10_000);
const RUNS = Number(process.env.PASTE_RUNS ?? 10);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1500);

interface Side {
  name: string;
  plan: OpenedPlan;
  cdp: CDPSession;
  wall: number[];
  /** The paste handler's own ms (the rest of the wall: microtasks before the totals' change). */
  sync: number[];
  cpuToTotals: number[];
  cpuAll: number[];
}

/** Main-thread CPU seconds of the page so far (CDP Performance metrics in thread ticks). */
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0;
}

/** The paste block of bench/app.ts for run `k`: rows from `r0` until 1,000 projects are covered. */
function overBlock(kinds: readonly string[], r0: number, k: number): string {
  const lines: string[] = [];
  let projects = 0;
  for (let i = r0; projects < 1000; i++) {
    const isProject = kinds[i] === 'project';
    if (isProject) projects++;
    lines.push(
      Array.from({ length: 10 }, (_, j) =>
        isProject ? String((((i * 7 + j) % 90) * 10 + 5 + k + i - r0) % 100_000) : '',
      ).join('\t'),
    );
  }
  return lines.join('\n');
}

async function openSide(name: string, dist: string | undefined): Promise<Side> {
  const plan = await openGeneratedPlan(N, dist, 1500);
  const cdp = await plan.context.newCDPSession(plan.page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { name, plan, cdp, wall: [], sync: [], cpuToTotals: [], cpuAll: [] };
}

/** One paste on a side: its figures recorded; the run's PasteRun. */
async function pasteOnce(s: Side, row: number, text: string): Promise<PasteRun> {
  const c0 = await taskSeconds(s.cdp);
  const r = await pasteAt(s.plan.page, row, text);
  const c1 = await taskSeconds(s.cdp);
  await s.plan.page.waitForTimeout(SETTLE_MS);
  const c2 = await taskSeconds(s.cdp);
  s.wall.push(r.ms);
  s.sync.push(r.sync);
  // the bench's own evaluate calls cost a little main-thread time too (same on both sides)
  s.cpuToTotals.push((c1 - c0) * 1000);
  s.cpuAll.push((c2 - c0) * 1000);
  return r;
}

const f = (x: number) => x.toFixed(1).padStart(7);

function report(s: Side): string {
  const w = stats(s.wall);
  const ct = stats(s.cpuToTotals);
  const ca = stats(s.cpuAll);
  return `${s.name.padEnd(4)} wall to totals median ${f(w.median)} ms (min ${f(Math.min(...s.wall))}, max ${f(Math.max(...s.wall))}, handler median ${f(stats(s.sync).median)}); main-thread CPU to totals median ${f(ct.median)} ms, whole paste median ${f(ca.median)} ms`;
}

async function startProfile(s: Side): Promise<void> {
  await s.cdp.send('Profiler.enable');
  await s.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await s.cdp.send('Profiler.start');
}

async function stopProfile(s: Side, runs: number): Promise<void> {
  const { profile } = (await s.cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  if (process.env.PROFILE_FILE) writeFileSync(process.env.PROFILE_FILE, JSON.stringify(profile));
  for (const l of profileSummary(profile, runs)) console.log(l.replace('/edit', '/paste'));
}

async function profiled(s: Side, kinds: string[], runs: number): Promise<void> {
  await startProfile(s);
  for (let k = 0; k < runs; k++) {
    await pasteAt(s.plan.page, 2, overBlock(kinds, 2, 1000 + k));
    await s.plan.page.waitForTimeout(SETTLE_MS);
  }
  await stopProfile(s, runs);
}

async function main(): Promise<void> {
  const kinds = generatePlan({ projects: N }).sheets[0].rows.map((r) => r.kind as string);
  console.log(
    `paste bench: ${N} projects, 1,000 × 10 over projects, ${RUNS} runs per build; ${cpus().length} cores, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const sides: Side[] = [];
  if (process.env.BENCH_OLD) sides.push(await openSide('old', process.env.BENCH_OLD));
  sides.push(await openSide('new', process.env.BENCH_NEW));
  // one warm-up paste each, not counted
  for (const s of sides) {
    await pasteAt(s.plan.page, 2, overBlock(kinds, 2, 999));
    await s.plan.page.waitForTimeout(SETTLE_MS);
  }
  for (let k = 0; k < RUNS; k++) {
    const order = k % 2 ? [...sides].reverse() : sides;
    for (const s of order) {
      const r = await pasteOnce(s, 2, overBlock(kinds, 2, k));
      if (r.ms < 0) console.log(`${s.name}: no totals change (${r.status})`);
    }
  }
  for (const s of sides) console.log(report(s));
  if (process.env.PASTE_GROW)
    for (const s of sides) {
      const tail = Array.from({ length: 1000 }, (_, i) =>
        Array.from({ length: 10 }, (_, j) => String(i + j + 1)).join('\t'),
      ).join('\n');
      const before = s.wall.length;
      const profile = process.env.PROFILE === 'grow' && s === sides[sides.length - 1];
      if (profile) await startProfile(s);
      await pasteOnce(s, kinds.length - 1, tail);
      if (profile) await stopProfile(s, 1);
      console.log(
        `${s.name.padEnd(4)} paste below the last project (999 rows added): wall ${f(s.wall[before])} ms, CPU to totals ${f(s.cpuToTotals[before])} ms, whole ${f(s.cpuAll[before])} ms`,
      );
    }
  if (process.env.PROFILE && process.env.PROFILE !== 'grow')
    await profiled(sides[sides.length - 1], kinds, 3);
  console.log(
    `load after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  for (const s of sides) await s.plan.done();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
