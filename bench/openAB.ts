/**
 * `node --import tsx bench/openAB.ts`: the app's open (click in the start list → interactive grid,
 * as bench/app.ts measures it) in two builds, BENCH_OLD and BENCH_NEW (default ./dist), open by
 * open in turn, each in its own browser with the same generated plan of BENCH_PROJECTS (10,000)
 * projects. Per open: wall ms (pb:open → pb:grid-ready) and the page's main-thread CPU ms from
 * the click to the grid (CDP ThreadTime in thread ticks: the figure that holds on a shared
 * machine), OPEN_RUNS (6) per build after OPEN_SETTLE_MS (1000) on the start page; the phase
 * marks of each build's last open.
 */
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { stats } from './app';
import { openGeneratedPlan } from './openedPlan';

const N = Number(process.env.BENCH_PROJECTS ?? 10_000);
const RUNS = Number(process.env.OPEN_RUNS ?? 6);
const SETTLE_MS = Number(process.env.OPEN_SETTLE_MS ?? 1000);

interface Side {
  name: string;
  page: Page;
  url: string;
  id: string;
  cdp: CDPSession;
  wall: number[];
  cpu: number[];
  marks: string;
  done: () => Promise<void>;
}

/** The page's main-thread CPU ms so far. */
async function threadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

async function openSide(name: string, dist: string | undefined): Promise<Side> {
  const p = await openGeneratedPlan(N, dist, 1500);
  const [url, id] = p.page.url().split('#/wb/');
  const cdp = await p.context.newCDPSession(p.page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { name, page: p.page, url, id, cdp, wall: [], cpu: [], marks: '', done: p.done };
}

/** One open on a side, from its start page (figures recorded). */
async function openOnce(s: Side): Promise<void> {
  await s.page.goto(s.url);
  await s.page.waitForSelector(`[data-workbook="${s.id}"] a`);
  await s.page.waitForTimeout(SETTLE_MS);
  const c0 = await threadMs(s.cdp);
  await s.page.click(`[data-workbook="${s.id}"] a`);
  await s.page.waitForFunction(() => performance.getEntriesByName('pb:grid-ready').length > 0);
  s.cpu.push((await threadMs(s.cdp)) - c0);
  s.wall.push(
    await s.page.evaluate(() => performance.measure('open', 'pb:open', 'pb:grid-ready').duration),
  );
  // (a string: tsx wraps a named inner function in `__name`, which the page does not have)
  s.marks = await s.page.evaluate<string>(`(() => {
    const t0 = performance.getEntriesByName('pb:open')[0]?.startTime ?? 0;
    return performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('pb:') && m.startTime >= t0)
      .map((m) => m.name + ' +' + (m.startTime - t0).toFixed(0)).join(', ');
  })()`);
}

async function main(): Promise<void> {
  console.log(`open A/B: ${N} projects, ${RUNS} opens per build; load ${load()}`);
  const sides = [await openSide('old', process.env.BENCH_OLD)];
  sides.push(await openSide('new', process.env.BENCH_NEW));
  for (let k = 0; k < RUNS; k++)
    for (const s of k % 2 ? [...sides].reverse() : sides) await openOnce(s);
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  for (const s of sides) {
    console.log(
      `${s.name} open wall median ${stats(s.wall).median.toFixed(0)} ms [${list(s.wall)}]; main-thread CPU click → grid median ${stats(s.cpu).median.toFixed(0)} ms [${list(s.cpu)}]`,
    );
    console.log(`  marks (last open): ${s.marks}`);
  }
  console.log(`load after: ${load()}`);
  for (const s of sides) await s.done();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
