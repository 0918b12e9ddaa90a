/**
 * `node --import tsx bench/previewTasks.ts`: issue 20's main-thread tasks on the import path at
 * BENCH_PROJECTS (default 100,000) projects: a generated plan .xlsx chosen in the start page →
 * the preview with its total (phase `preview`), one row read as a ratio → the total again
 * (`correct`), confirmed → the grid, the engine and checks, the backup copy, until BUILD_SETTLE_MS
 * (default 4000) after the checks are done (`open`). A Chromium trace gives each phase's longest
 * main-thread task (CPU) and its tasks over 50 ms. BENCH_DIST is the build measured (default
 * ./dist); with BENCH_OLD_DIST that one too, alternating run by run (BENCH_RUNS each, default 2);
 * BENCH_WHAT=1 lists the functions inside each long task (an unminified build names them).
 * Measured 2026-12-01, 100,000 projects, 2 + 2 runs alternating, load 16–19 on 2 shared cores,
 * longest task CPU old (8e598bb) → new: preview 416 / 547 → 518 / 643 ms (the old one's second
 * task of 334 / 502 ms, the totals, is gone: what is left is the reading's message, deserialised
 * in one task), correction 404 / 508 → 55 / 57 ms, confirm → grid → backup 3376 / 3462 → 523 /
 * 586 ms (the rows' store was one task; left: the rows' load from IndexedDB ~410 ms, the grid's
 * initial data ~520–590 ms, React's first drawing of the sheet ~250–310 ms).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, serveDist } from '../tests/e2e/harness';
import { type CpuProfile, functionsWithin } from './cpuProfile';
import { planXlsx } from './planXlsx';
import { mainTasks, startTrace, TASK_CATEGORIES, taskCpu } from './trace';

const PHASES = ['preview', 'correct', 'open'] as const;
type Phase = (typeof PHASES)[number];
type Run = Record<Phase, { longestCpu: number; long: string[] }>;

const mark = (page: Page, name: string) => page.evaluate(`performance.mark('bench:${name}')`);
/** The summary shows a figure (not «đang tính…»), different from `not`. */
const totalShown = (not: string) =>
  `(() => { const s = document.querySelector('[data-testid=import-summary]');
    return !!s && !/đang tính|computing/.test(s.textContent) && s.textContent !== ${JSON.stringify(not)}; })()`;

async function once(
  page: Page,
  context: BrowserContext,
  url: string,
  file: string,
  settle: number,
) {
  await page.goto(url);
  await page.waitForSelector('[data-testid=workbook-list] tbody tr');
  const { cdp, stop } = await startTrace(context, page, TASK_CATEGORIES);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await mark(page, 'preview');
  await page.setInputFiles('[data-testid=import-file]', file);
  await page.waitForFunction(totalShown(''), null, { timeout: 600_000, polling: 50 });
  const before = await page.locator('[data-testid=import-summary]').innerText();
  await mark(page, 'correct');
  const project = page.locator('[data-testid=import-source] select[aria-label=kind]', {
    has: page.locator('option[value=project]:checked'),
  });
  await project.first().selectOption('ratio');
  await page.waitForFunction(totalShown(before), null, { timeout: 600_000, polling: 50 });
  await mark(page, 'open');
  await page.click('[data-testid=import-confirm]');
  const has = (m: string) => `performance.getEntriesByName('${m}').length > 0`;
  await page.waitForFunction(
    `${has('pb:engine-ready')} && (!${has('pb:checks-start')} || ${has('pb:checks-ready')})`,
    null,
    { timeout: 600_000, polling: 100 },
  );
  await page.waitForTimeout(settle);
  await mark(page, 'end');
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const events = await stop();
  await cdp.detach();
  const at = (n: string) => events.find((e) => e.name === `bench:${n}`)!;
  const tasks = mainTasks(events, at('preview').pid, at('preview').tid);
  const ends = { preview: 'correct', correct: 'open', open: 'end' } as const;
  const out = {} as Run;
  for (const p of PHASES) {
    const a = at(p).ts;
    const b = at(ends[p]).ts;
    const inside = tasks.filter((e) => e.ts + e.dur! >= a && e.ts <= b);
    const cpu = taskCpu;
    out[p] = {
      longestCpu: Math.max(0, ...inside.map(cpu)),
      long: inside
        .filter((e) => cpu(e) > 50)
        .map(
          (e) =>
            `+${((e.ts - a) / 1000).toFixed(0)} ms: CPU ${cpu(e).toFixed(0)} ms` +
            (process.env.BENCH_WHAT === '1'
              ? functionsWithin(profile, e.ts, e.ts + e.dur!, 8)
                  .map((w) => `\n      ${w}`)
                  .join('')
              : ''),
        ),
    };
  }
  return out;
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PROJECTS ?? 100_000);
  const runs = Number(process.env.BENCH_RUNS ?? 2);
  const settle = Number(process.env.BUILD_SETTLE_MS ?? 4000);
  const file = join(mkdtempSync(join(tmpdir(), 'pb-preview-')), `plan-${n}.xlsx`);
  writeFileSync(file, planXlsx({ projects: n, findings: 'few' }));
  const dists = [
    ['new', process.env.BENCH_DIST],
    ...(process.env.BENCH_OLD_DIST ? [['old', process.env.BENCH_OLD_DIST]] : []),
  ] as const;
  const opened = [];
  for (const [name, dist] of dists) {
    const srv = await serveDist(dist);
    const b = await launch();
    const page = await b.context.newPage();
    page.setDefaultTimeout(600_000);
    opened.push({ name, srv, b, page, out: [] as Run[] });
  }
  for (let k = 0; k < runs; k++)
    for (const o of opened) {
      const load = loadavg()[0].toFixed(1);
      const r = await once(o.page, o.b.context, o.srv.url, file, settle);
      o.out.push(r);
      console.log(
        `${o.name} run ${k + 1} (load ${load}): longest task CPU ` +
          PHASES.map((p) => `${p} ${r[p].longestCpu.toFixed(0)} ms`).join(', '),
      );
      for (const p of PHASES) for (const l of r[p].long) console.log(`  ${p} task ${l}`);
    }
  for (const o of opened) {
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    console.log(
      `${o.name}, ${n} projects: longest task CPU medians ` +
        PHASES.map((p) => `${p} ${med(o.out.map((r) => r[p].longestCpu)).toFixed(0)} ms`).join(
          ', ',
        ),
    );
    await o.b.close();
    await o.srv.close();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
