/**
 * Keeps the appendix grid's marks of working together up to date: each change of the sync state
 * (a conflict found or settled, someone moving to another cell) is mapped to cell marks, and the
 * rows whose marks changed are redrawn (the grid's cell classes and renderers draw the marks and
 * the people's names; nothing is written into the grid's elements from here).
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useState } from 'react';
import type { SyncLink } from '../app/syncLink';
import { type CollabMarks, collabMarks, marksSignature } from './grid/collabMarks';
import type { GridCtx, GridItem } from './grid/gridContext';
import './collab.css';

interface Shown {
  sig: string;
  marks: CollabMarks | null;
}

const NONE: Shown = { sig: '', marks: null };

const rowIds = (m: CollabMarks | null | undefined) =>
  [...(m?.keys() ?? [])].map((k) => k.slice(0, k.indexOf('\u0000')));

/** The marks of the shown sheet (null: not connected, or nothing to mark). */
export function useCollabMarks(
  link: SyncLink | undefined,
  sheetId: string,
  ctxRef: React.MutableRefObject<GridCtx | null>,
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>,
): CollabMarks | null {
  const [shown, setShown] = useState<Shown>(NONE);
  useEffect(() => {
    const update = () => {
      const st = link?.snapshot.state;
      const m = st ? collabMarks(sheetId, st.conflicts, st.presence) : null;
      const next: Shown = m && m.size ? { sig: marksSignature(m), marks: m } : NONE;
      setShown((prev) => (prev.sig === next.sig ? prev : next));
    };
    update();
    return link?.subscribe(update);
  }, [link, sheetId]);
  // after every render: a grid built again (another sheet, new columns) gets the marks too
  useEffect(() => {
    const ctx = ctxRef.current;
    const api = apiRef.current;
    if (!ctx || (ctx.collab ?? null) === shown.marks) return;
    const ids = new Set([...rowIds(ctx.collab), ...rowIds(shown.marks)]);
    ctx.collab = shown.marks;
    if (!api) return;
    const rowNodes = [...ids].flatMap((id) => api.getRowNode(id) ?? []);
    // the cells are drawn again: their classes, and the people's names (`PresenceCell`)
    if (rowNodes.length) api.refreshCells({ rowNodes, force: true });
  });
  return shown.marks;
}
