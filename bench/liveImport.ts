/**
 * CPU time of live totals at import (`withLiveTotals`) on generated plans whose sections state
 * the sums of their rows (as a file read): the step a confirmed import adds before storing.
 *   node --import tsx bench/liveImport.ts
 * A/B, alternated in one process (A: another tree's `src/app/liveImport.ts`, e.g. the main tree):
 *   BENCH_A=/work/main/src/app/liveImport.ts node --import tsx bench/liveImport.ts
 * BENCH_PROJECTS: sizes (default 1,000, 10,000 and 100,000); BENCH_ROUNDS rounds (default 3).
 *
 * 2026-12-02 (h164: values computed once and followed where figures are cleared, only the rows
 * whose findings can change checked again, the put-back indexed; A main 65b027e, B h164; medians
 * of 3 alternated rounds, load 18-30 on 2 shared cores): 1,000 projects 175 -> 96 ms CPU; 10,000
 * 518 -> 219 ms; 100,000 6,874 -> 2,414 ms (the same figures left stated: 385, 3,977, 39,661).
 * Since h164 this runs in the import preview's worker while the preview is shown: the confirm on
 * the page only clears the cells named.
 */
import { withLiveTotals } from '../src/app/liveImport';
import { sheetContext } from '../src/domain/checkContext';
import { generatePlan } from '../src/domain/generate';
import type { Workbook } from '../src/domain/types';
import { PlainValues } from '../src/engine/plainValues';

const SIZES = (process.env.BENCH_PROJECTS ?? '1000,10000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The plan with every section stating its sums (one in ten of them off by 7: an error kept). */
function stated(wb: Workbook): Workbook {
  const sheet = wb.sheets[0];
  const v = PlainValues.of(sheet)!.values();
  const cols = sheetContext(sheet).additive.filter((l) => l.role !== 'rowTotal');
  let k = 0;
  const rows = sheet.rows.map((r, i) => {
    if (r.kind === 'project') return r;
    const cells = { ...r.cells };
    for (const l of cols) {
      const x = v.value(i, l.id);
      if (typeof x === 'number') cells[l.id] = x + (k++ % 10 === 0 ? 7 : 0);
    }
    return { ...r, cells };
  });
  return { ...wb, sheets: [{ ...sheet, rows }] };
}

/** Stated figures of a plan's sections and total rows. */
const count = (w: Workbook) =>
  w.sheets[0].rows.reduce(
    (n, r) =>
      n +
      (r.kind === 'project'
        ? 0
        : Object.values(r.cells).filter((x) => typeof x === 'number').length),
    0,
  );

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  type Live = typeof withLiveTotals;
  const runs: [string, Live][] = [['B', withLiveTotals]];
  if (process.env.BENCH_A) {
    const a = (await import(process.env.BENCH_A)) as { withLiveTotals: Live };
    runs.unshift(['A', a.withLiveTotals]);
  }
  for (const projects of SIZES) {
    const wb = stated(generatePlan({ projects, seed: 1 }));
    const cpu = new Map<string, number[]>(runs.map(([name]) => [name, []]));
    const left = new Map<string, number>();
    for (let k = 0; k < ROUNDS; k++)
      for (const [name, live] of k % 2 ? [...runs].reverse() : runs) {
        const t0 = process.cpuUsage();
        const out = live(wb);
        const t = process.cpuUsage(t0);
        cpu.get(name)!.push((t.user + t.system) / 1000);
        left.set(name, count(out));
      }
    const line = runs
      .map(([name]) => `${name} ${median(cpu.get(name)!).toFixed(0)} ms CPU (→ ${left.get(name)})`)
      .join(', ');
    console.log(`${projects} projects, stated ${count(wb)}: ${line}`);
  }
}

void main();
