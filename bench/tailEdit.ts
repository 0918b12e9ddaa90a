/**
 * `node --import tsx bench/tailEdit.ts`: what lands in the slow edits. The edit figure of
 * bench/app.ts (Enter keydown → the grand total row's DOM changed) under a Chromium trace with the
 * GC events; prints each edit's latency and main-thread CPU with what ran in its window: GC
 * (scavenges, mark-compacts), timers and idle callbacks fired inside it (work that collided with
 * the edit), the script's function calls, style/layout/paint; then the bytes allocated per edit
 * (the heap's growth plus what the GCs freed, over the run). The edits go where bench/app.ts's
 * go (editSpread: rows near and far, 10 columns). BENCH_PROJECTS (default 10,000),
 * BENCH_DIST a build to serve, EDIT_RUNS (default 60), SLOW_MS what counts as slow (default 16).
 */
import type { Page } from 'playwright-core';
import { generatePlan } from '../src/domain/generate';
import { armEditTimer, editRuns, editSpread, stats } from './app';
import { openGeneratedPlan } from './openedPlan';
import { startTrace, type TraceEvent } from './trace';

type Ev = TraceEvent;

const GC = /^(MinorGC|MajorGC|V8\.GCScavenger|V8\.GCFinalizeMC|V8\.GCIncrementalMarking$|MinorMS)/;

/** Begin/end pairs (Chromium traces Layout so) as complete events. */
function spans(events: Ev[]): Ev[] {
  const open: Ev[] = [];
  const out: Ev[] = [];
  for (const e of events)
    if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) out.push({ ...b, ph: 'X', dur: e.ts - b.ts });
    }
  return out;
}

/** A GC event's used heap before → after, MiB. */
const mib = (e: Ev): string =>
  e.args?.usedHeapSizeBefore === undefined
    ? ''
    : ` ${(e.args.usedHeapSizeBefore / 2 ** 20).toFixed(0)}→${((e.args.usedHeapSizeAfter ?? 0) / 2 ** 20).toFixed(0)}MiB`;

/** One line per edit window: latency, CPU, and the main thread's work in it by kind. */
function classify(events: Ev[], lat: number[], slow: number): string[] {
  const marks = events.filter((e) => e.name === 'pb:edit-start');
  if (!marks.length) return ['no edit windows'];
  const { pid, tid } = marks[0];
  const main = [
    ...events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur),
    ...spans(events.filter((e) => e.pid === pid && e.tid === tid)),
  ];
  const ends = events.filter((e) => e.name === 'pb:edit-end');
  const out: string[] = [];
  const kinds = new Map<string, number[]>();
  const cpus: number[] = [];
  marks.forEach((s, i) => {
    const end = ends.find((x) => x.ts >= s.ts);
    if (!end) return;
    const inWin = main.filter((e) => e.ts >= s.ts && e.ts + e.dur! <= end.ts);
    const sum = (f: (e: Ev) => boolean) => inWin.filter(f).reduce((a, e) => a + e.dur! / 1000, 0);
    const gc = sum((e) => /^(MinorGC|MajorGC)$/.test(e.name));
    const gcV8 = sum((e) => GC.test(e.name));
    const timers = inWin.filter((e) => e.name === 'TimerFire');
    const idle = inWin.filter((e) => e.name === 'FireIdleCallback');
    const tasks = inWin.filter(
      (e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask',
    );
    const fns = inWin
      .filter((e) => e.name === 'FunctionCall')
      .map((e) => {
        const d = e.args?.data ?? {};
        return `${String(d.functionName || '?')}@${String(d.lineNumber ?? '')}:${(e.dur! / 1000).toFixed(1)}`;
      });
    const style = sum((e) => e.name === 'UpdateLayoutTree' || e.name === 'RecalculateStyles');
    const layout = sum((e) => e.name === 'Layout');
    const paint = sum((e) => e.name === 'Paint' || e.name === 'PrePaint' || e.name === 'Layerize');
    const cpu = end.tts !== undefined && s.tts !== undefined ? (end.tts - s.tts) / 1000 : NaN;
    const l = (end.ts - s.ts) / 1000;
    if (Number.isFinite(cpu)) cpus.push(cpu);
    const tag = l > slow ? 'SLOW' : '    ';
    const gcs = inWin
      .filter((e) => /^(MinorGC|MajorGC)$/.test(e.name) && e.dur! > 1000)
      .map((e) => `${e.name}:${(e.dur! / 1000).toFixed(0)}:${String(e.args?.type ?? '')}${mib(e)}`);
    const kind = [
      gc > 2 ? 'gc' : '',
      // the thread waited for a core (wall well over its CPU time, nothing else ran in the window)
      l - cpu > Math.max(8, cpu) ? 'preempted' : '',
      cpu > slow ? 'cpu' : '',
      timers.length ? 'timer' : '',
      idle.length ? 'idle' : '',
      tasks.length > 2 ? `tasks${tasks.length}` : '',
    ]
      .filter(Boolean)
      .join('+');
    const k = l > slow ? kind || 'script' : 'fast';
    kinds.set(k, [...(kinds.get(k) ?? []), l]);
    out.push(
      `${tag} #${i} ${l.toFixed(1)} ms (cpu ${cpu.toFixed(1)}) gc ${gc.toFixed(1)}/${gcV8.toFixed(1)} style ${style.toFixed(1)} layout ${layout.toFixed(1)} paint ${paint.toFixed(1)}${gcs.length ? ` {${gcs.join(' ')}}` : ''} tasks ${tasks.length} timers ${timers.length} idle ${idle.length} [${fns.slice(0, 8).join(' ')}]`,
    );
  });
  const majors = main.filter((e) => e.name === 'MajorGC');
  const inAny = (e: Ev) =>
    marks.some((s) => {
      const end = ends.find((x) => x.ts >= s.ts);
      return end !== undefined && e.ts >= s.ts && e.ts <= end.ts;
    });
  out.push(
    `major GCs: ${majors.length} (${majors.map((e) => `${(e.dur! / 1000).toFixed(0)}${inAny(e) ? '*' : ''}${mib(e)}`).join(', ')}; * inside an edit)`,
  );
  const c = stats(cpus);
  out.push(`main-thread CPU per edit: median ${c.median.toFixed(1)} p95 ${c.p95.toFixed(1)} ms`);
  out.push(`measured in page: ${lat.map((x) => x.toFixed(0)).join(' ')}`);
  for (const [k, ls] of kinds)
    out.push(`  ${k}: ${ls.length} edits, ${ls.map((x) => x.toFixed(0)).join(' ')}`);
  return out;
}

/** Bytes allocated over the traced run: heap growth plus what every GC freed. */
function allocated(events: Ev[]): { bytes: number; gcs: number } {
  let freed = 0;
  let gcs = 0;
  for (const e of events) {
    const a = e.args;
    if (!a || a.usedHeapSizeBefore === undefined || a.usedHeapSizeAfter === undefined) continue;
    if (!/^(MinorGC|MajorGC)$/.test(e.name)) continue;
    freed += a.usedHeapSizeBefore - a.usedHeapSizeAfter;
    gcs++;
  }
  return { bytes: freed, gcs };
}

async function heap(page: Page): Promise<number> {
  return page.evaluate('performance.memory.usedJSHeapSize') as Promise<number>;
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PROJECTS ?? 10_000);
  const { page, context, done } = await openGeneratedPlan(n, process.env.BENCH_DIST, 2000);
  await armEditTimer(page);
  await page.evaluate(`(() => {
    document.addEventListener('keydown', (e) => e.key === 'Enter' && performance.mark('pb:edit-start'), true);
    const obs = new MutationObserver(() => performance.mark('pb:edit-end'));
    for (const t of document.querySelectorAll('.ag-row[row-id="pin:all"]'))
      obs.observe(t, { subtree: true, childList: true, characterData: true });
  })()`);
  const gc = await context.newCDPSession(page);
  await gc.send('HeapProfiler.collectGarbage');
  await gc.detach();
  const h0 = await heap(page);
  const { cdp, stop } = await startTrace(context, page, [
    'devtools.timeline',
    'blink.user_timing',
    'v8',
    'disabled-by-default-v8.gc',
    'toplevel',
  ]);
  const runs = Number(process.env.EDIT_RUNS ?? 60);
  const rows = generatePlan({ projects: n }).sheets[0].rows;
  const spread = editSpread(
    rows.flatMap((r, i) => (r.kind === 'project' ? [i] : [])),
    runs,
  );
  const lat = await editRuns(page, runs, 1000, spread.rowOf, spread.colOf);
  const events = await stop();
  await cdp.detach();
  const h1 = await heap(page);
  const s = stats(lat);
  console.log(`edit median ${s.median.toFixed(1)} p95 ${s.p95.toFixed(1)} ms (${lat.length})`);
  for (const l of classify(events, lat, Number(process.env.SLOW_MS ?? 16))) console.log(l);
  const a = allocated(events);
  console.log(
    `allocated ≈ ${((a.bytes + h1 - h0) / lat.length / 1024).toFixed(0)} KiB per edit (${a.gcs} GCs, heap ${((h1 - h0) / 1048576).toFixed(1)} MiB growth; includes the bench's own page work between edits)`,
  );
  await done();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
