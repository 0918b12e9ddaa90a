/**
 * Execution tracking at 10,000 projects (Node, engine): twelve monthly disbursement reports written
 * as .xlsx (another layout than Planbook's own), each imported (read and paired as the worker does,
 * then recorded on the main thread, engine updated), then edits of a figure until the rates of the
 * project, its unit and the total are read; the disbursement curve over the twelve periods.
 * `npx tsx bench/execution.ts` alone, or through `npm run bench`; `BENCH_AB=1` compares instead
 * the engine before block subtotals (tests/support/executionEngineBefore, its report recorded in
 * one task) with today's (recorded in steps), alternated in the same run: edit → rates, the
 * import's longest main-thread task and its CPU time. Measured 2026-12-01 (BENCH_STEPS_ONLY, the build
 * before the model's recording in steps alternated with it, load 15–18): longest task's CPU at 10k
 * 156 → 33 ms (max 321 → 104), at 100k 1017 → 63 ms (max 1271 → 122); import CPU unchanged
 * (10k 694 → 678 ms, 100k 7247 → 7284 ms). `BENCH_AB=steps` alternates the steps before 2026-12-01
 * (engine chunks of whole blocks of 512 rows, 512 matched lines first) with today's (128 rows, 128
 * lines): at 30k, load 11–17, longest task's CPU median 37 → 28 ms, max 133 → 32 ms; import CPU
 * median 2111 → 2624 ms (a chunk's recalculation has a fixed part, the groups re-added).
 */
import '../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import * as XLSX from '@e965/xlsx';
import { ExecutionSession } from '../src/app/execution';
import { annualPlanFrom, lineKey } from '../src/domain/execution';
import { generatePlan } from '../src/domain/generate';
import { sectionKeys } from '../src/domain/executionSections';
import { monthEnd } from '../src/domain/executionText';
import { normaliseName } from '../src/domain/match';
import { readReportFile } from '../src/io/report/readReport';
import { pairingInput, prematch } from '../src/domain/executionPrematch';
import { periodSeries } from '../src/domain/executionFigures';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ExecutionEngine } from '../src/engine/execution';
import { ExecutionEngineBefore } from '../tests/support/executionEngineBefore/execution';
import type { ReportReading } from '../src/domain/executionReport';

const YEAR = 2023;

/** A Treasury-style monthly report: every project's cumulative disbursement from 01/01. */
function report(plan: ReturnType<typeof annualPlanFrom>, month: number): Uint8Array {
  const end = monthEnd(YEAR, month).split('-').reverse().join('/');
  const rows: (string | number | null)[][] = [
    ['KHO BẠC NHÀ NƯỚC'],
    [`BÁO CÁO GIẢI NGÂN VỐN ĐẦU TƯ CÔNG THÁNG ${month} NĂM ${YEAR}`],
    ['Đơn vị: triệu đồng'],
    [
      'STT',
      'Tên dự án',
      'Chủ đầu tư',
      `Kế hoạch vốn năm ${YEAR}`,
      `Giải ngân từ 01/01/${YEAR} đến ${end}`,
      'Tỷ lệ (%)',
    ],
  ];
  const planned = new Map<string, number>();
  for (const l of plan.lines) planned.set(l.projectId, (planned.get(l.projectId) ?? 0) + l.plan);
  plan.projects.forEach((p, i) => {
    const kh = planned.get(p.id) ?? 0;
    const d = Math.round((kh * month * (0.5 + ((i * 37) % 50) / 100)) / 12);
    rows.push([i + 1, p.name, p.lead, kh, d, kh ? Math.round((1000 * d) / kh) / 10 : null]);
  });
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, `T${month}`);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};

/** The bench's plan of `n` projects, names made unique as real plans' are (the generator repeats a few). */
function benchPlan(n: number) {
  const wb = generatePlan({ projects: n, firstYear: 2021 });
  wb.sheets[0].rows.forEach((r, i) => {
    if (r.kind === 'project') r.cells.name = `${String(r.cells.name)} số ${i}`;
  });
  return wb;
}

/** Edits of a disbursement, each until the rates of its project and groups are read: ms and CPU ms. */
function editRates(s: ExecutionSession, count: number): { ms: number[]; cpu: number[] } {
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < count; k++) {
    const l = s.plan.lines[(k * 241) % s.plan.lines.length];
    const key = lineKey(l.projectId, l.source);
    const project = s.plan.projects.find((p) => p.id === l.projectId)!;
    const c0 = process.cpuUsage();
    const t = performance.now();
    s.setDisbursed(s.plan.periods.at(-1)!.id, key, 'plan', 100 + k);
    s.engine.project(l.projectId);
    s.engine.group('unit', normaliseName(project.lead));
    s.engine.group('source', l.source);
    s.engine.group('total', '');
    for (const k of sectionKeys(project.path)) s.engine.group('section', k);
    ms.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms, cpu };
}

/**
 * Old against new at `n` projects, alternated `rounds` times: a session of each engine records
 * `reports` monthly reports (read and paired beforehand, as the worker does) — the old engine at
 * once, the new in steps — then `edits` edits; the longest main-thread task of an import (event
 * loop delay, 1 ms resolution), its CPU time, and edit → rates.
 */
export async function abExecution(n = 10_000, rounds = 2, reports = 3, edits = 30) {
  const wb = benchPlan(n);
  const plan = annualPlanFrom(wb, YEAR, { now: 0 });
  const readings: ReportReading[] = Array.from({ length: reports }, (_, m) =>
    readReportFile(`giai-ngan-${YEAR}-${m + 1}.xlsx`, report(plan, m + 1), YEAR),
  );
  const out = { before: new Figures(), blocks: new Figures(), wholeBlocks: new Figures() };
  type Kind = keyof typeof out;
  // BENCH_STEPS_ONLY: today's engine only (the old one records a 100k report in a minute);
  // BENCH_AB=steps: today's steps against those before 2026-12-01 (whole blocks of 512 rows)
  const pair: [Kind, Kind] =
    process.env.BENCH_AB === 'steps' ? ['wholeBlocks', 'blocks'] : ['before', 'blocks'];
  for (let round = 0; round < rounds; round++)
    for (const kind of process.env.BENCH_STEPS_ONLY
      ? (['blocks'] as const)
      : round % 2
        ? [pair[1], pair[0]]
        : pair) {
      const engine =
        kind === 'before' ? (new ExecutionEngineBefore() as unknown as ExecutionEngine) : undefined;
      const s = new ExecutionSession(wb.id, plan, null, null, engine, false);
      readSections(s.engine);
      for (const r of readings) {
        const pre = { basis: s.plan, result: prematch(structuredClone(pairingInput(s.plan)), r) };
        const h = monitorEventLoopDelay({ resolution: 1 });
        const tasks = taskCpu();
        const c0 = process.cpuUsage();
        h.enable();
        await new Promise((done) => setTimeout(done, 5));
        if (kind === 'before')
          await new Promise((done) => setTimeout(() => done(s.importReport(r, pre)), 0));
        else
          await s.importReportInSteps(
            r,
            pre,
            kind === 'wholeBlocks' ? { budget: 10, rows: 512, matches: 512 } : {},
          );
        await new Promise((done) => setTimeout(done, 5));
        h.disable();
        const c = process.cpuUsage(c0);
        out[kind].longestCpu.push(tasks.stop());
        out[kind].longest.push(h.max / 1e6);
        out[kind].importCpu.push((c.user + c.system) / 1000);
      }
      const e = editRates(s, edits);
      out[kind].edit.push(...e.ms);
      out[kind].editCpu.push(...e.cpu);
      s.close();
    }
  const names = {
    before: 'before (one task)',
    blocks: 'blocks + steps',
    wholeBlocks: 'steps of 512 rows',
  };
  const line = (k: Kind) => {
    const f = out[k];
    return `${names[k].padEnd(17)}: edit → rates median ${stats(f.edit).median.toFixed(2)} ms (CPU ${stats(f.editCpu).median.toFixed(2)}, p95 ${stats(f.editCpu).p95.toFixed(2)} ms); import longest task median ${stats(f.longest).median.toFixed(0)} ms, max ${stats(f.longest).max.toFixed(0)} ms (its CPU median ${stats(f.longestCpu).median.toFixed(0)} ms, max ${stats(f.longestCpu).max.toFixed(0)} ms); import main-thread CPU median ${stats(f.importCpu).median.toFixed(0)} ms (all: ${f.importCpu.map((x) => x.toFixed(0)).join(' ')})`;
  };
  return [
    `execution A/B at ${n} projects, ${rounds} rounds × ${reports} reports, alternated:`,
    ...(['before', 'wholeBlocks', 'blocks'] as const).filter((k) => out[k].edit.length).map(line),
  ];
}

/**
 * The CPU time of the longest task from now until `stop` (ms): a turn of the event loop taken at
 * every chance (setImmediate), the process's CPU time between two of them is what ran in between
 * (a task with its promise continuations), whatever else the machine runs.
 */
function taskCpu(): { stop: () => number } {
  let longest = 0;
  let last = process.cpuUsage();
  let on = true;
  const tick = () => {
    const now = process.cpuUsage();
    longest = Math.max(longest, (now.user - last.user + now.system - last.system) / 1000);
    last = now;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      on = false;
      tick();
      return longest;
    },
  };
}

class Figures {
  longestCpu: number[] = [];
  edit: number[] = [];
  editCpu: number[] = [];
  longest: number[] = [];
  importCpu: number[] = [];
}

/** Reads every sub-section's figures (the engine before builds their rows then). */
function readSections(e: ExecutionEngine): void {
  for (const g of e.groupList()) if ((g.level ?? 0) > 0) e.group('section', g.key);
}

export function benchExecution(n = 10_000): string[] {
  const wb = benchPlan(n);
  let t = performance.now();
  const plan = annualPlanFrom(wb, YEAR, { now: 0 });
  const start = performance.now() - t;
  t = performance.now();
  // built at once (the app builds a large tracking in idle-time steps: bench/executionOpen.ts)
  const s = new ExecutionSession(wb.id, plan, null, null, undefined, false);
  const open = performance.now() - t;
  // the sub-sections (every level below the top), added up when first read
  const c = process.cpuUsage();
  t = performance.now();
  readSections(s.engine);
  const sections = performance.now() - t;
  const sectionsCpu = process.cpuUsage(c);
  const sectionCount = s.engine.groupList().filter((g) => g.kind === 'section').length;
  const files = Array.from({ length: 12 }, (_, m) => report(plan, m + 1));
  const read: number[] = [];
  const pairing: number[] = [];
  const record: number[] = [];
  const cpu: number[] = [];
  const mainCpu: number[] = [];
  let matched = 0;
  files.forEach((bytes, m) => {
    const c0 = process.cpuUsage();
    let t0 = performance.now();
    const r = readReportFile(`giai-ngan-${YEAR}-${m + 1}.xlsx`, bytes, YEAR);
    read.push(performance.now() - t0);
    // the worker pairs the lines beside the reading (the tracking's projects sent to it)
    t0 = performance.now();
    const basis = s.plan;
    const pre = prematch(structuredClone(pairingInput(basis)), r);
    pairing.push(performance.now() - t0);
    const c1 = process.cpuUsage();
    t0 = performance.now();
    // at once (one task): the app records in idle steps (importReportInSteps), the lines shown
    // as being recorded meanwhile; BENCH_AB=1 measures those steps' longest task
    matched = s.importReport(r, { basis, result: pre })?.matched ?? 0;
    s.engine.group('total', '');
    record.push(performance.now() - t0);
    const mc = process.cpuUsage(c1);
    mainCpu.push((mc.user + mc.system) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  });
  const total = read.map((x, i) => x + pairing[i] + record[i]);
  const units = s.engine.groupList().filter((g) => g.kind === 'unit');
  const { ms: edits, cpu: editCpu } = editRates(s, 40);
  const a = stats(total);
  // the first import runs cold (code not yet optimised by the JIT): shown apart from the others
  const warm = stats(cpu.slice(1));
  const e = stats(edits);
  const s0 = process.cpuUsage();
  t = performance.now();
  const series = periodSeries(s.plan);
  const seriesMs = performance.now() - t;
  const seriesCpu = process.cpuUsage(s0);
  s.close();
  return [
    `execution: ${n} projects, ${plan.lines.length} project × source lines, ${units.length} units; tracking started in ${start.toFixed(0)} ms, engine built in ${open.toFixed(0)} ms, then its ${sectionCount} sections at every level in ${sections.toFixed(0)} ms (CPU ${((sectionsCpu.user + sectionsCpu.system) / 1000).toFixed(0)} ms, in idle-time steps in the app)`,
    `import of one monthly report (${n} lines, .xlsx): read ${stats(read).median.toFixed(0)} ms + paired ${stats(pairing).median.toFixed(0)} ms (both in the worker) + recorded on the main thread at once ${stats(record).median.toFixed(0)} ms (CPU median ${stats(mainCpu).median.toFixed(0)} ms, p95 ${stats(mainCpu).p95.toFixed(0)} ms); total median ${a.median.toFixed(0)} ms, p95 ${a.p95.toFixed(0)} ms, max ${a.max.toFixed(0)} ms over 12 reports (${matched} lines matched in the last); CPU time median ${stats(cpu).median.toFixed(0)} ms, p95 ${stats(cpu).p95.toFixed(0)} ms (the first, cold: ${cpu[0].toFixed(0)} ms; the 11 others: median ${warm.median.toFixed(0)} ms, max ${warm.max.toFixed(0)} ms)   [import budget ≤ 1 s]`,
    `disbursement curve (periodSeries) over ${series.length} periods: ${seriesMs.toFixed(0)} ms (CPU ${((seriesCpu.user + seriesCpu.system) / 1000).toFixed(0)} ms)`,
    `edit a disbursement → rates of the project, unit, source, its sections and total: median ${e.median.toFixed(1)} ms, p95 ${e.p95.toFixed(1)} ms; CPU time median ${stats(editCpu).median.toFixed(1)} ms, p95 ${stats(editCpu).p95.toFixed(1)} ms   [edit budget ≤ 50 ms]`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.env.BENCH_PROJECTS ?? 10_000);
  if (process.env.BENCH_AB)
    for (const line of await abExecution(n, Number(process.env.BENCH_ROUNDS ?? 2)))
      console.log(line);
  else for (const line of benchExecution(n)) console.log(line);
}
