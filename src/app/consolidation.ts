/**
 * ConsolidationSession: a consolidation workbook open for work. Every edit of the consolidator is
 * a command applied with its inverse (undo, redo); receiving files and removing a submission are
 * not edits (loads, never undo steps: the history follows them). The consolidated appendix is
 * recomputed from the submissions in force, and the state is stored in one transaction per change
 * (received files with it, removed ones deleted with it).
 */
import { consolidate, isBlank } from '../domain/consolidate';
import {
  applyConsolidation,
  type ConsolidationCommand,
  ConsolidationRefused,
  rebaseCommand,
  stateOf,
} from '../domain/consolidateEdits';
import type { Consolidation, Submission } from '../domain/consolidateTypes';
import { ConflictError } from '../storage/repo';
import type { ConsolidationRepo, LoadedConsolidation } from '../storage/consolidations';
import { type PendingSubmission, statusBoard, type UnitStatus } from './consolidationIntake';
import {
  type InForceChange,
  type Received,
  receiveFiles,
  type Withdrawal,
  withdrawal,
  withdrawSubmission,
} from './consolidationReceipt';
import { LiveConsolidation, type LiveTable, type ProposedWrite } from './consolidationLive';
import type { SaveState } from './session';

export type { UnitStatus };

interface Step {
  label: string;
  redo: ConsolidationCommand;
  undo: ConsolidationCommand;
}

export class ConsolidationSession {
  private st: Consolidation;
  private subs: Map<string, Submission>;
  private rev: number;
  private past: Step[] = [];
  private future: Step[] = [];
  private cached: LiveTable | null = null;
  /** The appendix in the engine: subtotals, totals and differences are its formulas. */
  readonly live = new LiveConsolidation();
  private listeners = new Set<() => void>();
  private saveListeners = new Set<(s: SaveState) => void>();
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private _save: SaveState = 'saved';
  readOnly = false;

  constructor(
    loaded: LoadedConsolidation,
    private readonly repo: ConsolidationRepo | null,
  ) {
    this.st = loaded.consolidation;
    this.subs = new Map(loaded.submissions);
    this.rev = loaded.rev;
  }

  get state(): Consolidation {
    return this.st;
  }

  get submissions(): ReadonlyMap<string, Submission> {
    return this.subs;
  }

  get saveState(): SaveState {
    return this._save;
  }

  /**
   * The consolidated appendix of the current state: laid out by the domain, its subtotals, grand
   * total, per-unit and per-section figures and differences computed by the engine.
   */
  get table(): LiveTable {
    return (this.cached ??= this.live.load(consolidate(this.st, this.subs)));
  }

  /**
   * The requested figure of a project row in a form column; undefined for a cell no unit filled
   * (a 0 proposed there is a proposal, not the requested figure again).
   */
  private requested = (key: string, column: string): number | undefined => {
    const j = this.st.form.columns.findIndex((f) => f.id === column);
    const row = this.table.rows.find((r) => r.key === key && r.kind === 'project');
    return row && j >= 0 && !isBlank(row.filled, 'requested', j) ? row.requested[j] : undefined;
  };

  /** The proposed amounts a command sets, or null when it changes anything else. */
  private static proposedOnly(cmd: ConsolidationCommand): ProposedWrite[] | null {
    if (cmd.type === 'setProposed') return [{ key: cmd.key, column: cmd.column }];
    if (cmd.type !== 'batch') return null;
    const out: ProposedWrite[] = [];
    for (const c of cmd.commands) {
      const w = ConsolidationSession.proposedOnly(c);
      if (!w) return null;
      out.push(...w);
    }
    return out;
  }

  /** Releases the engine (the session is not used after). */
  close(): void {
    this.live.destroy();
  }

  /** Applies a user step; a refused step changes nothing and says why. */
  dispatch(cmd: ConsolidationCommand, label: string): { ok: true } | { ok: false; why: string } {
    const r = this.run(cmd);
    if (!r.ok) return r;
    this.past.push({ label, redo: cmd, undo: r.inverse });
    this.future = [];
    return { ok: true };
  }

  undo(): boolean {
    const step = this.past.pop();
    if (!step) return false;
    const r = this.run(step.undo);
    if (!r.ok) {
      this.past.push(step);
      return false;
    }
    this.future.push({ ...step, redo: r.inverse });
    return true;
  }

  redo(): boolean {
    const step = this.future.pop();
    if (!step) return false;
    const r = this.run(step.redo);
    if (!r.ok) {
      this.future.push(step);
      return false;
    }
    this.past.push({ ...step, undo: r.inverse });
    return true;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Labels of the next undo and redo steps. */
  labels(): { undo?: string; redo?: string } {
    return { undo: this.past.at(-1)?.label, redo: this.future.at(-1)?.label };
  }

  private run(
    cmd: ConsolidationCommand,
    received: Received[] = [],
    dropped: string[] = [],
  ): { ok: true; inverse: ConsolidationCommand } | { ok: false; why: string } {
    if (this.readOnly)
      return { ok: false, why: this._save === 'conflict' ? 'conflict' : 'readOnly' };
    try {
      const r = applyConsolidation(this.st, cmd, this.requested);
      this.st = r.state;
      // a proposed amount goes to the engine alone; anything else lays the appendix out again
      const edits = this.cached ? ConsolidationSession.proposedOnly(cmd) : null;
      this.cached = edits && this.live.patch(this.st, edits) ? this.live.table : null;
      this.persist(received, dropped);
      for (const l of this.listeners) l();
      return { ok: true, inverse: r.inverse };
    } catch (e) {
      if (e instanceof ConsolidationRefused) return { ok: false, why: e.message };
      throw e;
    }
  }

  /**
   * Receives read files, in order: each becomes its unit's submission in force (a re-submission
   * replaces the unit's rows, carrying the proposals of unchanged projects). A load, never an undo
   * step: undo and redo go on over the user's own edits (re-keyed to the carried projects).
   */
  receive(files: PendingSubmission[]): { ok: true } | { ok: false; why: string } {
    const ok = files.filter((f) => f.submission && f.workbook);
    if (!ok.length) return { ok: false, why: 'nothing' };
    const change = receiveFiles(this.st, this.subs, ok);
    const r = this.moveInForce(change, change.received, []);
    if (!r.ok) for (const x of change.received) this.subs.delete(x.submission.id);
    return r;
  }

  /** What removing the unit's submission in force takes away and brings back (undefined: none). */
  withdrawal(unitKey: string): Withdrawal | undefined {
    return withdrawal(this.st, this.subs, unitKey);
  }

  /**
   * Removes the unit's submission in force (received by mistake): gone from the submissions and
   * from storage, the unit's earlier one back in force, else the unit missing again. Not an undo
   * step, as receiving is not (the file can be received again); undo goes on over the user's edits.
   */
  withdraw(unitKey: string): { ok: true } | { ok: false; why: string } {
    const w = this.withdrawal(unitKey);
    if (!w) return { ok: false, why: 'nothing' };
    const r = this.moveInForce(withdrawSubmission(this.st, w), [], [w.removed.id]);
    if (r.ok) this.subs.delete(w.removed.id);
    return r;
  }

  /** Applies a change of the submissions in force outside the history, which follows it. */
  private moveInForce(
    change: InForceChange,
    received: Received[],
    dropped: string[],
  ): { ok: true } | { ok: false; why: string } {
    const r = this.run({ type: 'replaceState', state: stateOf(change.next) }, received, dropped);
    if (!r.ok) return r;
    const rebase = (steps: Step[]) =>
      steps.flatMap((s) => {
        const redo = rebaseCommand(s.redo, change.rekey, change.gone);
        const undo = rebaseCommand(s.undo, change.rekey, change.gone);
        return redo && undo ? [{ ...s, redo, undo }] : [];
      });
    this.past = rebase(this.past);
    this.future = rebase(this.future);
    return { ok: true };
  }

  /** The status board: expected units first (in the form's order), then the others. */
  status(): UnitStatus[] {
    return statusBoard(this.st, this.subs, this.table.byUnit);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onSaveState(fn: (s: SaveState) => void): () => void {
    this.saveListeners.add(fn);
    return () => this.saveListeners.delete(fn);
  }

  /** Resolves when every change so far is stored. */
  whenSaved(): Promise<void> {
    return this.queue;
  }

  private setSave(s: SaveState): void {
    this._save = s;
    for (const l of this.saveListeners) l(s);
  }

  private persist(received: Received[], dropped: string[]): void {
    if (!this.repo) return;
    const repo = this.repo;
    const state = this.st;
    this.pending++;
    this.setSave('saving');
    this.queue = this.queue.then(async () => {
      try {
        this.rev = await repo.save(state, this.rev, received, dropped);
        if (--this.pending === 0 && this._save === 'saving') this.setSave('saved');
      } catch (e) {
        this.pending--;
        this.readOnly = true;
        this.setSave(e instanceof ConflictError ? 'conflict' : 'error');
      }
    });
  }
}
