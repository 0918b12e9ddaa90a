/**
 * `node --import tsx bench/edit.ts [dist…]`: only the edit figure of bench/app.ts (Enter keydown →
 * the grand total row's DOM changed, after the unit view is built), for comparing builds side by
 * side under the same load. Each dist given (default dist/) is served in turn, round after round
 * (A/B interleaved), BENCH_PROJECTS (default 10,000), BENCH_ROUNDS rounds (default 2) of
 * EDIT_RUNS edits each (default 40, 20 above 20,000 projects). Prints per build the median and p95
 * of the latencies (ms) and the page's main-thread busy time per edit (CDP TaskDuration).
 * EDIT_FINDINGS=1: a finding on every project, edited with the checks panel open.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generatePlan } from '../src/domain/generate';
import { serializePlanbook } from '../src/io/planbookFile';
import { launch, serveDist } from '../tests/e2e/harness';
import { armEditTimer, editRuns, importPlanbook, openOnce, stats } from './app';

async function round(dist: string, file: string, title: string, runs: number) {
  const srv = await serveDist(dist);
  const { context, close } = await launch();
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  const id = await importPlanbook(page, srv.url, file, title);
  await openOnce(page, srv.url, id, false);
  await page.waitForFunction(() => performance.getEntriesByName('pb:views-ready').length > 0);
  if (process.env.EDIT_FINDINGS === '1') await page.waitForSelector('[data-testid=finding]');
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  await armEditTimer(page);
  const b0 = await busy();
  const lat = await editRuns(page, runs);
  const b1 = await busy();
  await close();
  await srv.close();
  return { lat, busyPerEdit: (b1 - b0) / lat.length };
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PROJECTS ?? 10_000);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const runs = Number(process.env.EDIT_RUNS ?? (n > 20_000 ? 20 : 40));
  const dists = process.argv.slice(2).map((d) => resolve(d));
  if (!dists.length) dists.push(resolve(import.meta.dirname, '../dist'));
  const wb = generatePlan({ projects: n });
  // EDIT_FINDINGS=1: every project's stated total below its amounts (a finding each, as
  // bench/checksPanel.ts), edited with the checks panel open
  if (process.env.EDIT_FINDINGS === '1')
    for (const r of wb.sheets[0].rows)
      if (r.kind === 'project') r.cells.stated = Number(r.cells.stated ?? 0) - 7;
  const file = join(mkdtempSync(join(tmpdir(), 'pb-edit-')), `plan-${n}.planbook`);
  writeFileSync(file, serializePlanbook(wb));
  const all = new Map<string, { lat: number[]; busy: number[] }>();
  for (let k = 0; k < rounds; k++)
    for (const d of dists) {
      const r = await round(d, file, wb.meta.title, runs);
      const s = stats(r.lat);
      console.log(
        `${d} round ${k + 1}: median ${s.median.toFixed(1)} p95 ${s.p95.toFixed(1)} ms, busy ${r.busyPerEdit.toFixed(1)} ms/edit (${r.lat.length})`,
      );
      const a = all.get(d) ?? { lat: [], busy: [] };
      a.lat.push(...r.lat);
      a.busy.push(r.busyPerEdit);
      all.set(d, a);
    }
  for (const [d, a] of all) {
    const s = stats(a.lat);
    console.log(
      `${d}: ${n} projects, ${a.lat.length} edits: median ${s.median.toFixed(1)} p95 ${s.p95.toFixed(1)} ms; busy/edit ${a.busy.map((b) => b.toFixed(1)).join(', ')} ms`,
    );
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
