/**
 * `node --import tsx bench/traceEdit.ts`: the edit figure of bench/app.ts with a Chromium trace
 * (CDP Tracing, devtools.timeline) recorded over it; prints, per edit (Enter keydown → the grand
 * total row's DOM changed), the main thread's time by trace event (style, layout, script…), so the
 * browser's own work (forced layouts, style recalculation) shows beside the script's.
 * BENCH_PROJECTS sets the size (default 10,000); BENCH_DIST a build to serve; EDIT_RUNS the edits;
 * EDIT_MIDDLE=1 scrolls each edited row to the middle first (Enter then moves without scrolling).
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { armEditTimer, editRuns, stats } from './app';
import { openGeneratedPlan } from './openedPlan';

interface Ev {
  name: string;
  ph: string;
  ts: number;
  /** the thread's CPU clock (µs) */
  tts?: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { stackTrace?: { functionName: string }[] } };
}

/** Sums the complete events inside the edit windows (marked pb:edit-start → pb:edit-end). */
function perEdit(events: Ev[]): string[] {
  const starts = events.filter((e) => e.name === 'pb:edit-start').map((e) => e.ts);
  const ends = events.filter((e) => e.name === 'pb:edit-end').map((e) => e.ts);
  const main = events.find((e) => e.name === 'pb:edit-start');
  if (!main || !starts.length) return ['no edit windows in the trace'];
  const wins = starts.map((s) => [s, ends.find((x) => x >= s) ?? s] as const);
  const by = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== main.pid || e.tid !== main.tid || !e.dur) continue;
    const end = e.ts + e.dur;
    if (!wins.some(([a, b]) => e.ts >= a && end <= b)) continue;
    by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
  }
  const span = wins.reduce((s, [a, b]) => s + (b - a) / 1000, 0);
  // the main thread's CPU time from each Enter to the total's change (robust under machine load)
  const tEnds = events.filter((e) => e.name === 'pb:edit-end');
  const cpu = events
    .filter((e) => e.name === 'pb:edit-start' && e.tts !== undefined)
    .map((s) => ((tEnds.find((x) => x.ts >= s.ts)?.tts ?? s.tts!) - s.tts!) / 1000);
  const c = stats(cpu);
  return [
    `${wins.length} edits, ${(span / wins.length).toFixed(2)} ms per edit in the windows`,
    `main-thread CPU per edit: median ${c.median.toFixed(1)} p95 ${c.p95.toFixed(1)} ms`,
    `each (CPU): ${cpu.map((x) => x.toFixed(0)).join(' ')}`,
    ...[...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([n, t]) => `  ${(t / wins.length).toFixed(2).padStart(7)} ms/edit  ${n}`),
  ];
}

/** editRuns with each edited row first scrolled to the middle of the grid. */
async function editRunsMiddle(page: Page, runs: number): Promise<number[]> {
  let out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = 2 + ((i * 37) % 200);
    await page.evaluate((r) => {
      const g = (
        window as unknown as { __grid: { ensureIndexVisible: (i: number, p: string) => void } }
      ).__grid;
      g.ensureIndexVisible(r, 'middle');
    }, r);
    await page.waitForTimeout(50);
    out = await editRuns(page, 1, 1000 + i, () => r);
  }
  return out;
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PROJECTS ?? 10_000);
  const { page, context, done } = await openGeneratedPlan(n, process.env.BENCH_DIST, 1000);
  await armEditTimer(page);
  await page.evaluate(() => {
    document.addEventListener(
      'keydown',
      (e) => e.key === 'Enter' && performance.mark('pb:edit-start'),
      true,
    );
    const obs = new MutationObserver(() => performance.mark('pb:edit-end'));
    for (const t of document.querySelectorAll('.ag-row[row-id="pin:all"]'))
      obs.observe(t, { subtree: true, childList: true, characterData: true });
  });
  const cdp = await context.newCDPSession(page);
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as Ev[])));
  const traced = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing', 'v8'] },
  });
  const runs = Number(process.env.EDIT_RUNS ?? 30);
  // EDIT_MIDDLE=1: each edited row is scrolled to the middle first (Enter then moves without scrolling)
  const middle = !!process.env.EDIT_MIDDLE;
  const lat = middle ? await editRunsMiddle(page, runs) : await editRuns(page, runs);
  await cdp.send('Tracing.end');
  await traced;
  const s = stats(lat);
  console.log(`edit median ${s.median.toFixed(1)} p95 ${s.p95.toFixed(1)} ms (${lat.length})`);
  console.log(`each: ${lat.map((x) => x.toFixed(0)).join(' ')}`);
  if (process.env.TRACE_FILE) writeFileSync(process.env.TRACE_FILE, JSON.stringify(events));
  for (const l of perEdit(events)) console.log(l);
  await done();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
