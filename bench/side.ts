/**
 * Side by side with LibreOffice on the same files: `planbook check` vs LibreOffice's
 * open + recalculate + save; Planbook's import vs LibreOffice's open; Planbook's export vs
 * LibreOffice's save; peak memory of both. Files: a plan with few findings and one with thousands.
 */
import '../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { workbookXlsx } from '../src/app/exports';
import { WorkbookSession } from '../src/app/session';
import { readPlanFile } from '../src/io/readPlan';
import {
  libreOffice,
  libreOfficePhases,
  type LoPhases,
  medianRun,
  planbookCheck,
  type Run,
} from './peer';
import { planXlsx } from './planXlsx';
import { type AppImport, appImport } from './importApp';

/** The figures of one size (milliseconds, MiB). */
export interface SideFigures {
  projects: number;
  bytes: number;
  cli: { few: Run; many: Run };
  lo: { few: Run; many: Run };
  /** LibreOffice's open, recalculation and save in one running instance (null: not measured). */
  phases: LoPhases | null;
  /**
   * The app's import (its import-preview worker in Chromium: wall ms to the page holding the
   * reading); the reader alone in this process when the browser is not run (BENCH_APP=0).
   */
  importMs: number;
  /** The app's import in Chromium (null: not run). */
  app: AppImport | null;
  /** The reader alone (`readPlanFile`) in this process, warm, wall ms. */
  readerMs: number;
  exportMs: number;
  findings: { few: number; many: number };
}

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (r: Run) => `${r.peakMiB.toFixed(0)} MiB`;
const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** Writes the two bench files of a size; their paths. */
export function benchFiles(n: number): { few: string; many: string; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), `pb-bench-${n}-`));
  const few = join(dir, `plan-${n}-few.xlsx`);
  const many = join(dir, `plan-${n}-many.xlsx`);
  const a = planXlsx({ projects: n, findings: 'few' });
  writeFileSync(few, a);
  writeFileSync(many, planXlsx({ projects: n, findings: 'many' }));
  return { few, many, bytes: a.length };
}

function findingsOf(file: string): number {
  const reading = readPlanFile(file, readFileSync(file));
  const session = new WorkbookSession(
    { workbook: reading.workbook, order: new Map(), rev: 1 },
    null,
  );
  return session.checks.list(reading.workbook, reading.workbook.sheets[0].id).length;
}

/** Runs the side-by-side figures of one size and prints them. */
export async function benchSideBySide(n: number, log: (s: string) => void): Promise<SideFigures> {
  const files = benchFiles(n);
  log(
    `files: ${n} projects, ${(files.bytes / 2 ** 20).toFixed(2)} MiB .xlsx (SUM formulas as an Excel user writes them, shared strings, bold sections)`,
  );
  const cli = {
    few: medianRun(RUNS, () => planbookCheck(files.few, 'node'), true),
    many: medianRun(RUNS, () => planbookCheck(files.many, 'node')),
  };
  const lo = {
    few: medianRun(RUNS, () => libreOffice(files.few, 'xlsx', true), true),
    many: medianRun(RUNS, () => libreOffice(files.many, 'xlsx', true)),
  };
  const phases = libreOfficePhases([files.few], RUNS)?.get(files.few) ?? null;
  // the app's import as the app runs it (its worker in Chromium, a fresh isolate per import); the
  // reader alone in this process (warm, in a heap holding this bench's other figures) beside it
  const app =
    process.env.BENCH_APP !== '0'
      ? await appImport(files.few, RUNS).catch((e: unknown) => {
          log(`(the app's import not measured: ${String(e).split('\n')[0]})`);
          return null;
        })
      : null;
  // and export (as the export button does)
  const bytes = readFileSync(files.few);
  const imports: number[] = [];
  let reading = readPlanFile(files.few, bytes);
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    reading = readPlanFile(files.few, bytes);
    imports.push(performance.now() - t);
  }
  const session = new WorkbookSession(
    { workbook: reading.workbook, order: new Map(), rev: 1 },
    null,
  );
  const exports: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    await workbookXlsx(session, 'vi');
    exports.push(performance.now() - t);
  }
  const f: SideFigures = {
    projects: n,
    bytes: files.bytes,
    cli,
    lo,
    phases,
    importMs: app?.wall ?? median(imports),
    app,
    readerMs: median(imports),
    exportMs: median(exports),
    findings: { few: findingsOf(files.few), many: findingsOf(files.many) },
  };
  for (const k of ['few', 'many'] as const)
    log(
      `CLI check (${f.findings[k]} findings): planbook ${s(cli[k].ms)}, ${mb(cli[k])} · LibreOffice open+recalc+save (soffice --convert-to xlsx, recalculating) ${s(lo[k].ms)}, ${mb(lo[k])} → time ${x(cli[k].ms, lo[k].ms)}, memory ${x(cli[k].peakMiB, lo[k].peakMiB)}   [goal ≤ 0.5× time, ≤ 1× memory]`,
    );
  const p = phases;
  log(
    p
      ? `LibreOffice in one running instance (no start-up): open ${s(p.open)}, recalculate all ${s(p.recalc)}, save .xlsx ${s(p.save)}, peak ${p.peakMiB.toFixed(0)} MiB`
      : 'LibreOffice phases: not measured (python3-uno missing)',
  );
  const a = f.app;
  log(
    (a
      ? `import (the app's: its import-preview worker in Chromium, bytes posted, parts inflated natively, the reading cloned to the page): ${s(a.wall)} wall, ${s(a.cpu)} CPU (the page taking the reading ${s(a.take)}; the reader alone in this process ${s(f.readerMs)})`
      : `import (the reader alone in this process, not the app's worker: BENCH_APP=0): ${s(f.readerMs)}`) +
      (p
        ? ` · LibreOffice open ${s(p.open)} wall, ${s(p.openCpu)} CPU → ${x(f.importMs, p.open)}${a ? ` wall, ${x(a.cpu, p.openCpu)} CPU` : ''}`
        : '') +
      `   [goal ≤ 1× at 100,000] (load ${loadavg()[0].toFixed(1)})`,
  );
  log(
    `export (the app's .xlsx, with the views' sheets): ${s(f.exportMs)}${p ? ` · LibreOffice save ${s(p.save)} → ${x(f.exportMs, p.save)}` : ''}   [goal ≤ 0.5× at 10,000, ≤ 1× at 100,000]`,
  );
  return f;
}

/** `planbook check` started four ways: node + bundle, the installed bin, the wrapper, `npx`. */
export function benchStart(file: string, log: (s: string) => void): void {
  // one run each (after a warm-up): the side-by-side figures below take the medians
  const node = medianRun(1, () => planbookCheck(file, 'node'), true);
  const bin = medianRun(1, () => planbookCheck(file, 'bin'));
  const wrapper = medianRun(1, () => planbookCheck(file, 'wrapper'));
  const npx = medianRun(1, () => planbookCheck(file, 'npx'));
  log(
    `CLI start (check of the ${file.match(/plan-(\d+)/)?.[1] ?? ''}-project file): node dist-cli/planbook.mjs ${s(node.ms)} · planbook (the bin: the bundle, #!) ${s(bin.ms)} · node bin/planbook.mjs ${s(wrapper.ms)} · npx planbook ${s(npx.ms)} (npx adds ${s(npx.ms - bin.ms)})`,
  );
}
