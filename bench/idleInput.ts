/**
 * `node --import tsx bench/idleInput.ts dirA dirB …`: does idle work after an open (the open copy's
 * parts, the views' and checks' idle steps) delay the officer's input? The sequence of bench/app.ts
 * right after a first open (click in the list → grid, views ready), with no wait for the idle work
 * to end: EDITS edits (default 50, spread as bench/app.ts) then PASTES pastes of 1,000 × 10 onto
 * existing projects (default 3, 300 ms apart), in each build given (default dist/), build after
 * build, ROUNDS rounds (default 3, the order alternated), each round in a fresh browser with the
 * plan of BENCH_PROJECTS (10,000) imported anew. Per build: edit latency median/p95/max, paste
 * wall median/max, the page's main-thread CPU over the phase (CDP ThreadTime, thread ticks), the
 * long tasks seen during it (count over 50 ms, longest), and in how many rounds the open copy was
 * set (pb:open-copy) by the end.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { generatePlan } from '../src/domain/generate';
import { serializePlanbook } from '../src/io/planbookFile';
import { launch, serveDist } from '../tests/e2e/harness';
import {
  armEditTimer,
  editRuns,
  editSpread,
  importPlanbook,
  openOnce,
  pasteAt,
  stats,
} from './app';

const N = Number(process.env.BENCH_PROJECTS ?? 10_000);
const EDITS = Number(process.env.EDITS ?? 50);
const PASTES = Number(process.env.PASTES ?? 3);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

interface Figures {
  edits: number[];
  pastes: number[];
  cpu: number[];
  longs: number[];
  copies: number;
}

async function threadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}

/** The paste block of bench/app.ts for run `k` (rows from 2 until 1,000 projects are covered). */
function overBlock(kinds: readonly string[], k: number): string {
  const lines: string[] = [];
  let projects = 0;
  for (let i = 2; projects < 1000; i++) {
    const isProject = kinds[i] === 'project';
    if (isProject) projects++;
    lines.push(
      Array.from({ length: 10 }, (_, j) =>
        isProject ? String(((i * 7 + j) % 90) * 10 + 5 + k + i) : '',
      ).join('\t'),
    );
  }
  return lines.join('\n');
}

async function round(dist: string, file: string, title: string, kinds: string[], f: Figures) {
  const srv = await serveDist(dist);
  const { context, close } = await launch();
  const page: Page = await context.newPage();
  page.setDefaultTimeout(600_000);
  const id = await importPlanbook(page, srv.url, file, title);
  await openOnce(page, srv.url, id, false);
  await page.waitForFunction(() => performance.getEntriesByName('pb:views-ready').length > 0);
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const c0 = await threadMs(cdp);
  await armEditTimer(page);
  const spread = editSpread(
    kinds.flatMap((k, i) => (k === 'project' ? [i] : [])),
    EDITS,
  );
  f.edits.push(...(await editRuns(page, EDITS, 1000, spread.rowOf, spread.colOf)));
  for (let k = 0; k < PASTES; k++) {
    f.pastes.push((await pasteAt(page, 2, overBlock(kinds, k))).ms);
    await page.waitForTimeout(300);
  }
  f.cpu.push((await threadMs(cdp)) - c0);
  f.longs.push(...(await page.evaluate(() => (window as unknown as { __long: number[] }).__long)));
  if (await page.evaluate(() => performance.getEntriesByName('pb:open-copy').length > 0))
    f.copies++;
  await close();
  await srv.close();
}

async function main(): Promise<void> {
  const dists = process.argv.slice(2).map((d) => resolve(d));
  if (!dists.length) dists.push(resolve(import.meta.dirname, '../dist'));
  const wb = generatePlan({ projects: N });
  const kinds = wb.sheets[0].rows.map((r) => r.kind as string);
  const file = join(mkdtempSync(join(tmpdir(), 'pb-idle-')), `plan-${N}.planbook`);
  writeFileSync(file, serializePlanbook(wb));
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  console.log(`idle-input bench: ${N} projects, ${ROUNDS} rounds; load ${load()}`);
  const all = new Map<string, Figures>(
    dists.map((d) => [d, { edits: [], pastes: [], cpu: [], longs: [], copies: 0 }]),
  );
  for (let k = 0; k < ROUNDS; k++)
    for (const d of k % 2 ? [...dists].reverse() : dists) {
      const f = all.get(d)!;
      const e0 = f.edits.length;
      await round(d, file, wb.meta.title, kinds, f);
      const e = stats(f.edits.slice(e0));
      console.log(
        `  round ${k + 1} ${d}: edit median ${e.median.toFixed(1)} p95 ${e.p95.toFixed(1)} max ${e.max.toFixed(1)} ms; pastes ${f.pastes
          .slice(-PASTES)
          .map((x) => x.toFixed(0))
          .join(', ')} ms; load ${load()}`,
      );
    }
  const x = (v: number) => v.toFixed(1);
  for (const [d, f] of all) {
    const e = stats(f.edits);
    const p = stats(f.pastes);
    const c = stats(f.cpu);
    const over = f.longs.filter((l) => l > 50).length;
    console.log(
      `${d}: edits ${f.edits.length} median ${x(e.median)} p95 ${x(e.p95)} max ${x(e.max)} ms, ${f.edits.filter((l) => l > 50).length} over 50; pastes median ${x(p.median)} max ${x(p.max)} ms; CPU over the phase median ${x(c.median)} ms; long tasks ${over} over 50 ms, longest ${x(Math.max(0, ...f.longs))} ms; copy set in ${f.copies}/${ROUNDS}`,
    );
  }
  console.log(`load after: ${load()}`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
