/**
 * `node --import tsx bench/find.ts [dist]`: find (Ctrl+F) on a generated plan of BENCH_PROJECTS
 * (default 100,000): a query typed key by key (150 ms apart, as a person types), then edits with
 * the bar open. Prints the longest main-thread task while typing (the goal: none over 100 ms), the
 * time from the last key to the count shown, and the edits' latencies (as bench/app.ts times them).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { armEditTimer, editRuns, stats } from './app';
import { openGeneratedPlan } from './openedPlan';

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PROJECTS ?? 100_000);
  const { page, context, done } = await openGeneratedPlan(
    n,
    process.argv[2] ? resolve(process.argv[2]) : undefined,
    500,
  );
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const longest = () =>
    page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      const m = Math.max(0, ...w.__long);
      w.__long = [];
      return m;
    });
  const target = `Dự án số ${Math.floor(n * 0.987)}`;
  await longest();
  // FIND_PROFILE=file: the page's CPU profile over the typing, written there
  const cdp = await context.newCDPSession(page);
  if (process.env.FIND_PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await page.keyboard.press('Control+f');
  const input = page.locator('[data-testid=find-input]');
  await input.waitFor();
  await page.waitForTimeout(300);
  const opening = await longest();
  await input.pressSequentially(target.toLowerCase(), { delay: 150 });
  const t0 = Date.now();
  await page.waitForFunction(
    () => /^\d+\/1$/.test(document.querySelector('[data-testid=find-count]')?.textContent ?? ''),
    null,
    { timeout: 600_000 },
  );
  const shown = Date.now() - t0;
  const typing = await longest();
  if (process.env.FIND_PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(process.env.FIND_PROFILE, JSON.stringify(profile));
  }
  console.log(
    `find at ${n} projects: "${target}" typed 150 ms a key; longest task opening the bar ${opening.toFixed(0)} ms, while typing ${typing.toFixed(0)} ms; count shown ${shown} ms after the last key`,
  );
  // edits with the bar open (its query matches after each edit again)
  await armEditTimer(page);
  const lat = await editRuns(page, 10);
  const s = stats(lat);
  console.log(
    `edits with the find bar open: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms; longest task ${(await longest()).toFixed(0)} ms`,
  );
  await done();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
