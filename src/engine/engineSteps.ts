/** What a step asks of an appendix's engine sheet: rebuild, the cells typed, the step reversed. */
import type { SheetDelta } from '../domain/delta';
import { remapFormulaRows } from '../domain/formulaRefs';
import { rowMap } from '../domain/ops';
import { indexOfRows } from '../domain/rowIndex';
import type { AppendixSheet, Row } from '../domain/types';
import type { SheetLayout } from './layout';
import type { CheckedWrite } from './refusals';
import { rowWrites } from './writes';

/** A sheet header change the engine rebuilds the sheet for (its columns or column codes). */
export function rebuilds(a: AppendixSheet, b: AppendixSheet): boolean {
  return a.columns !== b.columns || a.hasCodeRow !== b.hasCodeRow || a.name !== b.name;
}

/** The delta of a sheet reversed (rows and order swapped). */
export function reverseSheetDelta(d: SheetDelta): SheetDelta {
  return {
    sheetId: d.sheetId,
    rows: d.rows.map((r) => ({ id: r.id, before: r.after, after: r.before })),
    ...(d.order ? { order: { before: d.order.after, after: d.order.before } } : {}),
  };
}

/**
 * The cells a structural step wrote on purpose: every cell of a new row, and cells of other rows
 * whose content is not just the old one with its references following the moved rows.
 */
export function typedCells(
  l: SheetLayout,
  before: readonly Row[],
  d: SheetDelta,
  after: readonly Row[],
): CheckedWrite[] {
  const index = indexOfRows(after);
  const map = d.order ? rowMap(before, after) : null;
  const out: CheckedWrite[] = [];
  for (const ch of d.rows) {
    if (!ch.after) continue;
    const i = index.get(ch.id)!;
    const old = ch.before ?? { ...ch.after, cells: {} };
    for (const w of rowWrites(l, old, ch.after, i)) {
      const was = ch.before?.cells[w.colId];
      if (
        map &&
        typeof was === 'string' &&
        was.startsWith('=') &&
        remapFormulaRows(was, map) === w.content
      )
        continue;
      out.push(w);
    }
  }
  return out;
}
