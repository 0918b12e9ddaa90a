/**
 * Keeps the appendix grid's marks of working together up to date: each change of the sync state
 * (a conflict found or settled, someone moving to another cell) is mapped to cell marks, and the
 * rows whose marks changed are redrawn.
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef, useState } from 'react';
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

/** Writes the names of the people on a cell onto its element (the CSS shows them on it). */
function labelPeople(marks: CollabMarks | null): void {
  const grid = document.querySelector('[data-testid=plan-grid]');
  if (!grid) return;
  for (const el of grid.querySelectorAll('.ag-cell[data-presence]'))
    el.removeAttribute('data-presence');
  for (const [k, m] of marks ?? []) {
    if (!m.people.length) continue;
    const [rowId, colId] = k.split('\u0000');
    const sel = `.ag-row[row-id="${CSS.escape(rowId)}"] .ag-cell[col-id="${CSS.escape(colId)}"]`;
    for (const el of grid.querySelectorAll(sel))
      el.setAttribute('data-presence', m.people.join(', '));
  }
}

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
  const watched = useRef<GridApi<GridItem> | null>(null);
  // after every render: a grid built again (another sheet, new columns) gets the marks too
  useEffect(() => {
    const ctx = ctxRef.current;
    const api = apiRef.current;
    if (api && watched.current !== api) {
      // cells drawn anew by scrolling get the names of the people on them again
      watched.current = api;
      const relabel = () =>
        requestAnimationFrame(() => {
          if (!api.isDestroyed()) labelPeople(ctxRef.current?.collab ?? null);
        });
      api.addEventListener('viewportChanged', relabel);
      api.addEventListener('virtualColumnsChanged', relabel);
    }
    if (!ctx || (ctx.collab ?? null) === shown.marks) return;
    const ids = new Set([...rowIds(ctx.collab), ...rowIds(shown.marks)]);
    ctx.collab = shown.marks;
    if (!api) return;
    const rowNodes = [...ids].flatMap((id) => api.getRowNode(id) ?? []);
    if (rowNodes.length) api.refreshCells({ rowNodes, force: true });
    labelPeople(shown.marks);
  });
  return shown.marks;
}
