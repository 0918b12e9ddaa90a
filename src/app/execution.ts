/**
 * One open tracking of a year's execution: the annual plan, its live figures in the engine, the
 * history of the user's edits (each one undoable), the last imported report with the lines left to
 * pair, and saving every change to IndexedDB. An edit flows one way: patch → model + engine → history
 * → storage; an import of a report is a load (never an undo step).
 */
import {
  type AnnualPlan,
  type Disbursed,
  type ExecLine,
  type ExecPeriod,
  lineKey,
  type TargetPoint,
} from '../domain/execution';
import { applyReport, type ReportDifference } from '../domain/executionApply';
import { asOfDate, disbursedToDate, targetAt } from '../domain/executionFigures';
import {
  bestSheet,
  type LineMatch,
  type ReportLine,
  type ReportReading,
  reportLineKey,
} from '../domain/executionReport';
import { monthEnd, unitScale } from '../domain/executionText';
import { ExecutionEngine, type LineInput } from '../engine/execution';
import type { ExecutionRepo } from '../storage/executions';

export type { GroupKind, LiveFigures } from '../engine/execution';

export type ExecField = 'plan' | 'carry' | 'priorAllocated' | 'priorDisbursed';

/** A change to a tracking: new values of line figures, period figures, targets, pairs, periods. */
export interface ExecPatch {
  lines?: { key: string; field: ExecField; value: number }[];
  disbursed?: { periodId: string; key: string; value: Disbursed | null }[];
  targets?: TargetPoint[];
  pairs?: { key: string; projectId: string | null }[];
  periods?: ExecPeriod[];
}

/** What an import did: its period, the lines matched, those left to pair, the differences. */
export interface ImportSummary {
  file: string;
  end: string;
  matched: number;
  unmatched: ReportLine[];
  doubtful: { line: ReportLine; projectId: string }[];
  differences: ReportDifference[];
  factor: number;
  replaced: boolean;
  warnings: string[];
}

export type ExecSaveState = 'saved' | 'saving' | 'error';

type Entry = { label: string; redo: ExecPatch; undo: ExecPatch };

/** Why an edit was refused. */
export type ExecRefusal = 'notNumber' | 'negative' | 'noPeriod';

export class ExecutionSession {
  plan: AnnualPlan;
  readonly engine = new ExecutionEngine();
  lastImport: ImportSummary | null;
  saveState: ExecSaveState = 'saved';
  /** Changes stored so far (tests wait for it). */
  commits = 0;
  private past: Entry[] = [];
  private future: Entry[] = [];
  private index = new Map<string, number>();
  private listeners = new Set<() => void>();
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    readonly workbookId: string,
    plan: AnnualPlan,
    private readonly repo: ExecutionRepo | null,
    lastImport: ImportSummary | null = null,
  ) {
    this.plan = plan;
    this.lastImport = lastImport;
    this.reindex();
    this.engine.load(plan, this.target());
  }

  private reindex(): void {
    this.index = new Map(this.plan.lines.map((l, i) => [lineKey(l.projectId, l.source), i]));
  }

  /** The target rate at the tracking's as-of date. */
  target(plan = this.plan): number | null {
    const at = asOfDate(plan);
    return at ? targetAt(plan.targets, plan.year, at) : null;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** The line of a key (undefined when the tracking has none). */
  line(key: string): ExecLine | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.plan.lines[i];
  }

  /** The patch that undoes `p` on the current state. */
  private inverse(p: ExecPatch): ExecPatch {
    const plan = this.plan;
    const out: ExecPatch = {};
    if (p.lines)
      out.lines = p.lines.map((c) => ({ ...c, value: this.line(c.key)![c.field] })).reverse();
    if (p.disbursed)
      out.disbursed = p.disbursed
        .map((c) => ({ ...c, value: plan.disbursed[c.periodId]?.[c.key] ?? null }))
        .reverse();
    if (p.targets) out.targets = plan.targets;
    if (p.pairs)
      out.pairs = p.pairs.map((c) => ({
        key: c.key,
        projectId: Object.hasOwn(plan.pairs, c.key) ? plan.pairs[c.key] : null,
      }));
    if (p.periods) out.periods = plan.periods;
    return out;
  }

  /** Applies a patch to the model and the engine (no history, no validation). */
  private apply(p: ExecPatch): void {
    let plan = this.plan;
    const inputs: { key: string; field: LineInput; value: number }[] = [];
    if (p.lines?.length) {
      const lines = plan.lines.slice();
      for (const c of p.lines) {
        const i = this.index.get(c.key)!;
        lines[i] = { ...lines[i], [c.field]: c.value };
        inputs.push({ key: c.key, field: c.field, value: c.value });
      }
      plan = { ...plan, lines };
    }
    if (p.periods) plan = { ...plan, periods: p.periods };
    const touched = new Set<string>();
    if (p.disbursed?.length) {
      const disbursed = { ...plan.disbursed };
      for (const c of p.disbursed) {
        const period = { ...(disbursed[c.periodId] ?? {}) };
        if (c.value) period[c.key] = c.value;
        else delete period[c.key];
        disbursed[c.periodId] = period;
        touched.add(c.key);
      }
      plan = { ...plan, disbursed };
    }
    if (p.targets) plan = { ...plan, targets: p.targets };
    if (p.pairs?.length) {
      const pairs = { ...plan.pairs };
      for (const c of p.pairs) {
        if (c.projectId === null) delete pairs[c.key];
        else pairs[c.key] = c.projectId;
      }
      plan = { ...plan, pairs };
    }
    this.plan = { ...plan, updatedAt: Date.now() };
    if (p.periods) this.engine.setToDate(this.plan);
    else
      for (const key of touched) {
        const d = disbursedToDate(this.plan, key);
        inputs.push(
          { key, field: 'ytdPlan', value: d.plan },
          { key, field: 'ytdCarry', value: d.carry },
        );
      }
    if (inputs.length) this.engine.setInputs(inputs);
    if (p.periods || p.targets) this.engine.setTarget(this.target());
  }

  /** Checks a patch's figures: finite numbers, no negative allocation. */
  private refusal(p: ExecPatch): ExecRefusal | null {
    for (const c of p.lines ?? []) {
      if (!Number.isFinite(c.value)) return 'notNumber';
      if (c.value < 0) return 'negative';
    }
    for (const c of p.disbursed ?? []) {
      if (!c.value) continue;
      for (const v of [c.value.plan, c.value.carry])
        if (v !== null && !Number.isFinite(v)) return 'notNumber';
      if (
        !this.plan.periods.some((x) => x.id === c.periodId) &&
        !p.periods?.some((x) => x.id === c.periodId)
      )
        return 'noPeriod';
    }
    return null;
  }

  /** One user step: validated, applied, recorded for undo, stored. */
  edit(p: ExecPatch, label: string): { ok: true } | { ok: false; why: ExecRefusal } {
    const why = this.refusal(p);
    if (why) return { ok: false, why };
    const undo = this.inverse(p);
    this.apply(p);
    this.past.push({ label, redo: p, undo });
    if (this.past.length > 500) this.past.shift();
    this.future = [];
    this.changed();
    return { ok: true };
  }

  undo(): boolean {
    const e = this.past.pop();
    if (!e) return false;
    this.apply(e.undo);
    this.future.push(e);
    this.changed();
    return true;
  }

  redo(): boolean {
    const e = this.future.pop();
    if (!e) return false;
    this.apply(e.redo);
    this.past.push(e);
    this.changed();
    return true;
  }

  /** Sets a line's allocation figure (the year's plan, the carry-over, the figures to N−1). */
  setLine(key: string, field: ExecField, value: number) {
    return this.edit({ lines: [{ key, field, value }] }, `exec.${field}`);
  }

  /** Sets a period's disbursement of a line (part: of the year's plan or of the carry-over). */
  setDisbursed(periodId: string, key: string, part: 'plan' | 'carry', value: number | null) {
    const had = this.plan.disbursed[periodId]?.[key] ?? { plan: null, carry: null };
    const next = { ...had, [part]: value };
    return this.edit(
      {
        disbursed: [
          { periodId, key, value: next.plan === null && next.carry === null ? null : next },
        ],
      },
      'exec.disbursed',
    );
  }

  /**
   * Pastes a block of figures (rows of the grid by line key, columns by field) as one undo step:
   * allocations, and the period's disbursement of the year's plan or of the carry-over.
   */
  pasteCells(
    periodId: string | null,
    cells: { key: string; col: ExecField | 'ytdPlan' | 'ytdCarry'; value: number | null }[],
  ) {
    const lines: NonNullable<ExecPatch['lines']> = [];
    const figures = new Map<string, Disbursed>();
    for (const c of cells) {
      if (!this.line(c.key)) continue;
      if (c.col === 'ytdPlan' || c.col === 'ytdCarry') {
        if (!periodId) return { ok: false as const, why: 'noPeriod' as const };
        const had = figures.get(c.key) ??
          this.plan.disbursed[periodId]?.[c.key] ?? { plan: null, carry: null };
        figures.set(c.key, { ...had, [c.col === 'ytdPlan' ? 'plan' : 'carry']: c.value });
      } else lines.push({ key: c.key, field: c.col, value: c.value ?? 0 });
    }
    const disbursed = [...figures].map(([key, v]) => ({
      periodId: periodId!,
      key,
      value: v.plan === null && v.carry === null ? null : v,
    }));
    return this.edit(
      { ...(lines.length ? { lines } : {}), ...(disbursed.length ? { disbursed } : {}) },
      'exec.paste',
    );
  }

  /** Adds an empty period ending on `end` (a month typed by hand). */
  addPeriod(end: string, kind: ExecPeriod['kind'] = 'month') {
    if (this.plan.periods.some((p) => p.end === end)) return { ok: true as const };
    const periods = [...this.plan.periods, { id: end, end, kind }].sort((a, b) =>
      a.end < b.end ? -1 : 1,
    );
    return this.edit({ periods }, 'exec.addPeriod');
  }

  setTargets(targets: TargetPoint[]) {
    return this.edit(
      { targets: [...targets].sort((a, b) => (a.date < b.date ? -1 : 1)) },
      'exec.targets',
    );
  }

  /** The end of the next month after the last period (a report without a date). */
  private nextEnd(): string {
    const last = this.plan.periods.at(-1)?.end;
    if (!last) return monthEnd(this.plan.year, 1);
    const [y, m] = last.split('-').map(Number);
    return m === 12 ? monthEnd(y + 1, 1) : monthEnd(y, m + 1);
  }

  /**
   * Records a report read from a file as its period's figures (a load: the history is cleared).
   * Returns what was matched and what is left to pair, or null when no table has disbursement.
   */
  importReport(r: ReportReading): ImportSummary | null {
    const planScale = unitScale(this.plan.unit);
    const factor = r.scale && planScale ? r.scale / planScale : 1;
    const best = bestSheet(this.plan, r, factor);
    if (!best) return null;
    const end = r.asOf ?? this.nextEnd();
    const res = applyReport(this.plan, best.match.matched, {
      end,
      kind: r.kind,
      file: r.file,
      factor,
    });
    const before = this.plan.lines;
    this.plan = res.plan;
    const inputs: { key: string; field: LineInput; value: number }[] = [];
    res.plan.lines.forEach((l, i) => {
      for (const f of ['plan', 'carry', 'priorAllocated', 'priorDisbursed'] as const)
        if (l[f] !== before[i][f])
          inputs.push({ key: lineKey(l.projectId, l.source), field: f, value: l[f] });
    });
    this.engine.setToDate(res.plan);
    if (inputs.length) this.engine.setInputs(inputs);
    this.engine.setTarget(this.target());
    this.lastImport = {
      file: r.file,
      end,
      matched: best.match.matched.length,
      unmatched: best.match.unmatched,
      doubtful: best.match.matched
        .filter((m: LineMatch) => m.doubtful || m.by === 'similar')
        .map((m) => ({ line: m.line, projectId: m.projectId })),
      differences: res.differences,
      factor,
      replaced: res.replaced,
      warnings: [...r.warnings, ...(r.asOf ? [] : [`no date: ${end}`])],
    };
    this.past = [];
    this.future = [];
    this.changed();
    return this.lastImport;
  }

  /**
   * Pairs a line of the last report with a project (its figures join the report's period), or
   * marks it as not in the plan (`projectId` ''); remembered for the next reports. One undo step.
   */
  pair(line: ReportLine, projectId: string) {
    const imp = this.lastImport;
    const patch: ExecPatch = { pairs: [{ key: reportLineKey(line), projectId }] };
    if (projectId && imp) {
      const m: LineMatch = { line, projectId, by: 'user', doubtful: false };
      const res = applyReport(this.plan, [m], { end: imp.end, factor: imp.factor, merge: true });
      const period = res.plan.disbursed[res.period.id] ?? {};
      patch.lines = [];
      patch.disbursed = [];
      res.plan.lines.forEach((l, i) => {
        if (l.projectId !== projectId) return;
        const key = lineKey(l.projectId, l.source);
        for (const f of ['plan', 'carry', 'priorAllocated', 'priorDisbursed'] as const)
          if (l[f] !== this.plan.lines[i][f]) patch.lines!.push({ key, field: f, value: l[f] });
        if (period[key])
          patch.disbursed!.push({ periodId: res.period.id, key, value: period[key] });
      });
    }
    const r = this.edit(patch, projectId ? 'exec.pair' : 'exec.dismiss');
    if (r.ok && imp) {
      this.lastImport = {
        ...imp,
        unmatched: imp.unmatched.filter((l) => l !== line && l.line !== line.line),
      };
      this.changed();
    }
    return r;
  }

  private changed(): void {
    this.dirty = true;
    this.saveState = 'saving';
    this.notify();
    this.writing = this.writing.then(() => this.flush());
  }

  private async flush(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      await this.repo?.put(this.workbookId, this.plan, this.lastImport ?? undefined);
      this.commits++;
      if (!this.dirty) this.saveState = 'saved';
    } catch {
      this.saveState = 'error';
    }
    this.notify();
  }

  /** Resolves once every change so far is stored. */
  whenSaved(): Promise<void> {
    return this.writing;
  }

  close(): void {
    this.listeners.clear();
    this.engine.destroy();
  }
}
