/**
 * The first edits after a workbook opens used to pay for code that had never run on the page:
 * the command, the workbook diff, HyperFormula's write and partial recalculation, the checks'
 * update, the views' follow-up (their functions compiled on first call, their shapes learnt). Once
 * the opened workbook's engine is built and the page is idle, one edit is run through a throwaway
 * session over the embedded sample plan, so the user's first edit finds that code ready. The
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

/**
 * Runs one figure edit (and its undo) through a throwaway, storage-less session over the sample
 * plan; true when an edit ran. Side-effect free for every other session.
 */
export function warmEditPath(): boolean {
  const session = new WorkbookSession(
    { workbook: sampleWorkbook(), order: new Map(), rev: 0 },
    null,
    false,
    // its engine is not the opened workbook's: one `pb:engine-ready` per open, this its own mark
    { defer: false, mark: 'pb:warm-edit' },
  );
  try {
    const at = editableCell(session.workbook);
    if (!at) return false;
    const r = commitText(session, at.sheetId, at.rowId, at.colId, '1234,5');
    session.undo();
    return r.ok && r.changed;
  } finally {
    session.close();
  }
}

/**
 * Once per page: after `built` resolves (the opened workbook's engine is built), warms the edit
 * path in an idle period (never inside a task the user waits for).
 */
export function warmEditWhenIdle(built: Promise<void>): void {
  if (done) return;
  done = true;
  // where the page has no idle periods (tests, old engines) nothing is warmed
  if (typeof (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback !== 'function')
    return;
  void built.then(() =>
    whenIdle(() => {
      try {
        warmEditPath();
      } catch {
        // a warm-up only: the real edit path reports its own errors
      }
    }, 5000),
  );
}
