/**
 * `node --import tsx bench/copyTasks.ts dirA dirB …`: the page's main-thread tasks while a large
 * plan's open copy is written (#20), in each build given (default dist/), build after build,
 * ROUNDS rounds (default 2, the order alternated), each in a fresh browser with the plan of
 * BENCH_PROJECTS (20,000) imported and opened once (click in the list), the page left idle. The
 * tasks from the engine ready (pb:engine-ready: the copy starts after it and the first checks)
 * until the copy is set (pb:open-copy) or WINDOW_MS (default 20 s) have passed: per build the tasks' thread CPU (trace `tdur`: what a key pressed then would wait
 * for, not inflated by a loaded machine's waits for a core) — the longest, how many over 16 and
 * over 50 ms, their sum — and the time to the copy set.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generatePlan } from '../src/domain/generate';
import { serializePlanbook } from '../src/io/planbookFile';
import { launch, serveDist } from '../tests/e2e/harness';
import { importPlanbook, openOnce, stats } from './app';
import { mainTasks, startTrace, TASK_CATEGORIES, taskCpu } from './trace';

const N = Number(process.env.BENCH_PROJECTS ?? 20_000);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const WINDOW_MS = Number(process.env.WINDOW_MS ?? 20_000);

interface Figures {
  cpu: number[];
  setAfter: number[];
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

async function round(dist: string, file: string, title: string, f: Figures): Promise<string> {
  const srv = await serveDist(dist);
  const { context, close } = await launch();
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  const id = await importPlanbook(page, srv.url, file, title);
  const { cdp, stop } = await startTrace(context, page, TASK_CATEGORIES);
  await openOnce(page, srv.url, id, false);
  await page.waitForFunction(() => performance.getEntriesByName('pb:engine-ready').length > 0);
  const set = await page
    .waitForFunction(() => performance.getEntriesByName('pb:open-copy').length > 0, null, {
      timeout: WINDOW_MS,
    })
    .then(() => true)
    .catch(() => false);
  const after = set
    ? await page.evaluate(
        () =>
          performance.getEntriesByName('pb:open-copy')[0].startTime -
          performance.getEntriesByName('pb:engine-ready')[0].startTime,
      )
    : -1;
  const events = await stop();
  await cdp.detach();
  // the tasks from the engine ready (the copy starts after it and its checks) to the copy set
  const mark = (n: string) => events.find((e) => e.name === n && e.cat.includes('user_timing'));
  const from = mark('pb:engine-ready');
  const to = mark('pb:open-copy')?.ts ?? Infinity;
  const renderer = events.find(
    (e) => e.ph === 'M' && e.args?.name === 'CrRendererMain' && e.pid === from?.pid,
  );
  const cpu =
    from && renderer
      ? mainTasks(events, renderer.pid, renderer.tid)
          .filter((e) => e.ts >= from.ts && e.ts <= to)
          .map(taskCpu)
      : [];
  f.cpu.push(...cpu);
  if (set) f.setAfter.push(after);
  await close();
  await srv.close();
  const x = (v: number) => v.toFixed(1);
  return `longest task ${x(Math.max(0, ...cpu))} ms CPU, ${cpu.filter((c) => c > 16).length} over 16, ${cpu.filter((c) => c > 50).length} over 50; copy ${set ? `set ${after.toFixed(0)} ms after the engine` : 'not set'}`;
}

async function main(): Promise<void> {
  const dists = process.argv.slice(2).map((d) => resolve(d));
  if (!dists.length) dists.push(resolve(import.meta.dirname, '../dist'));
  const wb = generatePlan({ projects: N });
  const file = join(mkdtempSync(join(tmpdir(), 'pb-copytasks-')), `plan-${N}.planbook`);
  writeFileSync(file, serializePlanbook(wb));
  console.log(`copy tasks: ${N} projects, ${ROUNDS} rounds; load ${load()}`);
  const all = new Map<string, Figures>(dists.map((d) => [d, { cpu: [], setAfter: [] }]));
  for (let k = 0; k < ROUNDS; k++)
    for (const d of k % 2 ? [...dists].reverse() : dists)
      console.log(
        `  round ${k + 1} ${d}: ${await round(d, file, wb.meta.title, all.get(d)!)}; load ${load()}`,
      );
  for (const [d, f] of all) {
    const s = stats(f.cpu.length ? f.cpu : [0]);
    const sum = f.cpu.reduce((a, b) => a + b, 0) / ROUNDS;
    console.log(
      `${d}: main-thread tasks while the copy is written: longest ${s.max.toFixed(1)} ms CPU, p99 ${s.p99.toFixed(1)}, ${f.cpu.filter((c) => c > 16).length} over 16 ms, ${f.cpu.filter((c) => c > 50).length} over 50 ms, ${(sum / 1000).toFixed(2)} s CPU a round; copy set in ${f.setAfter.length}/${ROUNDS} rounds, median ${stats(f.setAfter.length ? f.setAfter : [-1]).median.toFixed(0)} ms after the engine`,
    );
  }
  console.log(`load after: ${load()}`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
