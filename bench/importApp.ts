/**
 * The app's import as the app runs it: the built app's import-preview worker (dist/, `vite build`
 * first) in Chromium, one worker per import as the app makes it (previewSession: a fresh isolate
 * and an empty heap each time; since h197 started ahead in an idle period while the start page is
 * shown and its reader warmed on a small appendix, previewSpare.ts, so the app is left idle 4 s
 * before each import, as an officer's is), the file's bytes posted to it, its .xlsx parts
 * inflated by DecompressionStream, read, and the reading cloned back to the page (until the page
 * holds it: the preview's totals follow later, «đang tính…»), through PlanbookApp.readForPreview as
 * the start page calls it (an older build without it: its worker's reading cloned). Wall milliseconds on the page, CPU
 * milliseconds of the whole browser (every process and thread, from /proc) per import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launchBrowser, serveDist } from '../tests/e2e/harness';

/** CPU ms (user + system, every thread) of pid and its descendants so far (Linux /proc). */
function treeCpuMs(pid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(')').pop()!.trim().split(/\s+/);
      stats.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  let ticks = 0;
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    ticks += stats.get(p)?.ticks ?? 0;
    for (const [c, s] of stats) if (s.ppid === p) todo.push(c);
  }
  return ticks * 10; // USER_HZ = 100 on Linux
}

/**
 * The app idle before each import (ms): far less than between two imports an officer makes; since
 * h215 the spare is started only after 2 s of quiet on the start page (previewSpare.ts QUIET_MS),
 * so 4 s leaves its start and warm-up done before the import as 3 s did before.
 */
const IDLE_BEFORE_MS = 4_000;

export interface AppImport {
  /** Median wall ms from posting the bytes to the page holding the reading. */
  wall: number;
  /** Median CPU ms of the browser over the same span. */
  cpu: number;
  /**
   * Median ms the page takes to receive the reading: from the reading's message coming to the
   * page (seen by every worker the page makes, the spare started ahead among them) to the page
   * holding it (the message read, `fromWire`).
   */
  take: number;
  /** Rows of the first sheet read (a check that the import read the plan). */
  rows: number;
  /**
   * Median CPU ms of the browser from the page holding the reading to the preview's totals
   * coming (the totals follow the reading: «đang tính…»); not part of `cpu`.
   */
  totalsCpu: number;
}

/** The app's import of `file` in Chromium, `runs` times after one warm-up (medians); `dist` the build. */
export async function appImport(file: string, runs: number, dist = DIST): Promise<AppImport> {
  const worker = readdirSync(join(dist, 'assets')).find((f) => /^previewWorker-.*\.js$/.test(f));
  if (!worker) throw new Error('dist/ has no import-preview worker: run `vite build` first');
  const srv = await serveDist(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // every worker the page makes, the spare the app starts ahead at idle among them (previewSpare.ts,
    // made before any import is asked), tells when a message of its came to the page, before
    // the message's data is read: the last before the reading is held is the reading's
    await page.addInitScript(`(() => {
      const Made = window.Worker;
      if (!Made) return;
      window.benchCame = 0;
      window.Worker = class extends Made {
        constructor(u, o) { super(u, o); this.addEventListener('message', () => { window.benchCame = performance.now(); }); }
      };
    })()`);
    const bytes = readFileSync(file);
    await page.route('**/bench-import.xlsx', (r) => r.fulfill({ body: bytes }));
    await page.goto(`${srv.url}bench-blank.html`); // index.html: the app, idle on its start page
    await page.evaluate(
      `(async () => { window.benchBytes = new Uint8Array(await (await fetch('/bench-import.xlsx')).arrayBuffer()); })()`,
    );
    // the app's own path (PlanbookApp.readForPreview: its worker, the reading decoded on the page);
    // a build without it (older) is run as it ran then: the worker's reading cloned to the page
    const once = `(async () => {
      const app = window.__planbook;
      const t = performance.now();
      if (app && app.readForPreview) {
        const h = await app.readForPreview('plan.xlsx', window.benchBytes).catch((e) => {
          throw new Error('import failed: ' + JSON.stringify(e)); // an ImportError (timeout…)
        });
        const end = performance.now();
        const rows = h.reading.workbook.sheets[0].rows.length;
        window.benchTotals = () => h.totals.finally(() => h.close());
        return { rows, ms: end - t, take: end - window.benchCame };
      }
      const w = new Worker('/assets/${worker}', { type: 'module' });
      let got = 0;
      let totals;
      const came = new Promise((ok) => (totals = ok));
      window.benchTotals = () => came.finally(() => w.terminate());
      const rows = await new Promise((resolve, reject) => {
        w.onmessage = (e) => {
          got = performance.now();
          if (e.data.kind === 'totals') return totals();
          if (e.data.kind === 'stage') return;
          if (e.data.kind !== 'done') reject(new Error(e.data.message));
          else resolve(e.data.reading.workbook.sheets[0].rows.length);
        };
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage({ kind: 'read', name: 'plan.xlsx', bytes: window.benchBytes });
      });
      const end = performance.now();
      return { rows, ms: end - t, take: end - got };
    })()`;
    const totals = 'window.benchTotals().then(() => 0)';
    await page.evaluate(once);
    await page.evaluate(totals);
    const totalsCpu: number[] = [];
    const wall: number[] = [];
    const cpu: number[] = [];
    const take: number[] = [];
    let rows = 0;
    for (let k = 0; k < runs; k++) {
      // the app idle on its start page a moment before each import, as an officer's is (what it
      // does in idle periods, such as starting the preview's worker ahead, is not the import's)
      await page.waitForTimeout(IDLE_BEFORE_MS);
      // the browser is this process's child: the tree's CPU less this process's own
      const c = treeCpuMs(process.pid);
      const own = process.cpuUsage();
      const r = (await page.evaluate(once)) as { rows: number; ms: number; take: number };
      const u = process.cpuUsage(own);
      cpu.push(treeCpuMs(process.pid) - c - (u.user + u.system) / 1000);
      wall.push(r.ms);
      take.push(r.take);
      rows = r.rows;
      const c2 = treeCpuMs(process.pid);
      const own2 = process.cpuUsage();
      await page.evaluate(totals);
      const u2 = process.cpuUsage(own2);
      totalsCpu.push(treeCpuMs(process.pid) - c2 - (u2.user + u2.system) / 1000);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      ...{ wall: median(wall), cpu: median(cpu), take: median(take), rows },
      totalsCpu: median(totalsCpu),
    };
  } finally {
    await browser.close();
    await srv.close();
  }
}
