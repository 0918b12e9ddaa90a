/**
 * `node --import tsx bench/openApp.ts`: only the app's open (click in the start list → interactive
 * grid, `openOnce`) at each size of BENCH_SIZES (default `10000,100000`), BENCH_RUNS times (default
 * 5, after one warm-up open); prints median and p95 (ms), when the engine was ready (built after
 * the grid is shown, on a large workbook), and the open's phase marks (pb:*) of the last run. Build first: `npx vite build`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePlan } from '../src/domain/generate';
import { serializePlanbook } from '../src/io/planbookFile';
import { launch, serveDist } from '../tests/e2e/harness';
import { importPlanbook, openOnce, stats } from './app';

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const srv = await serveDist(process.env.BENCH_DIST);
  for (const n of sizes) {
    const wb = generatePlan({ projects: n });
    const file = join(mkdtempSync(join(tmpdir(), 'pb-open-')), `plan-${n}.planbook`);
    writeFileSync(file, serializePlanbook(wb));
    const { context, close } = await launch();
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    const id = await importPlanbook(page, srv.url, file, wb.meta.title);
    await openOnce(page, srv.url, id, false);
    const xs: number[] = [];
    const ready: number[] = [];
    let marks = '';
    for (let i = 0; i < runs; i++) {
      xs.push(await openOnce(page, srv.url, id, false));
      // the engine and the checks after the grid (not part of the figure; printed for the record)
      // (a build without the deferred engine has neither mark: its engine was built before the grid)
      if (await page.evaluate(() => performance.getEntriesByName('pb:figures').length > 0))
        await page
          .waitForFunction(() => performance.getEntriesByName('pb:engine-ready').length > 0, null, {
            timeout: 60_000,
          })
          .catch(() => undefined);
      ready.push(
        // the open's engine (the edit warm-up's throwaway session marks its own, pb:warm-edit)
        // (a string: tsx wraps a named inner function in `__name`, which the page does not have)
        await page.evaluate<number>(`(() => {
          const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
          return (at('pb:engine-ready') ?? at('pb:grid-ready')) - at('pb:open');
        })()`),
      );
      marks = await page.evaluate(() => {
        const t0 = performance.getEntriesByName('pb:open')[0]?.startTime ?? 0;
        return performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('pb:') && m.startTime >= t0)
          .map((m) => `${m.name} +${(m.startTime - t0).toFixed(0)}`)
          .join(', ');
      });
    }
    const s = stats(xs);
    const c = stats(ready);
    console.log(
      `open ${n}: median ${s.median.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms ` +
        `[${xs.map((x) => x.toFixed(0)).join(', ')}]; engine ready (and checked) ` +
        `median ${c.median.toFixed(0)} ms after the click`,
    );
    console.log(`  marks (last run): ${marks}`);
    await close();
  }
  await srv.close();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
