/**
 * Find on a plain grid sheet (Ctrl+F): the query matched over the sheet's cells (texts folded,
 * figures in either style, formulas by text and value); Enter and Shift+Enter go to the next and
 * previous cell found in the grid. The same bar, field and keys as the appendix's find.
 */
import type { GridApi } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { WorkbookSession } from '../app/session';
import { findInGrid } from '../domain/gridFind';
import type { GridItem } from './grid/gridContext';
import { FindControls } from './FindControls';
import './work.css';
import { useFindOpener } from './useFindOpener';

/** The find state of a plain sheet: open, query, hits and the current one. */
export function usePlainFind(
  session: WorkbookSession,
  gridId: string,
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>,
) {
  const { open, setOpen, input, openFind } = useFindOpener();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(-1);
  const grid = session.workbook.grids?.find((g) => g.id === gridId);
  const hits = useMemo(
    () => (grid ? findInGrid(grid, query, (r, c) => session.gridValue(gridId, r, c)) : []),
    [grid, query, session, gridId],
  );

  /** Goes to the next (or previous) hit: the grid's focus on it, the typing back in the field. */
  const step = (back: boolean) => {
    if (!hits.length) return;
    const k =
      index < 0
        ? back
          ? hits.length - 1
          : 0
        : (index + (back ? hits.length - 1 : 1)) % hits.length;
    setIndex(k);
    const api = apiRef.current;
    const h = hits[k];
    if (!api) return;
    api.ensureIndexVisible(h.r, 'middle');
    api.ensureColumnVisible(String(h.c));
    api.setFocusedCell(h.r, String(h.c));
    input.current?.focus();
  };

  const close = () => {
    setOpen(false);
    setQuery('');
    setIndex(-1);
    const api = apiRef.current;
    const f = api?.getFocusedCell();
    if (api && f) api.setFocusedCell(f.rowIndex, f.column.getColId());
  };

  return {
    open,
    openFind,
    query,
    setQuery: (q: string) => {
      setQuery(q);
      setIndex(-1);
    },
    hits,
    index,
    next: () => step(false),
    prev: () => step(true),
    close,
    input,
  };
}

/** The find bar of a plain sheet. */
export function PlainFindBar({ ff }: { ff: ReturnType<typeof usePlainFind> }) {
  if (!ff.open) return null;
  return (
    <div className="pb-findbar" role="search" data-testid="find-bar">
      <FindControls ff={ff} />
    </div>
  );
}
