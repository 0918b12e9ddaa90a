/**
 * Row indexes under a filter. Planbook's grid code speaks in plan row indexes (the sheet's rows);
 * AG Grid speaks in displayed indexes, which differ once a filter hides rows. The grid API handed
 * to Planbook is wrapped so that the calls taking or giving a row index translate it (identity
 * when nothing is filtered); events and DOM attributes are read by row id instead.
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { GridCtx, GridItem } from './gridContext';

/** The rows a filter shows (ids), or null: everything shown. Read by the grid's external filter. */
const shownOf = new WeakMap<GridCtx, ReadonlySet<string> | null>();

/** Sets the rows a filter shows (null: all) and lets the grid filter again. */
export function setShown(
  api: GridApi<GridItem> | null,
  ctx: GridCtx,
  shown: ReadonlySet<string> | null,
): void {
  shownOf.set(ctx, shown);
  api?.onFilterChanged();
}

/** The rows the filter shows, or null. */
export function shownRows(ctx: GridCtx): ReadonlySet<string> | null {
  return shownOf.get(ctx) ?? null;
}

/** Whether a row is shown under the filter (undefined: no filter, every row is). */
export function shownRow(ctx: GridCtx): ((r: { id: string }) => boolean) | undefined {
  const s = shownOf.get(ctx);
  return s ? (r) => s.has(r.id) : undefined;
}

/** The grid's external filter over the context (pinned totals are never filtered). */
export function externalFilter(ctx: GridCtx) {
  return {
    isExternalFilterPresent: () => !!shownOf.get(ctx),
    doesExternalFilterPass: (n: IRowNode<GridItem>) => {
      const s = shownOf.get(ctx);
      return !s || !n.data || s.has(n.data.id);
    },
  };
}

/** The plan index of a grid node (its row id through the context), or null. */
export function planIndexOf(ctx: GridCtx, n: IRowNode<GridItem> | null | undefined): number | null {
  if (!n || n.rowPinned || !n.data) return null;
  return ctx.index.get(n.data.id) ?? null;
}

/** The API of a grid, speaking plan row indexes. */
export function planIndexApi(api: GridApi<GridItem>, ctx: GridCtx): GridApi<GridItem> {
  const rows = () => ctx.session.workbook.sheets.find((s) => s.id === ctx.sheetId)?.rows ?? [];
  /** A plan index → the displayed index (a hidden row: the next shown one). */
  const shown = (i: number): number => {
    if (!shownOf.get(ctx)) return i;
    const rs = rows();
    for (let k = i; k < rs.length; k++) {
      const n = api.getRowNode(rs[k].id);
      if (n && n.displayed && n.rowIndex !== null) return n.rowIndex;
    }
    return Math.max(0, api.getDisplayedRowCount() - 1);
  };
  const plan = (d: number): number => {
    if (!shownOf.get(ctx)) return d;
    return planIndexOf(ctx, api.getDisplayedRowAtIndex(d)) ?? d;
  };
  const wrapped: Partial<GridApi<GridItem>> = {
    ensureIndexVisible: (i, pos) => api.ensureIndexVisible(shown(i), pos),
    setFocusedCell: (i, col, pinned) => api.setFocusedCell(pinned ? i : shown(i), col, pinned),
    startEditingCell: (p) =>
      api.startEditingCell(p.rowPinned ? p : { ...p, rowIndex: shown(p.rowIndex) }),
    getDisplayedRowAtIndex: (i) =>
      shownOf.get(ctx) ? api.getRowNode(rows()[i]?.id ?? '') : api.getDisplayedRowAtIndex(i),
    getFocusedCell: () => {
      const c = api.getFocusedCell();
      return c && !c.rowPinned ? { ...c, rowIndex: plan(c.rowIndex) } : c;
    },
  };
  return new Proxy(api, {
    get(target, prop, receiver) {
      const own = (wrapped as Record<string | symbol, unknown>)[prop];
      if (own) return own;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
