/**
 * What a tracking's engine has not been told yet: the edits (and their undo and redo) made while
 * the engine is being built in steps from the tracking as it was when the build began. Once built,
 * `catchUp` writes the net effect of them all from the tracking as it is then, in one batch: the
 * inputs they set (at their present values), the figures to date of the lines whose periods they
 * changed (all of them when the periods changed), the target. The engine then holds what one
 * built from the tracking of now holds, as after the same edits applied one by one.
 */
import { type AnnualPlan, type ExecLine } from '../domain/execution';
import { disbursedToDate } from '../domain/executionFigures';
import type { ExecutionEngine, LineInput } from '../engine/execution';
import type { ExecField, ExecPatch } from './executionPatch';

export class EngineLag {
  /** Inputs of lines set: line key → fields. */
  private inputs = new Map<string, Set<ExecField>>();
  /** Lines whose period figures changed. */
  private touched = new Set<string>();
  private periods = false;
  private targets = false;

  /** Whether there is anything to write. */
  get empty(): boolean {
    return !this.inputs.size && !this.touched.size && !this.periods && !this.targets;
  }

  /** A patch applied to the tracking (`touched`: the lines whose period figures it changed). */
  note(p: ExecPatch, touched: ReadonlySet<string>): void {
    for (const c of p.lines ?? []) {
      const had = this.inputs.get(c.key);
      if (had) had.add(c.field);
      else this.inputs.set(c.key, new Set([c.field]));
    }
    for (const k of touched) this.touched.add(k);
    if (p.periods) this.periods = true;
    if (p.targets) this.targets = true;
  }

  /**
   * Writes what the engine missed from `plan` (the tracking now; `line` its line by key, `target`
   * its target rate), as `TrackingCore.apply` writes an edit's; then forgets it.
   */
  catchUp(
    engine: ExecutionEngine,
    plan: AnnualPlan,
    line: (key: string) => ExecLine | undefined,
    target: number | null,
  ): void {
    const inputs: { key: string; field: LineInput; value: number }[] = [];
    for (const [key, fields] of this.inputs) {
      const l = line(key);
      if (!l) continue;
      for (const field of fields) inputs.push({ key, field, value: l[field] });
    }
    if (this.periods) engine.setToDate(plan, target);
    else
      for (const key of this.touched) {
        const d = disbursedToDate(plan, key);
        inputs.push(
          { key, field: 'ytdPlan', value: d.plan },
          { key, field: 'ytdCarry', value: d.carry },
        );
      }
    if (inputs.length) engine.setInputs(inputs);
    if (this.targets && !this.periods) engine.setTarget(target);
    this.inputs.clear();
    this.touched.clear();
    this.periods = false;
    this.targets = false;
  }
}
