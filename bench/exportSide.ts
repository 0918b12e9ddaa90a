/**
 * The export figure of `npm run bench` alone: the app's .xlsx export of the bench file (as the
 * export button does: with the views' sheets) beside LibreOffice's save of the same file, at the
 * sizes BENCH_PROJECTS lists. Prints wall and CPU milliseconds of each run (the cores are shared:
 * CPU time is the steadier figure), the output's size, and the ratio of the medians.
 * `BENCH_LO=0` skips LibreOffice; `BENCH_RUNS` runs per side (default 5).
 *
 * usage: node --import tsx bench/exportSide.ts
 */
import '../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { workbookXlsx } from '../src/app/exports';
import { WorkbookSession } from '../src/app/session';
import { readPlanFile } from '../src/io/readPlan';
import { libreOfficePhases } from './peer';
import { benchFiles } from './side';

const SIZES = (process.env.BENCH_PROJECTS ?? '10000')
  .split(',')
  .map((x) => Number(x.replace(/[_\s]/g, '')))
  .filter((x) => x > 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  for (const n of SIZES) {
    const files = benchFiles(n);
    const reading = readPlanFile(files.few, readFileSync(files.few));
    const session = new WorkbookSession(
      { workbook: reading.workbook, order: new Map(), rev: 1 },
      null,
    );
    await workbookXlsx(session, 'vi'); // warm-up (and the values computed once)
    const wall: number[] = [];
    const cpu: number[] = [];
    let size = 0;
    for (let k = 0; k < RUNS; k++) {
      const c = process.cpuUsage();
      const t = performance.now();
      const bytes = await workbookXlsx(session, 'vi');
      wall.push(performance.now() - t);
      const u = process.cpuUsage(c);
      cpu.push((u.user + u.system) / 1000);
      size = bytes.length;
      if (process.env.BENCH_OUT) writeFileSync(`${process.env.BENCH_OUT}-${n}.xlsx`, bytes);
    }
    console.log(
      `${n} projects: export wall ${wall.map((x) => x.toFixed(0)).join(' ')} ms (median ${median(wall).toFixed(0)}), cpu median ${median(cpu).toFixed(0)} ms, ${(size / 2 ** 20).toFixed(2)} MiB; load ${loadavg()[0].toFixed(1)}`,
    );
    if (process.env.BENCH_LO === '0') continue;
    const p = libreOfficePhases([files.few], RUNS)?.get(files.few);
    if (p)
      console.log(
        `${n} projects: LibreOffice save ${p.save.toFixed(0)} ms (open ${p.open.toFixed(0)}) → export/save ${(median(wall) / p.save).toFixed(2)}×; load ${loadavg()[0].toFixed(1)}`,
      );
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
