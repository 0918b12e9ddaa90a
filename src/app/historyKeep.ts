/**
 * Keeps an editing session's undo history with its workbook in storage, so undo survives a
 * reload: after each step is committed, the newest steps (bounded) are written with the revision
 * they lead to; on open they are taken back only if that revision is still the stored one.
 */
import type { Delta } from '../domain/delta';
import type { Id } from '../domain/types';
import type { HistoryRepo, KeptHistory, KeptStep } from '../storage/history';
import type { HistoryEntry } from './history';
import type { WorkbookSession } from './session';

/** A delta as kept: sheet headers without their rows (applying a delta takes rows from the sheet). */
export function slimDelta(d: Delta): Delta {
  if (!d.sheets.some((s) => s.header)) return d;
  return {
    ...d,
    sheets: d.sheets.map((s) =>
      s.header
        ? {
            ...s,
            header: {
              before: { ...s.header.before, rows: [] },
              after: { ...s.header.after, rows: [] },
            },
          }
        : s,
    ),
  };
}

/** The history entries of a session as kept steps (bounded by `History.kept`). */
export function keptSteps(session: WorkbookSession, rev: number): KeptHistory<Delta> {
  const { past, future } = session.history.kept();
  const step = (e: HistoryEntry): KeptStep<Delta> => ({
    seq: e.seq ?? 0,
    label: e.label,
    delta: slimDelta(e.delta),
  });
  return { rev, past: past.map(step), future: future.map(step) };
}

/** Takes back a kept history when it belongs to the revision the session opened at. */
export function restoreHistory(
  session: WorkbookSession,
  kept: KeptHistory | undefined,
  rev: number,
): boolean {
  if (!kept || kept.rev !== rev) return false;
  const entry = (s: KeptStep): HistoryEntry => ({
    seq: s.seq,
    label: s.label,
    delta: s.delta as Delta,
  });
  session.history.load(kept.past.map(entry), kept.future.map(entry));
  return true;
}

/**
 * Writes the session's history after its steps are committed (writes in order, one at a time);
 * a read-only session writes nothing. Returns a function that stops and resolves when the last
 * write is done.
 */
export function keepHistory(
  session: WorkbookSession,
  repo: HistoryRepo,
  workbookId: Id,
): { stop: () => void; idle: () => Promise<void> } {
  let chain: Promise<void> = Promise.resolve();
  let waiting = false;
  const schedule = () => {
    waiting = true;
    // the history is updated after the step's listeners: write once its commit is done
    void session.whenSaved().then(write);
  };
  const write = () => {
    waiting = false;
    if (session.readOnly) return;
    const rev = session.committedRev;
    if (rev === null) {
      if (session.saveState === 'saving') schedule(); // steps came meanwhile: after them
      return;
    }
    const h = keptSteps(session, rev);
    chain = chain.then(() => repo.save(workbookId, h)).catch(() => undefined);
  };
  const off = session.subscribe(() => {
    if (!waiting) schedule();
  });
  return { stop: off, idle: () => chain };
}
