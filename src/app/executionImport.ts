/**
 * Recording a report in a tracking (the session's import, a load) and the patch that pairs one of
 * its lines with a project (an undo step): pure functions over the annual plan.
 */
import { type AnnualPlan, lineKey } from '../domain/execution';
import {
  applyReport,
  type ApplyResult,
  type ReportDifference,
  ReportRecording,
} from '../domain/executionApply';
import {
  type LineMatch,
  type ReportLine,
  type ReportReading,
  reportLineKey,
} from '../domain/executionReport';
import { pairingInput, type Prematch, prematch } from '../domain/executionPrematch';
import { type UnitNote, unitNoteText } from '../domain/executionUnits';
import { toDateReader } from '../domain/executionFigures';
import type { ExecutionEngine, LineInput } from '../engine/execution';
import type { ExecPatch } from './executionPatch';
import { Chunks, type Step, STEP_BUDGET_MS } from './inSteps';

/** What an import did: its period, the lines matched, those left to pair, the differences. */
export interface ImportSummary {
  file: string;
  end: string;
  /** What the report covers (its in-period figures start at the month's or quarter's first day). */
  kind?: 'month' | 'quarter';
  matched: number;
  unmatched: ReportLine[];
  /**
   * Lines marked as not in the plan before this report. The summary stays as recorded: what the
   * user paired or marked since is the plan's `pairs` (`linesToPair`, `importOutside`).
   */
  dismissed?: ReportLine[];
  doubtful: { line: ReportLine; projectId: string }[];
  differences: ReportDifference[];
  factor: number;
  /** The report's unit missing or belied, read from its figures, or doubted (see unitCheck). */
  unit?: UnitNote;
  replaced: boolean;
  warnings: string[];
}

const FIELDS = ['plan', 'carry', 'priorAllocated', 'priorDisbursed'] as const;

/**
 * How a report is recorded in steps: the step's budget (ms), the engine's project rows per chunk
 * at least (a divisor of its block rows), the matched lines recorded in the first chunk.
 */
export interface ImportSteps {
  budget: number;
  rows: number;
  matches: number;
}

/** A report recorded by `recordReport`: the new tracking, the allocation inputs it filled, what it did. */
export interface Recorded {
  plan: AnnualPlan;
  inputs: { key: string; field: LineInput; value: number }[];
  summary: ImportSummary;
  /** Lines were split by the report's sources (no inputs: the engine's rows are laid out anew). */
  split: boolean;
}

/**
 * `recordReport` in steps: null without a disbursement table, else the step (run until done: the
 * tracking's lines copied, the report's matched lines recorded, the allocations compared, each by
 * chunks sized to the step's time left) and what it recorded once done. The pairing is made in
 * the first step when not given (`pre`).
 */
export function recordSteps(
  plan: AnnualPlan,
  r: ReportReading,
  fallbackEnd: string,
  /** The pairing made of this tracking beside the reading (a worker): taken as it is. */
  pre?: Prematch | null,
  /** Matched lines recorded in the first chunk (the next sized to the step's time left). */
  firstMatches = 128,
): { step: Step; result: () => Recorded } | null {
  const paired = pre === undefined ? prematch(pairingInput(plan), r) : pre;
  if (!paired) return null;
  const { factor, unit } = paired;
  const best = { sheet: r.sheets[paired.sheet], match: paired.match };
  const end = r.asOf ?? fallbackEnd;
  const rec = new ReportRecording(plan, best.match.matched, {
    end,
    kind: r.kind,
    file: r.file,
    factor,
  });
  const copied = new Chunks(rec.lineCount, 4096, 256);
  const recorded = new Chunks(rec.matchCount, firstMatches, 32);
  let res: ApplyResult | null = null;
  let compared: Chunks | null = null;
  const inputs: Recorded['inputs'] = [];
  const step: Step = (deadline) => {
    if (!copied.run(deadline, (a, b) => rec.copy(a, b))) return false;
    if (!recorded.run(deadline, (a, b) => rec.record(a, b))) return false;
    if (!res) {
      if (performance.now() >= deadline) return false;
      res = rec.finish();
      // lines split by the report's sources change the engine's layout: the session rebuilds it
      compared = new Chunks(rec.split ? 0 : plan.lines.length);
    }
    const lines = res.plan.lines;
    return compared!.run(deadline, (a, b) => {
      for (let i = a; i < b; i++) {
        const l = lines[i];
        for (const f of FIELDS)
          if (l[f] !== plan.lines[i][f])
            inputs.push({ key: lineKey(l.projectId, l.source), field: f, value: l[f] });
      }
    });
  };
  const result = (): Recorded => ({
    plan: res!.plan,
    inputs,
    split: rec.split,
    summary: {
      file: r.file,
      end,
      kind: r.kind,
      matched: best.match.matched.length,
      unmatched: best.match.unmatched,
      dismissed: best.match.dismissed,
      doubtful: best.match.matched
        .filter((m: LineMatch) => m.doubtful || m.by === 'similar')
        .map((m) => ({ line: m.line, projectId: m.projectId })),
      differences: res!.differences,
      factor,
      ...(unit ? { unit } : {}),
      replaced: res!.replaced,
      warnings: [
        ...r.warnings,
        ...(r.asOf ? [] : [`no date: ${end}`]),
        ...(unit ? [unitNoteText(r.file, unit)] : []),
      ],
    },
  });
  return { step, result };
}

/**
 * A report recorded as the figures of its period (`fallbackEnd` when it names no date): the new
 * tracking, the allocation inputs it filled, and what it did; null without a disbursement table.
 */
export function recordReport(
  plan: AnnualPlan,
  r: ReportReading,
  fallbackEnd: string,
  /** The pairing made of this tracking beside the reading (a worker): taken as it is. */
  pre?: Prematch | null,
): Recorded | null {
  const steps = recordSteps(plan, r, fallbackEnd, pre);
  if (!steps) return null;
  steps.step(Infinity);
  return steps.result();
}

/**
 * Project rows an engine step writes at least (a divisor of BLOCK_ROWS, so chunks end on block
 * boundaries; any size gives the same figures): a whole block of 512 rows was one step of 25–140
 * ms of CPU at 100,000 projects (the first ones, not yet optimised by the JIT, the longest); a
 * row costs about 45 µs and a chunk a few ms more (the groups re-added): in all, chunks of 64 rows
 * cost 30–60% more CPU than of 512, of 128 rows 17% (30,000 projects, alternated, load 23).
 */
export const ROW_UNIT = 128;

/**
 * The steps of an import: 10 ms each, engine chunks of 128 rows, a first chunk of 128 matched lines
 * (before 2026-12-01: whole blocks of 512 rows and 512 lines, the bench's A/B passes them).
 */
export const IMPORT_STEPS: ImportSteps = { budget: STEP_BUDGET_MS, rows: ROW_UNIT, matches: 128 };

/**
 * The engine's update for a report recorded by `recordReport` (`got`), as a step run until done:
 * the allocations it filled (chunks of inputs), then the figures to date (chunks of project rows,
 * with the `target` rate of their blocks), each chunk sized to the step's time left; lines split by the
 * report's sources (`relaid`) are a new build, in steps too. A deadline of Infinity does it all in
 * one call.
 */
export function engineSteps(
  engine: ExecutionEngine,
  got: { plan: AnnualPlan; inputs: { key: string; field: LineInput; value: number }[] },
  relaid: boolean,
  target: number | null,
  /** Project rows per chunk at least (a divisor of the engine's block rows). */
  rowUnit = ROW_UNIT,
): Step {
  // lines split by the report's sources: the engine built anew in steps, swapped in at the end
  if (relaid) return engine.loadSteps(got.plan, target);
  const n = engine.size;
  const inputs = new Chunks(got.inputs.length, 512);
  // chunks of `rowUnit` rows, ending on block boundaries when they cross one (a block's subtotals
  // and the groups over it are added up again once per chunk: a few ms, so a chunk is not tiny)
  const rows = new Chunks(n, rowUnit, rowUnit);
  const read = toDateReader(got.plan);
  if (!n) engine.setTarget(target);
  return (deadline) => {
    if (deadline === Infinity && !inputs.done && !rows.done) {
      // at once: the allocations, then the figures that changed and the target, one evaluation
      if (got.inputs.length) engine.setInputs(got.inputs);
      engine.setToDate(got.plan, target);
      return true;
    }
    return (
      inputs.run(deadline, (a, b) => engine.setInputs(got.inputs.slice(a, b))) &&
      rows.run(deadline, (a, b) => engine.setToDateRows(read, a, b, target))
    );
  };
}

/**
 * The patch pairing a line of the last report with a project (the pair remembered; its figures
 * join the report's period), or marking it as not in the plan (`projectId` '').
 */
export function pairPatch(
  plan: AnnualPlan,
  imp: ImportSummary | null,
  line: ReportLine,
  projectId: string,
): ExecPatch {
  const patch: ExecPatch = { pairs: [{ key: reportLineKey(line), projectId }] };
  if (!projectId || !imp) return patch;
  const m: LineMatch = { line, projectId, by: 'user', doubtful: false };
  const res = applyReport(plan, [m], {
    end: imp.end,
    ...(imp.kind ? { kind: imp.kind } : {}),
    factor: imp.factor,
    merge: true,
    keepLines: true,
  });
  const period = res.plan.disbursed[res.period.id] ?? {};
  patch.lines = [];
  patch.disbursed = [];
  res.plan.lines.forEach((l, i) => {
    if (l.projectId !== projectId) return;
    const key = lineKey(l.projectId, l.source);
    for (const f of FIELDS)
      if (l[f] !== plan.lines[i][f]) patch.lines!.push({ key, field: f, value: l[f] });
    if (period[key]) patch.disbursed!.push({ periodId: res.period.id, key, value: period[key] });
  });
  return patch;
}

/**
 * The patch moving a line of the last report from the project it was paired with (a doubtful
 * pair) to another (`projectId`, '' = not in the plan): the first project's figures of the
 * report's period taken away, the line's figures given to the other, the pair remembered.
 */
export function repairPatch(
  plan: AnnualPlan,
  imp: ImportSummary,
  line: ReportLine,
  from: string,
  projectId: string,
): ExecPatch {
  const patch = pairPatch(plan, imp, line, projectId);
  const periodId = plan.periods.find((p) => p.end === imp.end)?.id ?? imp.end;
  const period = plan.disbursed[periodId] ?? {};
  const away = plan.lines
    .filter((l) => l.projectId === from && period[lineKey(l.projectId, l.source)])
    .map((l) => ({ periodId, key: lineKey(l.projectId, l.source), value: null }));
  return { ...patch, disbursed: [...away, ...(patch.disbursed ?? [])] };
}
