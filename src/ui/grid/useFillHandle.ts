/** Where the fill handle sits: the bottom-right corner of the selection's last cell, on screen. */
import { type RefObject, useCallback, useState } from 'react';
import type { GridCtx } from './gridContext';

/** The handle's position in the grid's wrapper (px), and a call that places it after a change. */
export function useFillHandle(
  wrapper: RefObject<HTMLDivElement | null>,
  ctx: GridCtx,
): { handle: { x: number; y: number } | null; placeHandle: () => void } {
  const [handle, setHandle] = useState<{ x: number; y: number } | null>(null);
  const placeHandle = useCallback(() => {
    requestAnimationFrame(() => {
      const el = wrapper.current;
      const sel = ctx.selection;
      if (!el || !sel) return setHandle(null);
      const rowId = ctx.adapter.rowId(sel.r1) ?? '';
      const cell = el.querySelector(
        `.ag-row[row-id="${CSS.escape(rowId)}"] [col-id="${ctx.leafIds[sel.c1]}"]`,
      );
      if (!cell) return setHandle(null);
      const a = el.getBoundingClientRect();
      const b = cell.getBoundingClientRect();
      setHandle({ x: b.right - a.left - 4, y: b.bottom - a.top - 4 });
    });
  }, [wrapper, ctx]);
  return { handle, placeHandle };
}
