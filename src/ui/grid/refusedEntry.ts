/**
 * A refused entry is never thrown away: the cell's editor opens again with the text as typed,
 * marked with the reason, for the user to correct (Esc gives up). Leaving the same text again
 * does not reopen it (no trap).
 */
import type { GridApi } from 'ag-grid-community';
import type { GridCtx, GridItem } from './gridContext';

/** The entry waiting to be reopened, and the last one reopened (never twice the same). */
interface Pending {
  rowId: string;
  colId: string;
  text: string;
}
const pending = new WeakMap<GridCtx, Pending>();
const last = new WeakMap<GridCtx, Pending>();

const same = (a: Pending | undefined, b: Pending) =>
  !!a && a.rowId === b.rowId && a.colId === b.colId && a.text === b.text;

/** Opens the cell's editor again with the refused text (a task later, after the grid moved on). */
export function reopenRefused(
  api: GridApi<GridItem> | null,
  ctx: GridCtx,
  rowId: string,
  colId: string,
  text: string,
): void {
  const p = { rowId, colId, text };
  if (!api || same(last.get(ctx), p)) return;
  pending.set(ctx, p);
  last.set(ctx, p);
  setTimeout(() => {
    const i = ctx.index.get(rowId);
    if (i === undefined || api.isDestroyed() || api.getEditingCells().length) return;
    api.ensureIndexVisible(i);
    api.setFocusedCell(i, colId);
    api.startEditingCell({ rowIndex: i, colKey: colId });
  }, 0);
}

/** The refused text an editor opening on this cell starts with (once), or null. */
export function takeRefused(ctx: GridCtx, rowId: string, colId: string): string | null {
  const p = pending.get(ctx);
  if (!p || p.rowId !== rowId || p.colId !== colId) return null;
  pending.delete(ctx);
  return p.text;
}

/** An accepted entry: the next refusal of the same text reopens again. */
export function acceptedEntry(ctx: GridCtx): void {
  last.delete(ctx);
  pending.delete(ctx);
}
