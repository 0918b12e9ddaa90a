/**
 * Plain sheets' cells on which this browser's store and the shared copy disagree (the page died
 * between its two writes): the shared value is followed and this browser's is offered, as for an
 * appendix's cells. A plain cell is named by its sheet id and its 0-based row and column ids.
 */
import type { Command } from '../domain/commands';
import { type CellInput, isBlankInput, type Workbook } from '../domain/types';

/** A cell whose two copies differ (`plain`: of a plain sheet, ids are 0-based positions). */
export interface PlainDivergence {
  sheetId: string;
  rowId: string;
  colId: string;
  local: CellInput;
  shared: CellInput;
  plain: true;
}

/** The plain cells of sheets present in both workbooks whose values differ. */
export function plainDivergences(mine: Workbook, shared: Workbook): PlainDivergence[] {
  const out: PlainDivergence[] = [];
  const grids = new Map((shared.grids ?? []).map((g) => [g.id, g]));
  for (const g of mine.grids ?? []) {
    const o = grids.get(g.id);
    if (!o || o.cells === g.cells) continue;
    const rows = Math.max(g.cells.length, o.cells.length);
    for (let r = 0; r < rows; r++) {
      const ra = g.cells[r] ?? [];
      const rb = o.cells[r] ?? [];
      if (ra === rb) continue;
      for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
        const a = ra[c];
        const b = rb[c];
        if (a === b || (isBlankInput(a) && isBlankInput(b))) continue;
        const local = a ?? null;
        const sharedValue = b ?? null;
        out.push({
          sheetId: g.id,
          rowId: String(r),
          colId: String(c),
          local,
          shared: sharedValue,
          plain: true,
        });
      }
    }
  }
  return out;
}

/** The step that keeps this browser's value of a plain cell. */
export function keepLocalPlain(d: PlainDivergence): Command {
  return {
    type: 'setGridCells',
    gridId: d.sheetId,
    changes: [{ r: Number(d.rowId), c: Number(d.colId), value: d.local }],
  };
}
