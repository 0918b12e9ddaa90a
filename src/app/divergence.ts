/**
 * Cells this browser's store and its copy of the shared document disagree on: both copies are
 * written at each step, in two databases, so a page that died between the two writes leaves them
 * apart; the shared copy is followed and the other values are shown, not lost.
 */
import { type CellInput, isBlankInput, type Workbook } from '../domain/types';
import { plainDivergences } from './plainDivergence';

/** A cell whose value in this browser's store differs from its copy of the shared document. */
export interface Divergence {
  /** Of a plain sheet: `sheetId` is the sheet's id, `rowId`/`colId` its 0-based position. */
  plain?: true;
  sheetId: string;
  rowId: string;
  colId: string;
  /** The value this browser's store held (the shared copy's value is shown meanwhile). */
  local: CellInput;
  shared: CellInput;
}

/** Cells of rows present in both workbooks whose values differ. */
export function divergences(mine: Workbook, shared: Workbook): Divergence[] {
  const out: Divergence[] = [];
  const sheets = new Map(shared.sheets.map((s) => [s.id, s]));
  for (const s of mine.sheets) {
    const o = sheets.get(s.id);
    if (!o || o.rows === s.rows) continue;
    const rows = new Map(o.rows.map((r) => [r.id, r]));
    for (const r of s.rows) {
      const x = rows.get(r.id);
      if (!x || x.cells === r.cells) continue;
      for (const colId of new Set([...Object.keys(r.cells), ...Object.keys(x.cells)])) {
        const a = r.cells[colId];
        const b = x.cells[colId];
        if (a === b || (isBlankInput(a) && isBlankInput(b))) continue;
        out.push({ sheetId: s.id, rowId: r.id, colId, local: a ?? null, shared: b ?? null });
      }
    }
  }
  return [...out, ...plainDivergences(mine, shared)];
}
