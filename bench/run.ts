/**
 * `npm run bench`: a generated 10,000-project plan (5 years × 2 sources) in headless Chromium.
 * Prints open time (click in the list → interactive grid, and cold page load → interactive grid),
 * edit-to-totals time (Enter keydown → grand total cell updated) as median and p95, and the heap.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generatePlan } from '../src/domain/generate';
import { serializePlanbook } from '../src/io/planbookFile';
import { launch, serveDist } from '../tests/e2e/harness';
import { WorkbookPageModel } from '../tests/e2e/pages/WorkbookPage';
import { benchChecks } from './checks';
import { benchCompare } from './compare';
import { benchConsolidate } from './consolidate';
import { benchViews } from './views';
import { benchExecution } from './execution';
import { benchExport, benchImport } from './export';

const N = Number(process.env.BENCH_PROJECTS ?? 10_000);
const OPEN_RUNS = 7;
const EDIT_RUNS = 40;

function stats(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95) };
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  for (const line of benchChecks(N)) console.log(line);
  for (const line of await benchExport(N)) console.log(line);
  for (const line of await benchImport(N)) console.log(line);
  for (const line of benchCompare(N)) console.log(line);
  for (const line of benchViews(N)) console.log(line);
  for (const line of await benchConsolidate()) console.log(line);
  for (const line of benchExecution(N)) console.log(line);
  const wb = generatePlan({ projects: N });
  const file = join(mkdtempSync(join(tmpdir(), 'planbook-bench-')), `plan-${N}.planbook`);
  writeFileSync(file, serializePlanbook(wb));
  const rows = wb.sheets[0].rows.length;
  console.log(`plan: ${N} projects, ${rows} rows, 5 years × 2 sources`);

  const srv = await serveDist();
  const { context, close } = await launch();
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(srv.url);
  await page.waitForSelector('[data-testid=workbook-list] tbody tr');
  await page.setInputFiles('[data-testid=open-file]', file);
  const row = page.locator('[data-testid=workbook-list] tbody tr', {
    hasText: `Kế hoạch thử ${N} dự án`,
  });
  await row.waitFor();
  const id = await row.getAttribute('data-workbook');

  // Open from the list (the user's click) → first data rendered.
  const openClick: number[] = [];
  const openCold: number[] = [];
  for (let i = 0; i < OPEN_RUNS; i++) {
    await page.goto(srv.url);
    await page.waitForSelector(`[data-workbook="${id}"] a`);
    await page.click(`[data-workbook="${id}"] a`);
    await page.waitForFunction(() => performance.getEntriesByName('pb:grid-ready').length > 0);
    openClick.push(
      await page.evaluate(() => performance.measure('open', 'pb:open', 'pb:grid-ready').duration),
    );
    await page.goto('about:blank');
    await page.goto(`${srv.url}#/wb/${id}`);
    await page.waitForFunction(() => performance.getEntriesByName('pb:grid-ready').length > 0);
    openCold.push(
      await page.evaluate(() => performance.getEntriesByName('pb:grid-ready')[0].startTime),
    );
  }

  // The unit view is built in the background after the grid is ready (idle steps).
  await page.waitForFunction(() => performance.getEntriesByName('pb:views-ready').length > 0);
  const viewsReady = await page.evaluate(
    () => performance.measure('views', 'pb:grid-ready', 'pb:views-ready').duration,
  );

  // Edit → totals: measured in the page, from the Enter keydown to the grand total's DOM change.
  const grid = new WorkbookPageModel(page);
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __lat: number[]; __armed: boolean };
    w.__lat = [];
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Enter') return;
        w.__t0 = performance.now();
        w.__armed = true;
      },
      true,
    );
    const target = document.querySelector('.ag-row[row-id="pin:all"] [col-id="total"]')!;
    new MutationObserver(() => {
      if (!w.__armed) return;
      w.__armed = false;
      w.__lat.push(performance.now() - w.__t0);
    }).observe(target, { subtree: true, childList: true, characterData: true });
  });
  const before = await page.locator('.ag-row[row-id="pin:all"] [col-id="total"]').innerText();
  for (let i = 0; i < EDIT_RUNS; i++) {
    const r = 2 + ((i * 37) % 200);
    await grid.focus(r, 'y2023_dtpt');
    const isProject = await page.evaluate(
      (r) => document.querySelector(`.ag-row[row-index="${r}"]`)?.classList.contains('pb-project'),
      r,
    );
    if (!isProject) continue;
    const n = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.length);
    await page.keyboard.type(String(1000 + i));
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (n) => (window as unknown as { __lat: number[] }).__lat.length > n,
      n,
    );
  }
  const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);

  // Switching to a view (click on its tab → its table drawn), and back to the sheet.
  const switchTimes: Record<'units' | 'years', number[]> = { units: [], years: [] };
  for (let k = 0; k < 5; k++) {
    for (const kind of ['units', 'years'] as const) {
      const t0 = performance.now();
      await page.click(`[data-testid=view-${kind}]`);
      await page.waitForSelector(`[data-testid=${kind}-table] tbody tr`);
      switchTimes[kind].push(performance.now() - t0);
      await page.click('[data-testid=sheet-tabs] button[data-sheet]');
      await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    }
  }

  // Paste 1,000 rows × 10 amount columns onto existing projects (blank where a section row lies),
  // then 1,000 × 10 below the last project (the sheet grows by 999 rows). Timed in the page, from
  // the paste event to the grid refreshed with the new totals (the handler is synchronous).
  const rowsAll = wb.sheets[0].rows;
  const block: string[] = [];
  let projects = 0;
  const r0 = 2;
  for (let i = r0; projects < 1000; i++) {
    const isProject = rowsAll[i].kind === 'project';
    if (isProject) projects++;
    block.push(
      Array.from({ length: 10 }, (_, j) =>
        isProject ? String(((i * 7 + j) % 90) * 10 + 5) : '',
      ).join('\t'),
    );
  }
  const tail = Array.from({ length: 1000 }, (_, i) =>
    Array.from({ length: 10 }, (_, j) => String(i + j + 1)).join('\t'),
  );
  const pasteAt = async (row: number, text: string) => {
    await grid.focus(row, 'y2021_dtpt');
    return page.evaluate(
      ([t, r]) =>
        new Promise<{ ms: number; sync: number; status: string }>((resolve) => {
          const target = document.querySelector('.ag-row[row-id="pin:all"] [col-id="total"]')!;
          const dt = new DataTransfer();
          dt.setData('text/plain', t);
          let t0 = 0;
          const obs = new MutationObserver(() => {
            obs.disconnect();
            resolve({
              ms: performance.now() - t0,
              sync,
              status: document.querySelector('[data-testid=status]')!.textContent ?? '',
            });
          });
          obs.observe(target, { subtree: true, childList: true, characterData: true });
          t0 = performance.now();
          const cell = document.querySelector(
            `.ag-row[row-index="${r}"]:not([row-id^="pin:"]) [col-id="y2021_dtpt"]`,
          )!;
          cell.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
          );
          const sync = performance.now() - t0;
          setTimeout(
            () =>
              resolve({
                ms: -1,
                sync,
                status: document.querySelector('[data-testid=status]')!.textContent ?? '',
              }),
            5000,
          );
        }),
      [text, row] as const,
    );
  };
  const overRuns: { ms: number; sync: number; status: string }[] = [];
  for (let k = 0; k < 5; k++) {
    const text = block
      .map((line, i) =>
        line
          .split('\t')
          .map((v) => (v ? String(Number(v) + k + i) : ''))
          .join('\t'),
      )
      .join('\n');
    overRuns.push(await pasteAt(r0, text));
    await page.waitForTimeout(300);
  }
  const pasteOver = {
    ...stats(overRuns.map((x) => x.ms)),
    sync: stats(overRuns.map((x) => x.sync)).median,
    status: overRuns[0].status,
  };
  const pasteGrow = await pasteAt(rowsAll.length - 1, tail.join('\n'));
  const after = await page.locator('.ag-row[row-id="pin:all"] [col-id="total"]').innerText();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };

  const su = stats(switchTimes.units);
  const sy = stats(switchTimes.years);
  console.log(
    `views: unit view built in the background ${ms(viewsReady)} after the grid is ready; switching (click → table drawn, 5 runs): by unit median ${ms(su.median)} max ${ms(Math.max(...switchTimes.units))}, by year median ${ms(sy.median)} max ${ms(Math.max(...switchTimes.years))}   [target ≤ 300 ms]`,
  );
  const oc = stats(openClick);
  const od = stats(openCold);
  const ed = stats(lat);
  console.log(
    `open (click in list → interactive grid), ${OPEN_RUNS} runs: median ${ms(oc.median)}, p95 ${ms(oc.p95)}   [target ≤ 1500 ms]`,
  );
  console.log(
    `open (cold page load → interactive grid), ${OPEN_RUNS} runs: median ${ms(od.median)}, p95 ${ms(od.p95)}`,
  );
  console.log(
    `edit → all totals updated, ${lat.length} edits: median ${ms(ed.median)}, p95 ${ms(ed.p95)}   [target p95 ≤ 50 ms]`,
  );
  console.log(
    `paste 1,000 × 10 onto existing projects → totals shown, 5 runs: median ${ms(pasteOver.median)}, max ${ms(pasteOver.p95)} (handler median ${ms(pasteOver.sync)})   [target ≤ 300 ms]`,
  );
  console.log(
    `paste 1,000 × 10 below the last project (999 rows added) → totals shown: ${ms(pasteGrow.ms)} (handler ${ms(pasteGrow.sync)})`,
  );
  if (pasteOver.median < 0 || pasteGrow.ms < 0)
    console.log(`paste status: ${pasteOver.status} | ${pasteGrow.status}`);
  console.log(`heap after GC: ${(heap.usedSize / 2 ** 20).toFixed(0)} MB used   [target ≤ 300 MB]`);
  console.log(`grand total before ${before}, after ${after}`);
  await close();
  await srv.close();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
