/**
 * `node --import tsx bench/profileApp.ts [open|edit|paste|panel]`: one app figure in Chromium with
 * the page's CPU profile recorded over it (CDP), and the functions that dominate it (self time).
 * BENCH_PROJECTS sets the size (default 10,000); BENCH_DIST a build to serve (an unminified one
 * names the functions: `npx vite build --minify false --outDir dist-prof`); NO_PROFILE=1 prints only
 * wall time and the page's main-thread busy time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { generatePlan } from '../src/domain/generate';
import { serializePlanbook } from '../src/io/planbookFile';
import { launch, serveDist } from '../tests/e2e/harness';
import { armEditTimer, editRuns, importPlanbook, openOnce, pasteAt, stats } from './app';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** The top functions by self time (ms) of a CPU profile. */
function top(p: Profile, k = 25): string[] {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const by = new Map<string, number>();
  for (const n of p.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    by.set(key, (by.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  const idle = by.get('(idle) :-1') ?? 0;
  return [
    `profile: ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms`,
    ...[...by.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([n, t]) => `  ${t.toFixed(1).padStart(8)} ms  ${n}`),
  ];
}

async function profiled<T>(cdp: CDPSession, name: string, f: () => Promise<T>): Promise<T> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Performance.enable');
  const busy = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const b0 = await busy();
  const t0 = performance.now();
  if (!process.env.NO_PROFILE) await cdp.send('Profiler.start');
  const out = await f();
  const wall = performance.now() - t0;
  const cpu = (await busy()) - b0;
  console.log(`${name}: ${wall.toFixed(0)} ms wall, page main thread busy ${cpu.toFixed(0)} ms`);
  if (process.env.NO_PROFILE) return out;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const file = join(tmpdir(), `pb-${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`${name}: ${file}`);
  for (const l of top(profile)) console.log(l);
  return out;
}

async function main(): Promise<void> {
  const what = process.argv[2] ?? 'edit';
  const n = Number(process.env.BENCH_PROJECTS ?? 10_000);
  const wb = generatePlan({ projects: n });
  if (what === 'panel')
    for (const r of wb.sheets[0].rows)
      if (r.kind === 'project') r.cells.stated = Number(r.cells.stated ?? 0) - 7;
  const file = join(mkdtempSync(join(tmpdir(), 'pb-prof-')), `plan-${n}.planbook`);
  writeFileSync(file, serializePlanbook(wb));
  const srv = await serveDist(process.env.BENCH_DIST);
  const { context, close } = await launch();
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  const t0 = Date.now();
  const id = await importPlanbook(page, srv.url, file, wb.meta.title);
  console.log(`imported in ${Date.now() - t0} ms`);
  const cdp = await context.newCDPSession(page);
  console.log(`first open ${(await openOnce(page, srv.url, id, false)).toFixed(0)} ms`);
  if (what === 'open') {
    // only the click → interactive grid (the start page's load is not profiled)
    await page.goto(srv.url);
    await page.waitForSelector(`[data-workbook="${id}"] a`);
    await page.waitForTimeout(1000);
    const t = await profiled(cdp, 'open', async () => {
      await page.click(`[data-workbook="${id}"] a`);
      await page.waitForFunction(() => performance.getEntriesByName('pb:grid-ready').length > 0);
      return page.evaluate(() => performance.measure('open', 'pb:open', 'pb:grid-ready').duration);
    });
    console.log(`open ${t.toFixed(0)} ms`);
  } else if (what === 'paste') {
    await page.waitForSelector('.ag-row[row-id="pin:all"] [col-id="y2023_dtpt"]');
    const rows = wb.sheets[0].rows;
    const block = (k: number) => {
      const out: string[] = [];
      for (let i = 2, p = 0; p < 1000; i++) {
        const isProject = rows[i].kind === 'project';
        if (isProject) p++;
        out.push(
          Array.from({ length: 10 }, (_, j) => (isProject ? String(i + j + k) : '')).join('\t'),
        );
      }
      return out.join('\n');
    };
    await pasteAt(page, 2, block(0));
    await page.waitForTimeout(500);
    const runs = await profiled(cdp, 'paste', async () => {
      const out: number[] = [];
      for (let k = 1; k <= 3; k++) {
        out.push((await pasteAt(page, 2, block(k))).ms);
        await page.waitForTimeout(300);
      }
      return out;
    });
    console.log(`paste ${runs.map((x) => x.toFixed(0)).join(', ')} ms`);
  } else {
    if (what === 'panel') await page.waitForSelector('[data-testid=checks-panel]');
    await page.waitForSelector('.ag-row[row-id="pin:all"] [col-id="y2023_dtpt"]');
    await page.waitForTimeout(1000);
    await armEditTimer(page);
    // sentinels the profile can see: the edit window runs from pbEditStart to pbEditEnd
    // (a string: the bundler's helpers for named functions do not exist in the page)
    await page.evaluate(`(() => {
      const spin = (ms) => { for (const t = performance.now(); performance.now() - t < ms; ); };
      window.pbEditStart = function pbEditStart() { spin(1); };
      window.pbEditEnd = function pbEditEnd() { spin(1); };
      document.addEventListener('keydown', (e) => e.key === 'Enter' && window.pbEditStart(), true);
      const obs = new MutationObserver(() => window.pbEditEnd());
      for (const t of document.querySelectorAll('.ag-row[row-id="pin:all"]'))
        obs.observe(t, { subtree: true, childList: true, characterData: true });
    })()`);
    const lat = await profiled(cdp, what, () => editRuns(page, 30));
    const s = stats(lat);
    console.log(`edit median ${s.median.toFixed(1)} p95 ${s.p95.toFixed(1)} (${lat.length})`);
  }
  await close();
  await srv.close();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
