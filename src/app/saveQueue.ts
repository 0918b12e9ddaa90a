/**
 * The save queue of an open workbook: each step's change is recorded ahead (localStorage) so that
 * a killed tab loses nothing — a small change in the edit's own task, a large one (a pasted block)
 * in the task right after the paint that shows it (only a tab killed within that frame loses it)
 * — then committed to IndexedDB in order, one transaction per step; "saved" means every change
 * is committed. A commit refused because another tab wrote first stops the queue (conflict)
 * instead of overwriting.
 */
import type { Id } from '../domain/types';
import { ConflictError, type StoredChange, type WorkbookRepo } from '../storage/repo';
import { type AheadEntry, type WriteAhead, writeAhead } from '../storage/writeAhead';
import { afterPaint } from './inSteps';
import { type StorageFailure, storageFailureOf } from './storageFailure';

export type SaveState = 'saved' | 'saving' | 'error' | 'conflict';

/**
 * Resolvers of writes waiting for their turn, and writers of large changes' records ahead
 * (`flushWrites` starts them at once, the records first).
 */
const waiting = new Set<() => void>();

/** Longest wait for a frame (a page that stops drawing does not hold a write back longer). */
const FRAME_WAIT_MS = 100;

/**
 * Resolves after the page's next paint where it draws (a task queued from the frame's callback
 * runs after the paint), else in the next task: the commit's structured clone of the changed rows
 * then never delays the edit's figures on screen.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      waiting.delete(go);
      cancel();
      resolve();
    };
    const cancel = afterPaint(go, FRAME_WAIT_MS);
    waiting.add(go);
  });
}

/** Starts every write still waiting for its turn now, records ahead first (the page goes away). */
export function flushWrites(): void {
  for (const go of [...waiting]) go();
}

/** Writes started and not yet committed, over every session of the page. */
let inFlight = 0;

/** Whether some edit is not committed to storage yet (leaving the page now could lose it). */
export function unsavedWrites(): boolean {
  return inFlight > 0;
}

/** The write-ahead record of this page (localStorage in the browser). */
const ahead: WriteAhead = writeAhead();

/** The page's write-ahead record (tests read it to see a change kept before its commit). */
export function pageWriteAhead(): WriteAhead {
  return ahead;
}

/**
 * Commits the changes a killed tab recorded ahead and did not commit (before the workbook is
 * loaded, by the tab that holds the edit lock); how many. Nothing recorded: storage is not read
 * (the open waits for no revision read).
 */
export async function replayAhead(
  repo: WorkbookRepo,
  id: Id,
  wal: WriteAhead = ahead,
): Promise<number> {
  const pending = wal.pending(id);
  if (!pending.length) return 0;
  let rev = await repo.revision(id);
  let n = 0;
  for (const e of pending) {
    if (e.baseRev < rev) {
      wal.remove(id, e.seq); // committed before the tab went away
      continue;
    }
    if (e.baseRev > rev) break;
    rev = await repo.commit(id, rev, e.change);
    wal.remove(id, e.seq);
    n++;
  }
  return n;
}

/**
 * Rows (put or deleted) up to which a change is recorded ahead in the edit's own task; a larger
 * one (a pasted block) after the next paint, in its own turn (never behind an earlier commit).
 */
export const AHEAD_AT_ONCE_ROWS = 100;

/**
 * Records `entry` ahead: at once when it is small (a typed edit: well under a millisecond); a
 * large change's record (1,000 pasted rows: ~365,000 characters, a JSON text and a localStorage
 * write of 10-30 ms on a quiet machine) waits for the paint that shows its figures, like its
 * commit, and is written in the task right after it (at the latest `FRAME_WAIT_MS` later, at
 * once when the page goes away: `flushWrites`). Returns what writes it now if not yet written.
 */
function recordAhead(wal: WriteAhead, id: Id, entry: AheadEntry): () => void {
  const { putRows, deleteRows } = entry.change;
  if (putRows.length + deleteRows.length <= AHEAD_AT_ONCE_ROWS) {
    wal.put(id, entry);
    return () => undefined;
  }
  let done = false;
  const write = () => {
    if (done) return;
    done = true;
    waiting.delete(write);
    cancel();
    wal.put(id, entry);
  };
  waiting.add(write);
  const cancel = afterPaint(write, FRAME_WAIT_MS);
  return write;
}

let seq = Date.now() * 1000;

export class SaveQueue {
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private _state: SaveState = 'saved';
  private listeners = new Set<(s: SaveState) => void>();
  /** Number of changes committed by this queue. */
  commits = 0;
  /**
   * Why storage refused a write: from then on nothing more is written (what is stored stays as it
   * was); the workbook stays editable in the page and the user is offered a .planbook file.
   */
  failure: StorageFailure | null = null;

  constructor(
    private readonly repo: WorkbookRepo | null,
    private readonly workbookId: Id,
    /** The stored revision this queue's next change applies to. */
    public rev: number,
    private readonly wal: WriteAhead = ahead,
  ) {}

  get state(): SaveState {
    return this._state;
  }

  /** Whether changes are waiting for their commit. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /**
   * Records the change ahead (at once when small, else after the next paint: see `recordAhead`),
   * and commits it after the changes before it.
   */
  push(change: StoredChange): void {
    if (!this.repo || this.failure || this._state === 'conflict') return;
    const repo = this.repo;
    const id = this.workbookId;
    const entry = { seq: ++seq, baseRev: this.rev + this.pending, change };
    const recorded = recordAhead(this.wal, id, entry);
    this.pending++;
    inFlight++;
    this.set('saving');
    // the commit starts after the next paint, once the grid has shown the edit (its structured
    // clone of the changed rows would otherwise delay the totals on screen); the record above is
    // kept
    this.queue = this.queue.then(nextTask).then(async () => {
      try {
        recorded(); // (already written unless the paint came before its own turn)
        if (this.failure) throw this.failure; // never a later change without this one
        this.rev = await repo.commit(id, this.rev, change);
        this.wal.remove(id, entry.seq);
        this.commits++;
        inFlight--;
        if (--this.pending === 0 && this._state === 'saving') this.set('saved');
      } catch (e) {
        inFlight--;
        this.pending--;
        if (e instanceof ConflictError) this.set('conflict');
        else {
          // storage refused: nothing more is written, not even on the next open (the user keeps
          // the workbook through a .planbook file)
          this.wal.remove(id, entry.seq);
          this.failure ??= storageFailureOf(e);
          this.set('error');
        }
      }
    });
  }

  /** Resolves when every change so far is committed (or refused). */
  whenSaved(): Promise<void> {
    return this.queue;
  }

  /** Starts again from a stored revision (a reload): nothing waits. */
  reset(rev: number): void {
    this.rev = rev;
    this.set('saved');
  }

  onState(fn: (s: SaveState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  set(s: SaveState): void {
    this._state = s;
    for (const l of this.listeners) l(s);
  }

  close(): void {
    this.listeners.clear();
  }
}
