/**
 * Test helpers for numbering steps: a session over a workbook, its first sheet's numbers as one
 * line, and a step checked done → undone → redone.
 */
import { expect } from 'vitest';
import type { Workbook } from '../domain/types';
import type { RowActionResult } from './rowActions';
import { WorkbookSession } from './session';

/** A session over the workbook, with no storage. */
export const open = (wb: Workbook) =>
  new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);

/** The session's first sheet. */
export const sheetOf = (s: WorkbookSession) => s.workbook.sheets[0];

/** The first sheet's numbers (TT) but the total rows, each after a dot per level if `levels`. */
export const numbersOf = (s: WorkbookSession, levels = false) =>
  sheetOf(s)
    .rows.filter((r) => r.kind !== 'total')
    .map((r) => `${levels ? '.'.repeat(r.level) : ''}${String(r.cells.tt ?? '')}`)
    .join(' ');

/** Dispatches a row action's command (it must not be refused). */
export function run(s: WorkbookSession, r: RowActionResult) {
  if ('refused' in r) throw new Error(r.refused);
  expect(s.dispatch(r.command, 'x').ok).toBe(true);
}

/** Runs a step, then undo and redo, checking the numbers (as `tts` reads them) at each point. */
export function checkedStep(
  s: WorkbookSession,
  r: RowActionResult,
  want: string,
  tts: (s: WorkbookSession) => string,
) {
  const before = tts(s);
  run(s, r);
  expect(tts(s)).toBe(want);
  expect(s.undo()).toBe(true);
  expect(tts(s)).toBe(before);
  expect(s.redo()).toBe(true);
  expect(tts(s)).toBe(want);
}
