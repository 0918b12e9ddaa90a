/**
 * Many findings cost nothing extra: a 2,000-project plan in which every project's stated total is
 * off (2,000 findings), opened in Chromium with the checks panel open; edit → totals on screen.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePlan } from '../src/domain/generate';
import { serializePlanbook } from '../src/io/planbookFile';
import { launch, serveDist } from '../tests/e2e/harness';
import { armEditTimer, editRuns, importPlanbook, openOnce, stats } from './app';

export interface PanelFigures {
  findings: number;
  open: number;
  editMedian: number;
  editP95: number;
}

/** Runs the figures and prints them. */
export async function benchChecksPanel(n: number, log: (s: string) => void): Promise<PanelFigures> {
  const wb = generatePlan({ projects: n });
  // a stated total below the amounts (above them for every project would read as a ceiling)
  for (const r of wb.sheets[0].rows)
    if (r.kind === 'project') r.cells.stated = Number(r.cells.stated ?? 0) - 7;
  wb.meta.title = `Kế hoạch ${n} dự án, ${n} phát hiện`;
  const file = join(mkdtempSync(join(tmpdir(), 'planbook-bench-')), `findings-${n}.planbook`);
  writeFileSync(file, serializePlanbook(wb));
  const srv = await serveDist();
  const { context, close } = await launch();
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const id = await importPlanbook(page, srv.url, file, wb.meta.title);
  const opens: number[] = [];
  for (let k = 0; k < 3; k++) opens.push(await openOnce(page, srv.url, id, false));
  await page.waitForSelector('[data-testid=checks-panel]');
  const badge = await page.locator('[data-testid=checks-badge]').innerText();
  const rendered = await page.locator('[data-testid=finding]').count();
  await armEditTimer(page);
  const lat = await editRuns(page, 30);
  const e = stats(lat);
  const o = stats(opens);
  log(
    `checks panel open, ${n} projects with ${n} findings (badge ${badge.replace(/\s+/g, ' ')}, ${rendered} rows in the DOM): open ${o.median.toFixed(0)} ms; edit → totals, ${lat.length} edits: median ${e.median.toFixed(1)} ms, p95 ${e.p95.toFixed(1)} ms   [goal p95 ≤ 50 ms]`,
  );
  await close();
  await srv.close();
  return { findings: n, open: o.median, editMedian: e.median, editP95: e.p95 };
}
