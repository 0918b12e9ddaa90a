/**
 * The fuzzing harness: mutants of every fixture format run through `planbook check` (and `export`)
 * in a bounded worker process; counts of outcomes, refusals by reason, crashes, stalls, the slowest
 * inputs and the peak memory.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzReply } from './child';
import { type Format, type Mutant, mutate, type Seed } from './mutate';
import { ReaderProcess } from '../reader';

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Where mutants are written (and kept when they fail). */
  dir: string;
  /** Time and heap of the worker process per input. */
  budgetMs?: number;
  heapMb?: number;
  /** Every n-th input that reads is exported too (0: never). */
  exportEvery?: number;
  /** How the worker process runs (the harness's child script from the sources). */
  script?: string;
  execArgv?: string[];
  progress?: (done: number, report: FuzzReport) => void;
}

export interface Problem {
  file: string;
  how: string;
  what: string;
}

export interface FuzzReport {
  inputs: number;
  byFormat: Record<string, number>;
  /** Exit codes of `check`: read (0/1) or refused (2). */
  outcomes: Record<string, number>;
  refusals: Record<string, number>;
  /** The worker died after reading (the CLI itself would have died). */
  crashes: Problem[];
  /** The reader died or ran out of memory while reading (the CLI answers with a refusal). */
  readerDeaths: number;
  /** Inputs whose worker ran out of memory (heap or resident limit), at any stage. */
  outOfMemory: number;
  /** Inputs not answered within the budget, at any stage (slow reads and stalls). */
  overBudget: number;
  /** Inputs not answered within the budget while reading (the CLI refuses them at its budget). */
  slowReads: Problem[];
  /** Inputs not answered within the budget after reading (the CLI would not answer in time). */
  stalls: Problem[];
  /** More than one line on stderr, output from a library, or an unexpected error. */
  messages: Problem[];
  slowest: { file: string; how: string; ms: number }[];
  /** The inputs that raised the worker's peak memory most (MB, each in a fresh process or after lighter ones). */
  heaviest: { file: string; how: string; mb: number }[];
  peakRssMb: number;
  ms: number;
}

const SEED_DIRS = ['fixtures', 'fixtures/shapes', 'fixtures/compare', 'fixtures/mof'];

/** Every fixture as a seed file (the .xlsx in base64 decoded; CSV made from the TSV files). */
export function loadSeeds(maxBytes = 120_000): Seed[] {
  const seeds: Seed[] = [];
  for (const dir of SEED_DIRS)
    for (const f of readdirSync(dir).sort()) {
      const path = join(dir, f);
      const m = /^(.*)\.(xls|xlsx|ods|tsv|csv|planbook|xlsx\.b64)$/.exec(f);
      if (!m) continue;
      let bytes = new Uint8Array(readFileSync(path));
      let format = m[2] as Format | 'xlsx.b64';
      if (format === 'xlsx.b64') {
        bytes = new Uint8Array(Buffer.from(readFileSync(path, 'utf8'), 'base64'));
        format = 'xlsx';
      }
      if (bytes.length > maxBytes) continue;
      seeds.push({ name: m[1], format, bytes });
      if (format === 'tsv')
        seeds.push({
          name: `${m[1]}-csv`,
          format: 'csv',
          bytes: new TextEncoder().encode(
            new TextDecoder()
              .decode(bytes)
              .split('\n')
              .map((l) =>
                l
                  .split('\t')
                  .map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
                  .join(','),
              )
              .join('\n'),
          ),
        });
    }
  return seeds;
}

/** A refusal's reason as a template (numbers and quoted names left out). */
function reasonOf(stderr: string, file: string): string {
  return stderr
    .replace(`planbook: ${file}: `, '')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\([^)]*\)/g, '(…)')
    .replace(/[\d,.]+/g, 'N')
    .slice(0, 90);
}

// eslint-disable-next-line no-control-regex -- the stage markers start with U+0001
const STAGE = /\u0001(\w+)\n/g;

/** Runs the mutants; resolves with the report. */
export async function fuzz(seeds: Seed[], o: FuzzOptions): Promise<FuzzReport> {
  mkdirSync(o.dir, { recursive: true });
  const budgetMs = o.budgetMs ?? 20_000;
  const worker = new ReaderProcess<FuzzReply>({
    script: o.script ?? 'src/cli/fuzz/child.ts',
    execArgv: o.execArgv ?? ['--import', 'tsx'],
    heapMb: o.heapMb ?? 640,
    budgetMs,
  });
  const report: FuzzReport = {
    inputs: 0,
    byFormat: {},
    outcomes: {},
    refusals: {},
    crashes: [],
    readerDeaths: 0,
    outOfMemory: 0,
    overBudget: 0,
    slowReads: [],
    stalls: [],
    messages: [],
    slowest: [],
    heaviest: [],
    peakRssMb: 0,
    ms: 0,
  };
  const started = performance.now();
  let read = 0;
  let peakHere = 0; // the worker's peak memory so far (MB)
  try {
    for (let n = 0; n < o.count; n++) {
      const m: Mutant = mutate(seeds[n % seeds.length], n, o.seed);
      const file = join(o.dir, `m${n}-${m.name.replace(/[^\w.#-]/g, '_')}`);
      writeFileSync(file, m.bytes);
      report.inputs++;
      report.byFormat[m.format] = (report.byFormat[m.format] ?? 0) + 1;
      const exportTo = o.exportEvery && read % o.exportEvery === 0 ? `${file}.out.xlsx` : undefined;
      worker.takeStderr();
      const t = performance.now();
      const out = await worker.read(file, new Uint8Array(0), { export: exportTo });
      const ms = performance.now() - t;
      const err = worker.takeStderr();
      const stages = [...err.matchAll(STAGE)].map((x) => x[1]);
      const stage = stages[stages.length - 1] ?? 'start';
      const problem = (what: string): Problem => ({ file, how: m.how, what });
      report.slowest.push({ file, how: m.how, ms: Math.round(ms) });
      report.slowest = report.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
      if (out.kind === 'timeout') {
        report.overBudget++;
        const p = problem(`no answer within ${budgetMs / 1000} s (stage ${stage})`);
        (stage === 'read' ? report.slowReads : report.stalls).push(p);
        peakHere = 0;
        continue;
      }
      if (out.kind === 'died') {
        peakHere = 0;
        if (out.outOfMemory) report.outOfMemory++;
        if (stage === 'read') report.readerDeaths++;
        else
          report.crashes.push(
            problem(
              `worker died at stage ${stage}: ${out.signal ?? `exit ${out.code}`}${out.outOfMemory ? ' (out of memory)' : ''}`,
            ),
          );
        continue;
      }
      const mb = Math.round(worker.maxRssKb / 1024);
      if (mb > peakHere) {
        report.heaviest.push({ file, how: m.how, mb });
        report.heaviest = report.heaviest.sort((a, b) => b.mb - a.mb).slice(0, 5);
      }
      peakHere = mb;
      report.peakRssMb = Math.max(report.peakRssMb, mb);
      if (mb > 400) {
        worker.stop(); // a fresh process for the next inputs
        peakHere = 0;
      }
      const { check, exported } = out.reply;
      report.outcomes[`exit ${check.code}`] = (report.outcomes[`exit ${check.code}`] ?? 0) + 1;
      if (check.code !== 2) read++;
      const stray = err.replace(STAGE, '');
      if (stray.trim()) report.messages.push(problem(`printed on stderr: ${stray.slice(0, 200)}`));
      for (const r of [check, exported]) {
        if (!r) continue;
        if (r.stderr.split('\n').length > 1)
          report.messages.push(problem(`several lines: ${r.stderr.slice(0, 200)}`));
        if (/unexpected error/.test(r.stderr))
          report.messages.push(problem(r.stderr.slice(0, 200)));
      }
      if (check.code === 2) {
        const why = reasonOf(check.stderr, file);
        report.refusals[why] = (report.refusals[why] ?? 0) + 1;
      }
      if (exported && exported.code !== 0)
        report.messages.push(problem(`export: ${exported.stderr.slice(0, 200)}`));
      o.progress?.(n + 1, report);
    }
  } finally {
    worker.stop();
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}
