/**
 * Recording a matched report in a year's tracking: the period it covers, the disbursement from
 * 01/01 to the period's end of each matched project (of the year's plan and of the carry-over, per
 * source when the report splits by the tracking's sources, else shared in proportion to the plan),
 * and the allocations the report states where the tracking has none yet (the year's plan when the
 * plan had no column for the year, the carry-over, the cumulative figures to the end of N−1).
 * `ReportRecording` does it by ranges of lines then of matched lines (a session records a large
 * report in short steps); `applyReport` does it at once.
 */
import {
  type AnnualPlan,
  type Disbursed,
  type ExecLine,
  type ExecPeriod,
  lineKey,
} from './execution';
import { disbursedToDate } from './executionFigures';
import { dayBefore, periodStart } from './executionPeriods';
import type { LineMatch } from './executionReport';
import type { Measure } from './executionColumns';
import type { IsoDate } from './executionText';
import { clean } from './numbers';
import {
  getter,
  periodFor,
  share,
  sourcesOf,
  splitBySource,
  total,
  yearToDate,
} from './executionApplyParts';

/** A figure of the report that differs from the tracking's (kept as the tracking has it). */
export interface ReportDifference {
  projectId: string;
  line: number;
  field: 'plan' | 'carry' | 'priorAllocated' | 'priorDisbursed';
  tracking: number;
  report: number;
}

export interface ApplyResult {
  plan: AnnualPlan;
  period: ExecPeriod;
  /** The period replaced figures recorded before for the same date. */
  replaced: boolean;
  differences: ReportDifference[];
  /** Allocations taken from the report (the tracking had none). */
  filled: number;
}

/** How a report is recorded (see `applyReport`). */
export interface ApplyOptions {
  end: IsoDate;
  kind?: ExecPeriod['kind'];
  file?: string;
  factor?: number;
  /** Add the lines to the period's figures instead of replacing them (a line the user paired). */
  merge?: boolean;
  /** Never split a project's line by the report's sources (a pair made by the user). */
  keepLines?: boolean;
}

const FIELDS: [ReportDifference['field'], Measure][] = [
  ['plan', 'plan'],
  ['carry', 'carry'],
  ['priorAllocated', 'priorAllocated'],
  ['priorDisbursed', 'priorDisbursed'],
];

/**
 * A report being recorded in a tracking (the input is never changed): `copy` every line (ranges in
 * order, `lineCount` in all), then `record` every matched line (ranges in order, `matchCount`),
 * then `finish` gives the new tracking — the same as `applyReport` whatever the ranges.
 */
export class ReportRecording {
  readonly period: ExecPeriod;
  readonly replaced: boolean;
  private readonly factor: number;
  private readonly lines: ExecLine[];
  private readonly byProject = new Map<string, ExecLine[]>();
  /** Lines split by the report's sources, put in their line's place at the end (one pass). */
  private readonly splits = new Map<ExecLine, ExecLine[]>();
  /** The checkpoint figures *in* the period add to (null: none). */
  private readonly lastBefore: IsoDate | null;
  private readonly figures: Record<string, Disbursed>;
  private readonly differences: ReportDifference[] = [];
  private filled = 0;

  constructor(
    private readonly plan: AnnualPlan,
    private readonly matched: readonly LineMatch[],
    private readonly o: ApplyOptions,
  ) {
    this.factor = o.factor ?? 1;
    ({ period: this.period, replaced: this.replaced } = periodFor(
      plan,
      o.end,
      o.kind ?? 'month',
      o.file,
    ));
    this.lines = new Array<ExecLine>(plan.lines.length);
    // figures *in* the period add to the checkpoint before its first day (a quarter's: the end of
    // the quarter before, never a month inside it); a period dated mid-month follows the one before
    const start = periodStart({ end: o.end, kind: o.kind ?? this.period.kind });
    const earlier = plan.periods.filter((p) => p.end < o.end);
    this.lastBefore = start
      ? dayBefore(start)
      : earlier.length
        ? earlier[earlier.length - 1].end
        : null;
    // a merge adds lines to the period's figures (a line the user paired); otherwise they are replaced
    this.figures = o.merge ? { ...(plan.disbursed[this.period.id] ?? {}) } : {};
  }

  /** Lines of the tracking to copy. */
  get lineCount(): number {
    return this.plan.lines.length;
  }

  /** Matched lines of the report to record. */
  get matchCount(): number {
    return this.matched.length;
  }

  /** Copies the tracking's lines `from`..`to`−1 (after those before them). */
  copy(from: number, to: number): void {
    const { lines, byProject } = this;
    for (let i = from; i < to; i++) {
      const l = { ...this.plan.lines[i] };
      lines[i] = l;
      const own = byProject.get(l.projectId);
      if (own) own.push(l);
      else byProject.set(l.projectId, [l]);
    }
  }

  /** Records the matched lines `from`..`to`−1 (every line copied, those before them recorded). */
  record(from: number, to: number): void {
    for (let k = from; k < to; k++) this.recordOne(this.matched[k]);
  }

  private recordOne(m: LineMatch): void {
    const { plan, o } = this;
    let own = this.byProject.get(m.projectId);
    if (!own?.length) return;
    const get = getter(m.line, this.factor);
    const split = o.keepLines
      ? null
      : splitBySource(plan, own, get('plan', 'all') ?? get('ytd', 'all'));
    if (split) {
      this.splits.set(own[0], split);
      this.byProject.set(m.projectId, split);
      own = split;
    }
    // allocations the report states: taken where the tracking has none, else compared
    for (const [field, measure] of FIELDS) {
      const f = get(measure, 'all');
      const stated = total(f);
      if (stated === null) continue;
      const have = own.reduce((a, l) => a + l[field], 0);
      if (Math.abs(have) < 1e-9 && Math.abs(stated) > 1e-9) {
        const parts = share(stated, own, f, (l) => l.plan || l.priorAllocated);
        own.forEach((l, i) => (l[field] = parts[i]));
        this.filled++;
      } else if (Math.abs(have - stated) > 1e-6 * Math.max(1, Math.abs(stated)))
        this.differences.push({
          projectId: m.projectId,
          line: m.line.line,
          field,
          tracking: clean(have),
          report: stated,
        });
    }
    const lastBefore = this.lastBefore;
    const lines = own;
    const before = () => {
      const b = { plan: 0, carry: 0 };
      if (!lastBefore) return b;
      for (const l of lines) {
        const d = disbursedToDate(plan, lineKey(l.projectId, l.source), lastBefore);
        b.plan += d.plan;
        b.carry += d.carry;
      }
      return b;
    };
    const prior = own.reduce((a, l) => a + l.priorDisbursed, 0);
    const anyCarry = own.some((l) => Math.abs(l.carry) > 1e-9);
    const ytd = yearToDate(get, before, prior);
    if (ytd.plan === null && ytd.carry === null) return;
    const planParts = ytd.plan === null ? null : share(ytd.plan, own, ytd.planSplit, (l) => l.plan);
    const carryParts =
      ytd.carry === null
        ? null
        : share(ytd.carry, own, ytd.carrySplit, (l) => (anyCarry ? l.carry : l.plan));
    own.forEach((l, i) => {
      this.figures[lineKey(l.projectId, l.source)] = {
        plan: planParts ? planParts[i] : null,
        carry: carryParts ? carryParts[i] : null,
      };
    });
  }

  /** Some project's line was split by the report's sources (the lines are laid out anew). */
  get split(): boolean {
    return this.splits.size > 0;
  }

  /** The recorded tracking (every line copied and every match recorded before). */
  finish(): ApplyResult {
    const { plan, o, period } = this;
    const lines = this.splits.size
      ? this.lines.flatMap((l) => this.splits.get(l) ?? [l])
      : this.lines;
    const periods = [...plan.periods.filter((p) => p.end !== o.end), period].sort((a, b) =>
      a.end < b.end ? -1 : a.end > b.end ? 1 : 0,
    );
    const disbursed = { ...plan.disbursed, [period.id]: this.figures };
    return {
      plan: {
        ...plan,
        sources: sourcesOf(plan.sources, lines),
        lines,
        periods,
        disbursed,
        updatedAt: Date.now(),
      },
      period,
      replaced: this.replaced,
      differences: this.differences,
      filled: this.filled,
    };
  }
}

/**
 * Records the matched lines of a report as the figures of the period ending `end` (a new tracking
 * object; the input is not changed). `factor` converts the report's unit to the tracking's.
 */
export function applyReport(
  plan: AnnualPlan,
  matched: readonly LineMatch[],
  o: ApplyOptions,
): ApplyResult {
  const r = new ReportRecording(plan, matched, o);
  r.copy(0, r.lineCount);
  r.record(0, r.matchCount);
  return r.finish();
}
