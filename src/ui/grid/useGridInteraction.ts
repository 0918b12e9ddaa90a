/**
 * Excel-style interaction on top of AG Grid Community: range selection (drag, Shift+click,
 * Shift+arrows, Ctrl+A, row and column headers), copy/cut/paste with the system clipboard, fill
 * (handle, Ctrl+D, Ctrl+R) and clearing a range.
 */
import type {
  CellFocusedEvent,
  ColumnHeaderClickedEvent,
  GridApi,
  IRowNode,
} from 'ag-grid-community';
import { useCallback, useEffect, useRef } from 'react';
import { attachClipboard } from './gridClipboard';
import type { PasteResult } from '../../app/clipboard';
import type { Command, Refusal } from '../../app/commands';
import { type CellPos, type CellRange, spanOf, step } from '../../app/selection';
import type { WorkbookSession } from '../../app/session';
import type { GridCtx, GridItem } from './gridContext';
import { planIndexOf } from './planIndexApi';
import { cellAt, fillByKey, fillTargetTo, SHIFT_ARROWS, union } from './rangeGeometry';

export interface InteractionDeps {
  session: WorkbookSession;
  sheetId: string;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
  ctx: GridCtx;
  onRefused: (r: Refusal) => void;
  onDone: () => void;
  onSelection: (r: CellRange | null) => void;
  /** A paste or fill skipped this many values over computed cells (section sums, totals). */
  onSkipped?: (n: number) => void;
}

/** The number of body rows of the sheet, whatever its kind. */
function rowCount(d: InteractionDeps): number {
  return d.ctx.adapter.rowCount();
}

/** The grid's range selection, fill, clearing and clipboard handlers for one sheet's grid. */
export function useGridInteraction(d: InteractionDeps) {
  const deps = useRef(d);
  deps.current = d;
  const drag = useRef<'select' | 'fill' | null>(null);
  /**
   * Until this time, a grid focus event inside the range keeps it: AG Grid reports focus after the
   * pointer or key that caused it, and Planbook has already set the range by then.
   */
  const keepUntil = useRef(0);

  /** Redraws the rendered cells that the old or new selection (or cut, fill target) covers. */
  const repaint = useCallback((before: CellRange | null) => {
    const { apiRef, ctx } = deps.current;
    const api = apiRef.current;
    const u = union(union(before, ctx.selection), union(ctx.cut, ctx.fillTarget));
    if (!api || !u) return;
    const nodes = api.getRenderedNodes().filter((n: IRowNode<GridItem>) => {
      const i = planIndexOf(ctx, n);
      return i !== null && i >= u.r0 && i <= u.r1;
    });
    // only the cells the ranges cover change their marks (a whole row is ~20 cells to redraw)
    const columns = ctx.leafIds.slice(u.c0, u.c1 + 1);
    if (nodes.length) api.refreshCells({ rowNodes: nodes, columns, force: true });
  }, []);

  const select = useCallback(
    (range: CellRange | null, anchor?: CellPos | null) => {
      const { ctx } = deps.current;
      const before = ctx.selection;
      ctx.selection = range;
      if (anchor !== undefined) ctx.anchor = anchor;
      repaint(before);
      deps.current.onSelection(range);
    },
    [repaint],
  );

  const posOf = (rowIndex: number | null, colId: string): CellPos | null => {
    const col = deps.current.ctx.leafIndex.get(colId);
    if (rowIndex === null) return null;
    return { row: rowIndex, col: col ?? 0 };
  };

  const press = useCallback(
    (e: PointerEvent) => {
      if (e.button !== 0) return;
      const target = e.target as Element;
      if (target.closest('.pb-fill-handle')) {
        drag.current = 'fill';
        keepUntil.current = performance.now() + 500;
        e.preventDefault();
        return;
      }
      const p = cellAt(deps.current.ctx, target);
      if (!p) return;
      const { ctx } = deps.current;
      const lastCol = ctx.leafIds.length - 1;
      keepUntil.current = performance.now() + 500;
      drag.current = 'select';
      if (p.gutter) {
        const a = e.shiftKey && ctx.anchor ? ctx.anchor : { row: p.row, col: 0 };
        select({ r0: Math.min(a.row, p.row), c0: 0, r1: Math.max(a.row, p.row), c1: lastCol }, a);
      } else if (e.shiftKey && ctx.anchor) select(spanOf(ctx.anchor, p));
      else select(spanOf(p, p), p);
    },
    [select],
  );

  const move = useCallback(
    (e: PointerEvent) => {
      if (!drag.current) return;
      const p = cellAt(deps.current.ctx, document.elementFromPoint(e.clientX, e.clientY));
      const { ctx } = deps.current;
      if (!p || !ctx.selection) return;
      keepUntil.current = performance.now() + 500;
      if (drag.current === 'select' && ctx.anchor) {
        const to = p.gutter ? { row: p.row, col: ctx.leafIds.length - 1 } : p;
        const s = ctx.selection;
        const next = spanOf(ctx.anchor, to);
        if (next.r0 !== s.r0 || next.r1 !== s.r1 || next.c0 !== s.c0 || next.c1 !== s.c1)
          select(next);
      } else if (drag.current === 'fill') {
        const before = ctx.fillTarget;
        ctx.fillTarget = fillTargetTo(ctx.selection, p);
        repaint(before);
      }
    },
    [select, repaint],
  );

  const run = useCallback(
    (r: PasteResult | { command: Command; range?: CellRange } | null, after?: CellRange) => {
      const { session, ctx } = deps.current;
      if (!r) return false;
      if ('refusals' in r) {
        if (r.refusals.length) deps.current.onRefused(r.refusals[0]);
        return false;
      }
      const res = session.dispatch(r.command, 'range');
      if (!res.ok) {
        deps.current.onRefused(res.refusals[0]);
        return false;
      }
      const range = after ?? ('range' in r ? r.range : undefined);
      if (range) {
        ctx.selection = range;
        deps.current.onSelection(range);
      }
      deps.current.onDone();
      if ('skipped' in r && r.skipped) deps.current.onSkipped?.(r.skipped);
      return true;
    },
    [],
  );

  const finishFill = useCallback(() => {
    const { ctx } = deps.current;
    const target = ctx.fillTarget;
    ctx.fillTarget = null;
    if (!target || !ctx.selection) return repaint(target);
    const src = ctx.selection;
    run(ctx.adapter.fill(ctx, src, target), union(src, target)!);
    repaint(target);
  }, [repaint, run]);

  useEffect(() => {
    const up = () => {
      if (drag.current === 'fill') finishFill();
      drag.current = null;
    };
    document.addEventListener('pointerup', up, true);
    return () => document.removeEventListener('pointerup', up, true);
  }, [finishFill]);

  const onColumnHeaderClicked = useCallback(
    (e: ColumnHeaderClickedEvent<GridItem>) => {
      const id = 'getColId' in e.column ? e.column.getColId() : '';
      const c = deps.current.ctx.leafIndex.get(id);
      if (c === undefined) return;
      select({ r0: 0, c0: c, r1: rowCount(deps.current) - 1, c1: c }, { row: 0, col: c });
    },
    [select],
  );

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridItem>) => {
      if (e.rowIndex === null || e.rowPinned || drag.current) return;
      const colId = typeof e.column === 'string' ? e.column : (e.column?.getColId() ?? '');
      const p = posOf(e.rowIndex, colId);
      const s = deps.current.ctx.selection;
      if (
        p &&
        s &&
        performance.now() < keepUntil.current &&
        p.row >= s.r0 &&
        p.row <= s.r1 &&
        p.col >= s.c0 &&
        p.col <= s.c1
      )
        return;
      if (p && !(s && s.r0 === p.row && s.r1 === p.row && s.c0 === p.col && s.c1 === p.col))
        select(spanOf(p, p), p);
    },
    [select],
  );

  /** Extends the selection from its anchor to `next`, which gets the grid's focus. */
  const extendTo = useCallback(
    (next: CellPos) => {
      const { ctx, apiRef } = deps.current;
      const api = apiRef.current;
      if (!api || !ctx.anchor) return;
      select(spanOf(ctx.anchor, next));
      keepUntil.current = performance.now() + 500;
      api.ensureIndexVisible(next.row);
      api.ensureColumnVisible(ctx.leafIds[next.col]);
      api.setFocusedCell(next.row, ctx.leafIds[next.col]);
    },
    [select],
  );

  /** Keyboard: Shift+arrows, Ctrl+A, Ctrl+D, Ctrl+R, Delete over the selection. */
  const onKey = useCallback(
    (e: KeyboardEvent): boolean => {
      const { ctx, apiRef } = deps.current;
      const api = apiRef.current;
      if (!api || api.getEditingCells().length) return false;
      const ctrl = e.ctrlKey || e.metaKey;
      const k = e.key;
      const arrow = SHIFT_ARROWS[k];
      if (e.shiftKey && !e.altKey && arrow && ctx.anchor && ctx.selection) {
        const s = ctx.selection;
        const focus = {
          row: s.r0 === ctx.anchor.row ? s.r1 : s.r0,
          col: s.c0 === ctx.anchor.col ? s.c1 : s.c0,
        };
        const rows = rowCount(deps.current);
        extendTo(step(focus, arrow[0], arrow[1], rows, ctx.leafIds.length));
        e.preventDefault();
        return true;
      }
      if (ctrl && !e.shiftKey && k.toLowerCase() === 'a') {
        select(
          { r0: 0, c0: 0, r1: rowCount(deps.current) - 1, c1: ctx.leafIds.length - 1 },
          { row: 0, col: 0 },
        );
        e.preventDefault();
        return true;
      }
      const s = ctx.selection;
      if (ctrl && (k.toLowerCase() === 'd' || k.toLowerCase() === 'r') && s) {
        e.preventDefault();
        const fill = fillByKey(s, k.toLowerCase() === 'd');
        if (fill) run(ctx.adapter.fill(ctx, fill.source, fill.target), s);
        return true;
      }
      if ((k === 'Delete' || k === 'Backspace') && !ctrl && s) {
        e.preventDefault();
        const clear = ctx.adapter.clear(ctx, s);
        run(clear ? { command: clear } : null, s);
        return true;
      }
      return false;
    },
    [select, run, extendTo],
  );

  /** Clipboard events on the grid's wrapper element. */
  const bindClipboard = useCallback(
    (el: HTMLElement | null) => {
      if (!el) return undefined;
      el.addEventListener('pointerdown', press, true);
      el.addEventListener('pointermove', move);
      const detach = attachClipboard(el, () => deps.current, run, repaint);
      return () => {
        el.removeEventListener('pointerdown', press, true);
        el.removeEventListener('pointermove', move);
        detach();
      };
    },
    [repaint, run, press, move],
  );

  return { onColumnHeaderClicked, onCellFocused, onKey, bind: bindClipboard, select, extendTo };
}
