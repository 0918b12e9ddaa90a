/**
 * `node --import tsx bench/structureApp.ts [dist…]`: structural edits in Chromium on a generated
 * plan of BENCH_PROJECTS (default 100,000): a project inserted below a row from the row menu
 * (Shift+F10 → ↓ → Enter), then deleted from it, STRUCTURE_RUNS times (default 4) per build, each
 * build given (default ./dist) opened in turn, round after round (BENCH_ROUNDS, default 1: A/B
 * interleaved). Per edit: wall ms from the key to the grid's new row count, the page's main-thread
 * CPU (CDP ThreadTime) to then and over SETTLE_MS after (the checks' idle steps included), and
 * the longest task (wall) meanwhile.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { stats } from './app';
import { openGeneratedPlan } from './openedPlan';

const N = Number(process.env.BENCH_PROJECTS ?? 100_000);
const RUNS = Number(process.env.STRUCTURE_RUNS ?? 4);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 2000);

async function threadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}

const rowCount = (page: Page) =>
  page.evaluate('(window.__grid.getDisplayedRowCount())') as Promise<number>;

interface Figures {
  wall: number[];
  cpuShown: number[];
  cpuAll: number[];
  longest: number[];
}

/** One menu action on row `r` (`downs` presses of ↓ pick it); its figures added to `f`. */
async function action(page: Page, cdp: CDPSession, r: number, downs: number, f: Figures) {
  await page.evaluate(
    `(() => { const a = window.__grid; a.ensureIndexVisible(${r}); a.setFocusedCell(${r}, 'name'); })()`,
  );
  await page.waitForTimeout(300);
  const n = await rowCount(page);
  await page.keyboard.press('Shift+F10');
  await page.locator('[data-testid=row-menu]').waitFor();
  for (let i = 0; i < downs; i++) await page.keyboard.press('ArrowDown');
  await page.evaluate('(window.__long = [])');
  const c0 = await threadMs(cdp);
  const t0 = Date.now();
  await page.keyboard.press('Enter');
  await page.waitForFunction(`window.__grid.getDisplayedRowCount() !== ${n}`, undefined, {
    polling: 5,
  });
  f.wall.push(Date.now() - t0);
  f.cpuShown.push((await threadMs(cdp)) - c0);
  await page.waitForTimeout(SETTLE_MS);
  f.cpuAll.push((await threadMs(cdp)) - c0);
  f.longest.push(Math.max(0, ...((await page.evaluate('window.__long')) as number[])));
}

async function build(dist: string, f: Figures): Promise<void> {
  const { page, context, done } = await openGeneratedPlan(N, resolve(dist), 1000);
  await page.evaluate(`(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask' });
  })()`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  for (let k = 0; k < RUNS; k++) {
    const r = 5 + k * 7;
    await action(page, cdp, r, 1, f); // insert a project below
    await action(page, cdp, r + 1, 4, f); // delete it
  }
  await done();
}

async function main(): Promise<void> {
  const dists = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
  const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
  const figs = new Map(
    dists.map((d) => [d, { wall: [], cpuShown: [], cpuAll: [], longest: [] } as Figures]),
  );
  for (let r = 0; r < rounds; r++)
    for (const d of dists) {
      await build(d, figs.get(d)!);
      console.log(`${d} round ${r + 1} done (load ${loadavg()[0].toFixed(1)})`);
    }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  for (const [d, f] of figs) {
    const w = stats(f.wall);
    const c = stats(f.cpuShown);
    const a = stats(f.cpuAll);
    const l = stats(f.longest);
    console.log(
      `${d}, ${N} projects, ${f.wall.length} inserts/deletes: wall to the row shown median ${ms(w.median)}, p95 ${ms(w.p95)}; main-thread CPU to it median ${ms(c.median)}, with the ${SETTLE_MS} ms after ${ms(a.median)}; longest task median ${ms(l.median)}, p95 ${ms(l.p95)} (load ${loadavg()[0].toFixed(1)})`,
    );
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
