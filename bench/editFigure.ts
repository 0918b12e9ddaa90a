/**
 * The edit figure of bench/app.ts, shared by the edit benches: edit → all totals on screen
 * (Enter keydown → the grand total row's DOM changed, timed in the page), where the edits go
 * (editSpread), and its summary (percentiles, edits over the goal).
 */
import type { Page } from 'playwright-core';
import { WorkbookPageModel } from '../tests/e2e/pages/WorkbookPage';

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Median and upper percentiles (nearest rank) of `xs`, in its unit. */
export function stats(xs: number[]): {
  median: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
} {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p90: q(0.9), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] };
}
/** Edit → all totals on screen, measured in the page from the Enter keydown to the DOM change. */
export async function armEditTimer(page: Page): Promise<void> {
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
    const obs = new MutationObserver(() => {
      if (!w.__armed) return;
      w.__armed = false;
      w.__lat.push(performance.now() - w.__t0);
    });
    // the grand total row (every part of it: ag-grid splits pinned columns into their own rows)
    for (const target of document.querySelectorAll('.ag-row[row-id="pin:all"]'))
      obs.observe(target, { subtree: true, childList: true, characterData: true });
  });
}

/**
 * Types `runs` values (from `base` on) into project cells, the i-th in row `rowOf(i)` and column
 * `colOf(i)` (default y2023_dtpt); a row that is no project's is skipped. The latencies so far.
 */
export async function editRuns(
  page: Page,
  runs: number,
  base = 1000,
  rowOf = (i: number) => 2 + ((i * 37) % 200),
  colOf = (_i: number) => 'y2023_dtpt',
): Promise<number[]> {
  const grid = new WorkbookPageModel(page);
  for (let i = 0; i < runs; i++) {
    const r = rowOf(i);
    await grid.focus(r, colOf(i));
    const isProject = await page.evaluate(
      (r) => document.querySelector(`.ag-row[row-index="${r}"]`)?.classList.contains('pb-project'),
      r,
    );
    if (!isProject) continue;
    const n = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.length);
    await page.keyboard.type(String(base + i));
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (n) => (window as unknown as { __lat: number[] }).__lat.length > n,
      n,
      { timeout: 60_000 },
    );
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

/** The amount columns the edit figure types into (5 years × 2 sources). */
const EDIT_COLS = [2021, 2022, 2023, 2024, 2025].flatMap((y) => [`y${y}_dtpt`, `y${y}_sn`]);

/**
 * Where the edit figure's `runs` edits go in a sheet whose project rows are at `projectRows`
 * (indexes): four in five among the first 200 rows (37 rows apart, as a user works down a
 * section), one in five far down the sheet (spread evenly over all its projects, so the grid
 * scrolls to sections far apart); the columns cycle through the amount columns.
 */
export function editSpread(
  projectRows: readonly number[],
  runs: number,
): { rowOf: (i: number) => number; colOf: (i: number) => string } {
  const near = projectRows.filter((r) => r < 200);
  const far = Math.max(1, Math.ceil(runs / 5));
  return {
    rowOf: (i) =>
      i % 5 === 4
        ? projectRows[Math.floor((((i - 4) / 5 + 0.5) * projectRows.length) / far)]
        : near[(i * 37) % near.length],
    colOf: (i) => EDIT_COLS[(i * 3) % EDIT_COLS.length],
  };
}

/** The edit figure's summary line: percentiles and how many edits exceeded `goalMs`. */
export function editLine(lat: number[], goalMs: number): string {
  const e = stats(lat);
  const over = lat.filter((x) => x > goalMs).length;
  return `edit → all totals updated, ${lat.length} edits (rows near and far, 10 columns): median ${ms(e.median)}, p90 ${ms(e.p90)}, p95 ${ms(e.p95)}, p99 ${ms(e.p99)}, max ${ms(e.max)}; ${over} of ${lat.length} over ${goalMs} ms`;
}
