/**
 * The first edits after a workbook opens used to pay for code that had never run on the page:
 * the command, the workbook diff, HyperFormula's write and partial recalculation, the checks'
 * update, the views' follow-up (their functions compiled on first call, their shapes learnt). Once
 * the opened workbook's engine is built and the page is idle, WARM_EDITS edits are run, a few per
 * idle period, through a throwaway session over the embedded sample plan, so the user's first
 * edits find that code ready and optimized (one warm edit left the first ten at ~1.5× the CPU of
 * later ones at 10,000 projects: V8 optimizes a function only after many calls). The
 * throwaway session has no storage (nothing is written, no write-ahead record), its own history,
 * and is closed at once: nothing of it is visible to the user.
 */
import { leaves } from '../domain/columns';
import { cellPolicy } from '../domain/policy';
import type { Id, Workbook } from '../domain/types';
import { commitText } from './editing';
import { whenIdle } from './inSteps';
import { sampleWorkbook } from './sample';
import { WorkbookSession } from './session';

let done = false;

/** A project cell the user could type a figure into (sheet, row and column ids), if any. */
export function editableCell(wb: Workbook): { sheetId: Id; rowId: Id; colId: Id } | null {
  for (const sheet of wb.sheets) {
    if (sheet.kind !== 'appendix') continue;
    const cols = leaves(sheet.columns);
    for (const row of sheet.rows) {
      if (row.kind !== 'project') continue;
      for (const leaf of cols) {
        const p = cellPolicy(sheet, row, leaf);
        if (p.editable && p.numeric && p.target === leaf.id)
          return { sheetId: sheet.id, rowId: row.id, colId: leaf.id };
      }
    }
  }
  return null;
}

/** Edits the warm-up runs in all: V8 optimizes a function after many calls, not after one. */
export const WARM_EDITS = 24;
/** Edits per idle period (each a few ms over the sample plan). */
const PER_STEP = 4;

/** A throwaway, storage-less session over the sample plan (its own engine, history and mark). */
function warmSession(): WorkbookSession {
  return new WorkbookSession(
    { workbook: sampleWorkbook(), order: new Map(), rev: 0 },
    null,
    false,
    // its engine is not the opened workbook's: one `pb:engine-ready` per open, this its own mark
    { defer: false, mark: 'pb:warm-edit' },
  );
}

/** Runs `n` figure edits, each undone, on `session`'s cell `at` (values from `from` on). */
function warmEdits(
  session: WorkbookSession,
  at: { sheetId: Id; rowId: Id; colId: Id },
  from: number,
  n: number,
): boolean {
  let ok = true;
  for (let k = from; k < from + n; k++) {
    const r = commitText(session, at.sheetId, at.rowId, at.colId, `${1234 + k},5`);
    session.undo();
    ok &&= r.ok && r.changed;
  }
  return ok;
}

/**
 * Runs `edits` figure edits (each undone) through a throwaway, storage-less session over the
 * sample plan; true when they ran. Side-effect free for every other session.
 */
export function warmEditPath(edits = 1): boolean {
  const session = warmSession();
  try {
    const at = editableCell(session.workbook);
    return !!at && warmEdits(session, at, 0, edits);
  } finally {
    session.close();
  }
}

/**
 * Once per page: after `built` resolves (the opened workbook's engine is built), warms the edit
 * path with WARM_EDITS edits, a few per idle period (never inside a task the user waits for).
 */
export function warmEditWhenIdle(built: Promise<void>): void {
  if (done) return;
  done = true;
  // where the page has no idle periods (tests, old engines) nothing is warmed
  if (typeof (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback !== 'function')
    return;
  let session: WorkbookSession | null = null;
  let ran = 0;
  const step = () => {
    try {
      session ??= warmSession();
      const at = editableCell(session.workbook);
      if (at) warmEdits(session, at, ran, PER_STEP);
      ran += PER_STEP;
      if (at && ran < WARM_EDITS) {
        whenIdle(step, 5000);
        return;
      }
    } catch {
      // a warm-up only: the real edit path reports its own errors
    }
    session?.close();
    session = null;
  };
  void built.then(() => whenIdle(step, 5000));
}
