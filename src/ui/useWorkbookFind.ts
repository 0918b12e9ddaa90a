/**
 * Find (Ctrl+F) over the whole workbook from any sheet: the query is matched over every appendix
 * and every plain grid sheet (off-screen rows included); Enter and Shift+Enter go to the next and
 * previous cell found, switching sheet (and view) when the hit is on another sheet, scrolling it
 * into view, then giving the typing back to the find field.
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { WorkbookSession } from '../app/session';
import { type FindHit, nextHit } from '../domain/find';
import { sheetOrder } from '../domain/workbookFind';
import { type GridCtx, type GridItem, isPinnedId } from './grid/gridContext';
import { type FindShared, findStoreOf, useFindShared } from './findStore';
import { useFindOpener } from './useFindOpener';
import { useReplace } from './useReplace';
import { useSteppedFind } from './useSteppedFind';
import type { StatusLineProps } from './StatusLine';

export interface WorkbookFindDeps {
  session: WorkbookSession;
  /** The sheet on screen (an appendix's or a plain grid sheet's id). */
  sheetId: string;
  onSheet: (id: string) => void;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
  ctxRef: React.MutableRefObject<GridCtx | null>;
  /** Which hits of the sheet on screen count (a row filter hides the others). */
  keep?: (h: FindHit) => boolean;
  /** Says on the status line what a replacement did. */
  say?: (m: StatusLineProps['message']) => void;
}

/** The place of a pinned totals row among the grid's pinned bottom rows (-1: not pinned now). */
function pinnedIndex(api: GridApi<GridItem>, rowId: string): number {
  for (let k = 0; k < api.getPinnedBottomRowCount(); k++)
    if (api.getPinnedBottomRow(k)?.data?.id === rowId) return k;
  return -1;
}

function sameHit(a: FindHit, b: FindHit): boolean {
  return a.sheetId === b.sheetId && a.rowId === b.rowId && a.colId === b.colId;
}

/** The find state and actions of the view on screen (shared by every view of the workbook). */
export function useWorkbookFind(d: WorkbookFindDeps) {
  const { session, sheetId, keep } = d;
  const store = findStoreOf(session);
  const shared = useFindShared(store);
  const { open, query, current } = shared;
  const setOpen = useCallback(
    (o: boolean, replace?: boolean) =>
      store.set(replace === undefined ? { open: o } : { open: o, replace }),
    [store],
  );
  const { input, openFind } = useFindOpener(setOpen);
  const deps = useRef(d);
  deps.current = d;
  const { apiRef, ctxRef } = d;

  // this view is the one a jump lands in while it is on screen
  useEffect(() => {
    const target = { apiRef, ctxRef, input };
    store.target = target;
    return () => {
      if (store.target === target) store.target = null;
    };
  }, [store, apiRef, ctxRef, input]);

  const { sheets, grids } = session.workbook;
  // searched in steps (a 100,000-project plan never blocks typing: useSteppedFind.ts)
  const found = useSteppedFind({ sheets, grids }, query, (g, r, c) => session.gridValue(g, r, c), {
    value: (s, r, c) => session.value(s, r, c),
    planUnit: session.workbook.meta.unit,
    totals: {
      sources: (s) => session.layout(s).sources,
      value: (s, source, c) => session.total(s, source, c),
    },
  });
  const kept = useCallback(
    (all: FindHit[]) => (keep ? all.filter((h) => h.sheetId !== sheetId || keep(h)) : all),
    [keep, sheetId],
  );
  const hits = useMemo(() => kept(found.hits), [kept, found.hits]);

  /** Puts the grid's focus on a hit (switching sheet first), then gives the focus back to the bar. */
  const show = useCallback(
    (h: FindHit) => {
      store.set({ current: h });
      if (h.sheetId !== deps.current.sheetId) deps.current.onSheet(h.sheetId);
      const t0 = performance.now();
      const go = () => {
        // the view on screen: another one when the hit is on a sheet of the other kind
        const target = store.target;
        const api = target?.apiRef.current;
        const ctx = target?.ctxRef.current;
        if (!target || !api || !ctx || ctx.sheetId !== h.sheetId || api.isDestroyed()) {
          if (performance.now() - t0 < 3000) setTimeout(go, 30);
          return;
        }
        if (isPinnedId(h.rowId)) {
          // a computed total pinned below the rows: always in view, focused where it is pinned
          const k = pinnedIndex(api, h.rowId);
          if (k < 0) return;
          api.ensureColumnVisible(h.colId);
          api.setFocusedCell(k, h.colId, 'bottom');
          target.input.current?.focus();
          return;
        }
        const i = ctx.index.get(h.rowId);
        if (i === undefined) return;
        api.ensureIndexVisible(i, 'middle');
        api.ensureColumnVisible(h.colId);
        api.setFocusedCell(i, h.colId);
        target.input.current?.focus();
      };
      go();
    },
    [store],
  );

  const step = useCallback(
    (back: boolean) => {
      // Enter while the search runs: it is finished now, its hits are the ones walked
      const list = found.searching ? kept(found.settle()) : hits;
      const h = nextHit(list, current, sheetOrder(deps.current.session.workbook), back);
      if (h) show(h);
    },
    [hits, current, show, found, kept],
  );

  const close = useCallback(() => {
    store.set({ open: false, query: '', current: null });
    const api = deps.current.apiRef.current;
    const f = api?.getFocusedCell();
    if (api && f) api.setFocusedCell(f.rowIndex, f.column.getColId());
  }, [store]);

  const next = useCallback(() => step(false), [step]);
  const replace = useReplace({ session, store, sheetId, keep, next, say: d.say });
  const index = current ? hits.findIndex((h) => h === current || sameHit(h, current)) : -1;
  return {
    ...replace,
    replacing: shared.replace,
    replacement: shared.replacement,
    matchCase: shared.matchCase,
    wholeCell: shared.wholeCell,
    said: shared.said,
    /** Changes the replace row's state (field, options, shown). */
    setReplace: (p: Partial<FindShared>) => store.set(p),
    open,
    openFind,
    setOpen,
    query,
    setQuery: (q: string) => store.set({ query: q, current: null, said: '' }),
    hits,
    searching: found.searching,
    index,
    next,
    prev: () => step(true),
    close,
    input,
  };
}
