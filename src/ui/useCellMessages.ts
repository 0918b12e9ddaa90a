/**
 * What the status line and the grid say about a cell's edit: a refused entry named by its cell
 * (`Ô E5: …`), the refused cell marked in the grid until the next accepted entry, a paste's
 * skipped cells, and any other refusal of an action.
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback } from 'react';
import type { Refusal, RefusalCode } from '../app/commands';
import type { WorkbookSession } from '../app/session';
import { columnLetter, leaves } from '../domain/columns';
import type { GridCtx, GridItem } from './grid/gridContext';
import type { T } from './i18n';
import type { StatusLineProps } from './StatusLine';
import type { StringKey } from './strings';

export interface CellMessagesDeps {
  session: WorkbookSession;
  sheetId: string;
  t: T;
  setMessage: (m: StatusLineProps['message']) => void;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
  ctxRef: React.MutableRefObject<GridCtx | null>;
}

/** The messages of a sheet's cells (see the file's comment), as callbacks for the grid. */
export function useCellMessages({
  session,
  sheetId,
  t,
  setMessage,
  apiRef,
  ctxRef,
}: CellMessagesDeps) {
  /** A cell's name as the name box shows it (`E5`), '' when the row or column is gone. */
  const cellName = useCallback(
    (rowId: string | undefined, colId: string | undefined) => {
      const s = session.workbook.sheets.find((x) => x.id === sheetId)!;
      const i = rowId ? s.rows.findIndex((r) => r.id === rowId) : -1;
      const c = colId ? leaves(s.columns).findIndex((l) => l.id === colId) : -1;
      return i >= 0 && c >= 0 ? `${columnLetter(c)}${i + 1}` : '';
    },
    [session, sheetId],
  );
  const refusalText = useCallback(
    (r: Refusal) =>
      t('refused', {
        cell: cellName(r.rowId, r.colId),
        why: t(`r_${r.code}`, { detail: r.detail ?? '' }),
      }),
    [t, cellName],
  );
  const say = useCallback(
    (key: StringKey, params?: Record<string, string | number>) =>
      setMessage({ text: t(key, params), kind: 'error' }),
    [t, setMessage],
  );
  const onRefused = useCallback(
    (rowId: string, colId: string, code: RefusalCode, detail?: string) => {
      const ctx = ctxRef.current;
      const text = refusalText({ code, rowId, colId, detail });
      if (ctx) ctx.refused = { rowId, colId, message: text };
      setMessage({ text, kind: 'error' });
      const node = apiRef.current?.getRowNode(rowId);
      if (node) apiRef.current?.refreshCells({ rowNodes: [node], force: true });
    },
    [refusalText, setMessage, apiRef, ctxRef],
  );
  // a pasted text in an amount cell is marked as a typed one is (the same message, the cell)
  const onRangeRefused = useCallback(
    (r: Refusal) =>
      r.code === 'notNumber' && r.rowId && r.colId
        ? onRefused(r.rowId, r.colId, r.code, r.detail)
        : setMessage({ text: refusalText(r), kind: 'error' }),
    [onRefused, refusalText, setMessage],
  );
  const onAccepted = useCallback(() => {
    const ctx = ctxRef.current;
    if (ctx?.refused) {
      const node = apiRef.current?.getRowNode(ctx.refused.rowId);
      ctx.refused = null;
      if (node) apiRef.current?.refreshCells({ rowNodes: [node], force: true });
    }
    setMessage(null);
  }, [setMessage, apiRef, ctxRef]);
  const onPasteSkipped = useCallback(
    (n: number) => setMessage({ text: t('pasteSkipped', { n }), kind: 'info' }),
    [t, setMessage],
  );
  return { cellName, say, onRefused, onRangeRefused, onAccepted, onPasteSkipped };
}
