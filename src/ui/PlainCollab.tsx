/**
 * Working together on a plain sheet: tells the others which cell this person is on, keeps the
 * grid's conflict and presence marks up to date, and shows the selected cell's conflict above
 * the grid (every value kept, who wrote it, a button to keep one) and the sync panel (connection,
 * conflicts, the audit trail of the selected cell or of the workbook) — as on an appendix.
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { WorkbookSession } from '../app/session';
import type { SyncLink } from '../app/syncLink';
import { CellConflict } from './CellConflict';
import { collabAt } from './grid/collabMarks';
import type { GridCtx, GridItem } from './grid/gridContext';
import { SyncPanel, SyncToggle } from './SyncPanel';
import { useCollabMarks } from './useCollabMarks';

export function PlainCollab({
  session,
  link,
  gridId,
  at,
  readOnly,
  ctxRef,
  apiRef,
}: {
  session: WorkbookSession;
  link: SyncLink | undefined;
  gridId: string;
  /** The focused cell (0-based), or null. */
  at: { r: number; c: number } | null;
  readOnly: boolean;
  ctxRef: React.MutableRefObject<GridCtx | null>;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
}) {
  const r = at?.r;
  const c = at?.c;
  const selected = useMemo(
    () =>
      r === undefined || c === undefined
        ? null
        : { sheetId: gridId, rowId: String(r), colId: String(c) },
    [gridId, r, c],
  );
  useEffect(() => {
    if (!link) return undefined;
    // tell the others which cell this person is on (again when a connection starts)
    let shown = link.snapshot.sync;
    shown?.setCell(selected);
    return link.subscribe(() => {
      const now = link.snapshot.sync;
      if (now && now !== shown) now.setCell(selected);
      shown = now;
    });
  }, [link, selected]);
  const collab = useCollabMarks(link, gridId, ctxRef, apiRef);
  const [showSync, setShowSync] = useState(false);
  const linked = link?.snapshot.sync;
  if (!link) return null;
  return (
    <>
      <div className="pb-plain-sync">
        <SyncToggle link={link} onClick={() => setShowSync((x) => !x)} />
      </div>
      {showSync && <SyncPanel link={link} session={session} cell={selected} />}
      {linked && selected && (
        <CellConflict
          sync={linked}
          mark={collabAt(collab, selected.rowId, selected.colId)}
          readOnly={readOnly}
          onBack={() => apiRef.current?.setFocusedCell(r ?? 0, String(c ?? 0))}
        />
      )}
    </>
  );
}
