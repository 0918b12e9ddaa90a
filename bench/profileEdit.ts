/**
 * `node --import tsx bench/profileEdit.ts`: CPU profiles (CDP Profiler) of the first edits after
 * opening and of warm edits, printed side by side by self time and by function (inclusive), so the
 * one-time work the first edits pay shows. BENCH_PROJECTS (default 10,000); BENCH_DIST a build;
 * PROFILE_FIRST edits in the first profile (default 3), PROFILE_WARM warm edits after 7 more (3).
 */
import { writeFileSync } from 'node:fs';
import { WorkbookPageModel } from '../tests/e2e/pages/WorkbookPage';
import { armEditTimer, editRuns } from './app';
import { openGeneratedPlan } from './openedPlan';
import { profileSummary as summary, type CpuProfile as Profile } from './cpuProfile';

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PROJECTS ?? 10_000);
  const first = Number(process.env.PROFILE_FIRST ?? 3);
  const warm = Number(process.env.PROFILE_WARM ?? 3);
  const { page, context, done } = await openGeneratedPlan(n, process.env.BENCH_DIST, 1000);
  await armEditTimer(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const grid = new WorkbookPageModel(page);
  // each edit: focus and type unprofiled, then profile only Enter → the total's change (+ 100 ms)
  const prof = async (k: number, base: number, from: number) => {
    const merged: Profile = { nodes: [], startTime: 0, samples: [], timeDeltas: [] };
    for (let i = 0; i < k; i++) {
      const r = 2 + (((i + from) * 37) % 200);
      await grid.focus(r, 'y2023_dtpt');
      await page.keyboard.type(String(base + i));
      await page.waitForTimeout(200);
      const n = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.length);
      await cdp.send('Profiler.start');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (n) => (window as unknown as { __lat: number[] }).__lat.length > n,
        n,
      );
      await page.waitForTimeout(100);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const off = merged.nodes.length ? Math.max(...merged.nodes.map((x) => x.id)) + 1 : 0;
      for (const x of profile.nodes)
        merged.nodes.push({ ...x, id: x.id + off, children: x.children?.map((c) => c + off) });
      merged.samples.push(...profile.samples.map((x) => x + off));
      merged.timeDeltas.push(...profile.timeDeltas, 0);
      merged.samples.push(profile.samples[0] + off);
    }
    const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
    return { lat: lat.slice(-k), profile: merged };
  };
  const a = await prof(first, 1000, 0);
  await editRuns(page, 7, 2000, (i) => 2 + (((i + first) * 37) % 200));
  const b = await prof(warm, 3000, first + 7);
  if (process.env.PROFILE_FILE) {
    writeFileSync(`${process.env.PROFILE_FILE}.first.json`, JSON.stringify(a.profile));
    writeFileSync(`${process.env.PROFILE_FILE}.warm.json`, JSON.stringify(b.profile));
  }
  console.log(`first ${first} edits: ${a.lat.map((x) => x.toFixed(0)).join(' ')} ms`);
  for (const l of summary(a.profile, first)) console.log(l);
  console.log(`warm ${warm} edits: ${b.lat.map((x) => x.toFixed(0)).join(' ')} ms`);
  for (const l of summary(b.profile, warm)) console.log(l);
  await done();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
