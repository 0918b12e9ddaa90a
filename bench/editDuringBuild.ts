/**
 * `node --import tsx bench/editDuringBuild.ts`: issue 20's typing while a large workbook's engine is
 * still being built. Opens a generated plan of BENCH_PROJECTS (default 100,000) projects, types a
 * value into a project cell as soon as the grid shows, and reports the longest main-thread task
 * (PerformanceObserver `longtask`) from the first key to the grand total showing the value, that
 * latency, whether the engine was built by then, and the longest task until the engine is built.
 * BENCH_DIST is the build measured (default ./dist); with BENCH_OLD_DIST, that build is measured
 * too, the two alternating run by run (BENCH_RUNS each, default 3), so both see the same load.
 * Build first: `npx vite build`.
 * Measured 2026-12-01, 100,000 projects, 2 runs each alternating, load 9.3–9.7 on 2 shared cores:
 * before (85c2563) Enter → total shown 11.0 / 11.5 s, one task (the rest of the build at once);
 * after, 66 / 138 ms, its longest task 67 / 141 ms, the build going on in its steps after it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generatePlan } from '../src/domain/generate';
import { serializePlanbook } from '../src/io/planbookFile';
import { launch, serveDist } from '../tests/e2e/harness';
import { WorkbookPageModel } from '../tests/e2e/pages/WorkbookPage';
import { importPlanbook, stats } from './app';

const COL = 'y2023_dtpt';

/** One typed edit during the build: milliseconds, and whether the engine was built at the Enter. */
interface Run {
  longestToShown: number;
  /** The longest task from the Enter on (the edit's own). */
  longestFromEnter: number;
  latency: number;
  builtAtEnter: boolean;
  longestToBuilt: number;
}

/** In the page (string bodies: tsx's helpers do not exist there): long tasks and the total's change. */
const ARM = `(() => {
  const w = window;
  w.__lt = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__lt.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  document.addEventListener('keydown', (e) => {
    if (w.__t0 === undefined) w.__t0 = performance.now();
    if (e.key !== 'Enter' || w.__enter !== undefined) return;
    w.__enter = performance.now();
    w.__builtAtEnter = performance.getEntriesByName('pb:engine-ready').length > 0;
    const obs = new MutationObserver(() => {
      if (w.__shown !== undefined) return;
      w.__shown = performance.now();
      obs.disconnect();
    });
    for (const t of document.querySelectorAll('.ag-row[row-id="pin:all"]'))
      obs.observe(t, { subtree: true, childList: true, characterData: true });
  }, true);
})()`;

/** The longest task overlapping [from, to] (ms since the page's time origin). */
const LONGEST = (to: string, from = 'w.__t0') => `(() => {
  const w = window;
  const end = ${to};
  return Math.max(0, ...w.__lt.filter(([s, d]) => s + d >= ${from} && s <= end).map(([, d]) => d));
})()`;

async function once(page: Page, url: string, id: string, row: number, k: number): Promise<Run> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector(`[data-workbook="${id}"] a`);
  await page.evaluate(ARM);
  await page.click(`[data-workbook="${id}"] a`);
  await page.waitForFunction("performance.getEntriesByName('pb:grid-ready').length > 0");
  // a new value each run (the cell keeps the last run's: the same value would change nothing)
  await new WorkbookPageModel(page).type(row, COL, String(4321 + k));
  await page.waitForFunction('window.__shown !== undefined', null, { timeout: 600_000 });
  await page.waitForFunction("performance.getEntriesByName('pb:engine-ready').length > 0", null, {
    timeout: 600_000,
  });
  await page.waitForTimeout(500); // the tasks right after the build (the checks) are observed
  return {
    longestToShown: await page.evaluate(LONGEST('w.__shown')),
    longestFromEnter: await page.evaluate(LONGEST('w.__shown', 'w.__enter')),
    latency: await page.evaluate('window.__shown - window.__enter'),
    builtAtEnter: await page.evaluate('window.__builtAtEnter'),
    longestToBuilt: await page.evaluate(
      LONGEST("performance.getEntriesByName('pb:engine-ready')[0].startTime + 500"),
    ),
  };
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PROJECTS ?? 100_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const dists = [
    ['new', process.env.BENCH_DIST],
    ...(process.env.BENCH_OLD_DIST ? [['old', process.env.BENCH_OLD_DIST]] : []),
  ] as const;
  const wb = generatePlan({ projects: n });
  const row = wb.sheets[0].rows.findIndex((r) => r.kind === 'project');
  const file = join(mkdtempSync(join(tmpdir(), 'pb-during-')), `plan-${n}.planbook`);
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
      const r = await once(o.page, o.srv.url, o.id, row, k);
      o.out.push(r);
      console.log(`${o.name} run ${k + 1}: ${JSON.stringify(r)} (load ${loadavg()[0].toFixed(1)})`);
    }
  for (const o of opened) {
    const f = (pick: (r: Run) => number) => {
      const s = stats(o.out.map(pick));
      return `median ${s.median.toFixed(0)} max ${Math.max(...o.out.map(pick)).toFixed(0)} ms`;
    };
    console.log(
      `${o.name}, ${n} projects: longest task typing → total shown ${f((r) => r.longestToShown)}; ` +
        `Enter → total shown ${f((r) => r.longestFromEnter)}; ` +
        `latency ${f((r) => r.latency)}; longest task until built ${f((r) => r.longestToBuilt)}; ` +
        `built at Enter ${o.out.filter((r) => r.builtAtEnter).length}/${o.out.length}`,
    );
    await o.b.close();
    await o.srv.close();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
