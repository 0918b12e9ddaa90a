/** Frozen copy of src/domain/ops.ts's setCells at 30ceb7d, before it copied a row once per call (oracle for src/app/setCellsSame.test.ts only). */
import { shareIndex } from '../../../src/domain/rowIndex';
import { rowIndex, type CellChange } from '../../../src/domain/ops';
import type { AppendixSheet } from '../../../src/domain/types';

/** Sets raw cells; a null value removes the cell; rows whose cells do not change stay the same. */
export function setCells(sheet: AppendixSheet, changes: readonly CellChange[]): AppendixSheet {
  const idx = rowIndex(sheet);
  const rows = sheet.rows.slice();
  for (const ch of changes) {
    const i = idx.get(ch.rowId);
    if (i === undefined) throw new Error(`row ${ch.rowId} not found`);
    const value = ch.value === '' ? null : ch.value;
    if ((rows[i].cells[ch.colId] ?? null) === value) continue; // unchanged: the row stays the same
    const cells = { ...rows[i].cells };
    if (ch.value === null || ch.value === '') delete cells[ch.colId];
    else cells[ch.colId] = ch.value;
    rows[i] = { ...rows[i], cells };
  }
  shareIndex(sheet.rows, rows);
  return { ...sheet, rows };
}
