/**
 * `npm run bench`: Planbook side by side with LibreOffice on the same files, in the same run, at the
 * sizes BENCH_PROJECTS lists (comma-separated; default 10,000; 50,000 and 100,000 on demand), then
 * how each figure grows with size and which goals are met. BENCH_RUNS sets the runs per process
 * figure (default 3, medians printed); BENCH_APP=0 skips the browser.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { benchChecks } from './checks';
import { benchCompare } from './compare';
import { benchConsolidate } from './consolidate';
import { benchExecution } from './execution';
import { benchViews } from './views';
import { benchExport, benchImport } from './export';
import { type AppFigures, benchApp } from './app';
import { benchFiles, benchSideBySide, benchStart, type SideFigures } from './side';
import { dropProfiles } from './peer';
import { goalLines, growthLines } from './report';
import { benchChecksPanel, type PanelFigures } from './checksPanel';

const SIZES = (process.env.BENCH_PROJECTS ?? '10000')
  .split(',')
  .map((x) => Number(x.replace(/[_\s]/g, '')))
  .filter((x) => x > 0);

const log = (s: string) => console.log(s);

async function main(): Promise<void> {
  log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; load average at start ${loadavg()[0].toFixed(1)} (the cores are shared: figures are medians and noisy)`,
  );
  const side = new Map<number, SideFigures>();
  const app = new Map<number, AppFigures>();
  let panel: PanelFigures | null = null;
  if (process.env.BENCH_APP !== '0') {
    log('\n== many findings ==');
    panel = await benchChecksPanel(2_000, log);
  }
  for (const [k, n] of SIZES.entries()) {
    log(`\n== ${n.toLocaleString('en')} projects ==`);
    if (k === 0) {
      // the in-process figures of the engine, checks, exports, compare and views (Node)
      for (const line of benchChecks(n)) log(line);
      for (const line of await benchExport(n)) log(line);
      for (const line of await benchImport(n)) log(line);
      if (n >= 8_000) for (const line of benchCompare(n)) log(line);
      for (const line of benchViews(n)) log(line);
      for (const line of await benchConsolidate()) log(line);
      for (const line of benchExecution(n)) log(line);
      benchStart(benchFiles(n).few, log);
    }
    side.set(n, await benchSideBySide(n, log));
    if (process.env.BENCH_APP !== '0') app.set(n, await benchApp(n, log));
  }
  dropProfiles();
  log('');
  for (const line of growthLines(SIZES, side, app)) log(line);
  log('');
  for (const line of goalLines(side, app, panel)) log(line);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
