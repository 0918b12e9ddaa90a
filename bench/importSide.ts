/**
 * The import alone, side by side with LibreOffice's open of the same file (issue #20's figure
 * without the 12-minute full bench): the app's import as the app runs it (its import-preview worker
 * in Chromium, importApp.ts; BENCH_APP=0 leaves it out), and the reader (`readPlanFile`, what that
 * worker runs) warm in this process, wall and CPU milliseconds, against LibreOffice headless opening
 * it in one running instance (wall, and CPU over all its threads). Sizes: BENCH_PROJECTS (default
 * 10,000 and 100,000); runs: BENCH_RUNS (default 5, medians). Run after `vite build`:
 * `node --import tsx bench/importSide.ts`.
 */
import '../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPlanFile } from '../src/io/readPlan';
import { appImport } from './importApp';
import { libreOfficePhases } from './peer';
import { planXlsx } from './planXlsx';

const SIZES = (process.env.BENCH_PROJECTS ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The reader's median wall and CPU milliseconds on `bytes`, after one warm-up read. */
export function importTimes(name: string, bytes: Uint8Array, runs: number) {
  readPlanFile(name, bytes);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c = process.cpuUsage();
    const t = performance.now();
    readPlanFile(name, bytes);
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pb-import-side-'));
  console.log(`load average at start ${loadavg()[0].toFixed(1)} (2 shared cores: medians, noisy)`);
  for (const n of SIZES) {
    const file = join(dir, `plan-${n}.xlsx`);
    const bytes = planXlsx({ projects: n, findings: 'few' });
    writeFileSync(file, bytes);
    const app = process.env.BENCH_APP !== '0' ? await appImport(file, RUNS) : null;
    const mine = importTimes(file, bytes, RUNS);
    const lo = libreOfficePhases([file], RUNS, true)?.get(file);
    const vs = (wall: number, cpu: number) =>
      lo ? ` → ${(wall / lo.open).toFixed(2)}× wall, ${(cpu / lo.openCpu).toFixed(2)}× CPU` : '';
    console.log(
      `${n.toLocaleString('en')} projects (${(bytes.length / 2 ** 20).toFixed(1)} MiB):` +
        (app
          ? ` the app's import (its worker in Chromium) ${s(app.wall)} wall, ${s(app.cpu)} CPU (the page taking the reading ${s(app.take)})${vs(app.wall, app.cpu)}, the preview's totals after it ${s(app.totalsCpu)} CPU;`
          : '') +
        ` the reader alone ${s(mine.wall)} wall, ${s(mine.cpu)} CPU${vs(mine.wall, mine.cpu)}` +
        (lo
          ? ` · LibreOffice open ${s(lo.open)} wall, ${s(lo.openCpu)} CPU`
          : ' · LibreOffice not measured') +
        `   [goal ≤ 1× at 100,000] (load ${loadavg()[0].toFixed(1)})`,
    );
  }
}

void main();
