/** Undo/redo history: each entry is one user step and what it changed (undo is that, reversed). */
import type { Delta } from '../domain/delta';

export interface HistoryEntry {
  label: string;
  /** What the step changed; undoing applies it reversed. */
  delta: Delta;
  /** The step's number in this workbook's history (given by `push`; kept in storage). */
  seq?: number;
}

/** The steps kept in storage with the workbook (each way), so undo survives a reload. */
export const STORED_STEPS = 200;

export class History {
  private past: HistoryEntry[] = [];
  private future: HistoryEntry[] = [];
  private nextSeq = 1;

  constructor(private readonly limit = 500) {}

  /** Records a step done by the user; clears the redo stack. */
  push(e: HistoryEntry): void {
    e.seq ??= this.nextSeq++;
    this.past.push(e);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  /** Takes the step to undo (its delta is then applied reversed). */
  takeUndo(): HistoryEntry | undefined {
    const e = this.past.pop();
    if (e) this.future.push(e);
    return e;
  }

  /** Takes the step to redo. */
  takeRedo(): HistoryEntry | undefined {
    const e = this.future.pop();
    if (e) this.past.push(e);
    return e;
  }

  /** Puts back a step whose undo or redo failed. */
  restore(e: HistoryEntry, wasUndo: boolean): void {
    if (wasUndo) {
      this.future.pop();
      this.past.push(e);
    } else {
      this.past.pop();
      this.future.push(e);
    }
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Label of the next undo and redo steps. */
  labels(): { undo?: string; redo?: string } {
    return { undo: this.past.at(-1)?.label, redo: this.future.at(-1)?.label };
  }

  /** Rewrites every kept step each way (`map` gives the step as it reads now: rows moved by others). */
  mapDeltas(map: (d: Delta) => Delta): void {
    const each = (e: HistoryEntry) => {
      const delta = map(e.delta);
      return delta === e.delta ? e : { ...e, delta };
    };
    this.past = this.past.map(each);
    this.future = this.future.map(each);
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }

  /** The newest steps each way (oldest first), at most `STORED_STEPS`: what storage keeps. */
  kept(): { past: HistoryEntry[]; future: HistoryEntry[] } {
    return { past: this.past.slice(-STORED_STEPS), future: this.future.slice(-STORED_STEPS) };
  }

  /** Takes back the steps storage kept (a reopened workbook): undo and redo go on from them. */
  load(past: readonly HistoryEntry[], future: readonly HistoryEntry[]): void {
    this.past = past.slice(-this.limit);
    this.future = future.slice();
    const top = Math.max(0, ...[...past, ...future].map((e) => e.seq ?? 0));
    this.nextSeq = Math.max(this.nextSeq, top + 1);
  }
}
