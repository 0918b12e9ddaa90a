/**
 * `node --import tsx bench/abEdit.ts`: the edit figure of bench/app.ts (Enter keydown → the grand
 * total row's DOM changed) on two builds at once, A = BENCH_A (default ./dist-old) and B =
 * BENCH_B (default ./dist), in alternating blocks of EDIT_BLOCK edits (default 10) for ROUNDS
 * rounds (default 3), each block under a Chromium trace: so a loaded machine weighs on both alike.
 * Prints per build the main thread's CPU per edit (the trace's thread clock from Enter to the
 * total's change: robust under load), the latency, and the KiB allocated per edit (what the GCs
 * freed plus the heap's growth over the block, the bench's own page work between edits
 * included). The edits go where bench/app.ts's go (editSpread: rows near and far, 10 columns).
 * BENCH_PROJECTS (default 10,000); GOAL_MS (default 16) for the count of edits over it.
 * Session 12, 10,000 projects, load 20-32, 37 edits each, two runs: React cell renderers and two
 * focus calls per Enter → plain DOM renderers and one focus: CPU per edit median 10.6/10.7 →
 * 7.2/7.0 ms, p95 15.9/16.3 → 11.1/11.3 ms; allocated ≈ 13.9 → 13.7 MiB per edit (mostly AG
 * Grid's own React cells drawn as the bench's focus scrolls rows in).
 * Session 17, 10,000 projects, load 17-20, 90 edits each (editSpread), main vs the checks panel
 * measured by a ResizeObserver: CPU per edit median 7.3 → 7.4, p95 11.7 → 11.3, p99 23.4 → 21.2
 * ms (the same within noise); latency p95 54 → 88 ms, 26 → 39 of 90 over 16 ms (the wall time
 * was the machine's: see tailEdit's `preempted`).
 * Session 18, 10,000 projects, 60 edits each: main vs the edit warm-up (24 session edits, 12
 * unforced grid refreshes in idle time): CPU per edit median 14.6 → 14.0, p95 30.8 → 25.1, p99
 * 52.2 → 38.4 ms at load 25-38 (session warm-up alone, load 18-25: median 11.0 → 10.3, p95 27.8
 * → 19.6 ms). The grid drawn by AG Grid's own DOM components (createGrid, no React cells) cut
 * the allocation 13.1 → 8.6 MiB per edit but not the CPU (median 11.3 → 13.9 ms): not kept.
 * Session h190, 10,000 projects, load 20-32 (the latency was the machine's), 40 edits each: main vs
 * PBSUMIF's units sharing one read of a block + column paths kept per tree + only the changed
 * columns of rows whose figures moved redrawn: CPU per edit median 9.9 → 8.9, p95 19.9 → 17.7,
 * p99 38.7 → 35.8 ms; allocated 13.1 → 13.2 MiB per edit (the bench's focus drawing rows in, not
 * the edit: allocEdit.ts gives 1.3 MiB from Enter to the total).
 * Session h199, 10,000 projects, load 29-38, 40 edits each: main vs the pinned totals compared in
 * the columns whose totals moved (the engine says which: 46 → ~6 cells refreshed per edit, of ~72)
 * + class rules only on the leaves where they can hold (12 on a figure column, 9 on a text one,
 * were 14): CPU per edit median 8.4 → 7.5, p90 15.5 → 13.5, p95 28.1 → 14.7, p99 32.6 → 24.7 ms
 * (the p95's tail is the load's as much as the edit's); allocated 13.2 → 12.8 MiB per edit. A
 * second run, load 36-42, 30 edits each: median 8.1 → 8.0, p95 14.6 → 25.9 ms: the gain is
 * within the noise of this load.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { generatePlan } from '../src/domain/generate';
import { armEditTimer, editRuns, editSpread, stats } from './app';
import { type OpenedPlan, openGeneratedPlan } from './openedPlan';
import { startTrace } from './trace';

interface Tally {
  cpu: number[];
  lat: number[];
  bytes: number;
  edits: number;
}

/** Marks each Enter and each change of the grand total in the page's trace. */
async function arm(page: Page): Promise<void> {
  await armEditTimer(page);
  await page.evaluate(`(() => {
    document.addEventListener('keydown', (e) => e.key === 'Enter' && performance.mark('pb:edit-start'), true);
    const obs = new MutationObserver(() => performance.mark('pb:edit-end'));
    for (const t of document.querySelectorAll('.ag-row[row-id="pin:all"]'))
      obs.observe(t, { subtree: true, childList: true, characterData: true });
  })()`);
}

/** One traced block of edits on a page, added to its tally. */
async function block(
  spread: ReturnType<typeof editSpread>,
  page: Page,
  context: BrowserContext,
  from: number,
  runs: number,
  into: Tally,
): Promise<void> {
  const heap = () => page.evaluate('performance.memory.usedJSHeapSize') as Promise<number>;
  const h0 = await heap();
  const n0 = ((await page.evaluate('window.__lat.length')) as number) ?? 0;
  const { cdp, stop } = await startTrace(context, page, [
    'devtools.timeline',
    'blink.user_timing',
    'disabled-by-default-v8.gc',
  ]);
  const lat = await editRuns(
    page,
    runs,
    1000 + from,
    (i) => spread.rowOf(i + from),
    (i) => spread.colOf(i + from),
  );
  const events = await stop();
  const h1 = await heap();
  await cdp.detach();
  const ends = events.filter((e) => e.name === 'pb:edit-end');
  for (const s of events.filter((e) => e.name === 'pb:edit-start' && e.tts !== undefined)) {
    const end = ends.find((x) => x.ts >= s.ts);
    if (end?.tts !== undefined) into.cpu.push((end.tts - s.tts!) / 1000);
  }
  let freed = 0;
  for (const e of events)
    if (/^(MinorGC|MajorGC)$/.test(e.name) && e.args?.usedHeapSizeBefore !== undefined)
      freed += e.args.usedHeapSizeBefore - (e.args.usedHeapSizeAfter ?? 0);
  const done = lat.slice(n0);
  into.lat.push(...done);
  into.bytes += freed + h1 - h0;
  into.edits += done.length;
}

const line = (name: string, t: Tally) => {
  const c = stats(t.cpu);
  const l = stats(t.lat);
  const goal = Number(process.env.GOAL_MS ?? 16);
  const over = t.lat.filter((x) => x > goal).length;
  return `${name}: ${t.edits} edits; CPU per edit median ${c.median.toFixed(1)} p90 ${c.p90.toFixed(1)} p95 ${c.p95.toFixed(1)} p99 ${c.p99.toFixed(1)} ms; latency median ${l.median.toFixed(1)} p90 ${l.p90.toFixed(1)} p95 ${l.p95.toFixed(1)} p99 ${l.p99.toFixed(1)} ms, ${over} over ${goal} ms; allocated ${(t.bytes / t.edits / 1024).toFixed(0)} KiB per edit`;
};

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PROJECTS ?? 10_000);
  const per = Number(process.env.EDIT_BLOCK ?? 10);
  const rounds = Number(process.env.ROUNDS ?? 3);
  const builds: [string, string][] = [
    ['A', process.env.BENCH_A ?? 'dist-old'],
    ['B', process.env.BENCH_B ?? 'dist'],
  ];
  const rows = generatePlan({ projects: n }).sheets[0].rows;
  const spread = editSpread(
    rows.flatMap((r, i) => (r.kind === 'project' ? [i] : [])),
    per * rounds,
  );
  const opened: OpenedPlan[] = [];
  for (const [, dist] of builds) opened.push(await openGeneratedPlan(n, dist, 2000));
  for (const o of opened) await arm(o.page);
  const tallies: Tally[] = builds.map(() => ({ cpu: [], lat: [], bytes: 0, edits: 0 }));
  for (let r = 0; r < rounds; r++)
    for (let k = 0; k < builds.length; k++) {
      // A then B in even rounds, B then A in odd ones
      const j = r % 2 ? builds.length - 1 - k : k;
      await block(spread, opened[j].page, opened[j].context, r * per, per, tallies[j]);
    }
  builds.forEach(([name, dist], j) => console.log(line(`${name} ${dist}`, tallies[j])));
  for (const o of opened) await o.done();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
