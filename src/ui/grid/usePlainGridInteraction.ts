/**
 * Range selection (click, Shift+click, Shift+arrows, Ctrl+A), copy/paste of blocks with the
 * system clipboard (TSV), fill (Ctrl+D, Ctrl+R) and Delete on a plain grid sheet. Planning is the
 * app layer's (`plainClipboard.ts`, the appendix grid's TSV parser, style detection and formula
 * shifting); each paste, fill or clear is one `setGridCells` step, undone with one Ctrl+Z.
 */
import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useRef } from 'react';
import { parseTsv } from '../../app/clipboard';
import type { Refusal } from '../../app/commands';
import {
  copyGridRange,
  type GridPlan,
  moveGridBlock,
  planGridClear,
  planGridFillKey,
  planGridPaste,
} from '../../app/plainClipboard';
import { type CellPos, type CellRange, contains, spanOf, step } from '../../app/selection';
import type { WorkbookSession } from '../../app/session';
import type { CellInput, GridSheet } from '../../domain/types';

const MIME = 'application/x-planbook-grid-cells';

export interface PlainDeps {
  session: WorkbookSession;
  gridId: string;
  lang: 'vi' | 'en';
  rows: number;
  cols: number;
  readOnly: boolean;
  /** The shown text of a cell (what is copied as text). */
  shown: (r: number, c: number) => string;
  onRefused: (r: Refusal) => void;
}

/** Selection state and event handlers for `PlainGrid`. */
export function usePlainGridInteraction(d: PlainDeps, apiRef: { current: GridApi | null }) {
  const deps = useRef(d);
  deps.current = d;
  const sel = useRef<{ range: CellRange | null; anchor: CellPos | null }>({
    range: null,
    anchor: null,
  });
  const keepUntil = useRef(0);
  const grid = (): GridSheet =>
    deps.current.session.workbook.grids!.find((g) => g.id === deps.current.gridId)!;

  const select = useCallback(
    (range: CellRange | null, anchor?: CellPos) => {
      sel.current.range = range;
      if (anchor) sel.current.anchor = anchor;
      apiRef.current?.refreshCells({ force: true });
    },
    [apiRef],
  );

  const run = useCallback(
    (p: GridPlan | null) => {
      if (!p || deps.current.readOnly) return;
      const res = deps.current.session.dispatch(p.command, 'range');
      if (!res.ok) return deps.current.onRefused(res.refusals[0]);
      select(p.range);
    },
    [select],
  );

  const isSelected = useCallback((r: number, c: number) => contains(sel.current.range, r, c), []);

  const onCellFocused = useCallback(
    (e: CellFocusedEvent) => {
      if (e.rowIndex === null || typeof e.column !== 'object' || !e.column) return;
      const p = { row: e.rowIndex, col: Number(e.column.getColId()) };
      if (!Number.isInteger(p.col)) return;
      const s = sel.current.range;
      if (performance.now() < keepUntil.current && contains(s, p.row, p.col)) return;
      if (!(s && s.r0 === p.row && s.r1 === p.row && s.c0 === p.col && s.c1 === p.col))
        select(spanOf(p, p), p);
    },
    [select],
  );

  const press = (e: PointerEvent) => {
    if (e.button !== 0 || !e.shiftKey || !sel.current.anchor) return;
    const cell = (e.target as Element).closest('.ag-cell');
    const row = (e.target as Element).closest('.ag-row');
    const p = {
      row: Number(row?.getAttribute('row-index')),
      col: Number(cell?.getAttribute('col-id')),
    };
    if (!Number.isInteger(p.row) || !Number.isInteger(p.col)) return;
    keepUntil.current = performance.now() + 500;
    select(spanOf(sel.current.anchor, p));
  };

  const onKey = (e: KeyboardEvent) => {
    const api = apiRef.current;
    const { range: s, anchor } = sel.current;
    if (!api || api.getEditingCells().length || !s) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    let done = true;
    if (e.shiftKey && !e.altKey && !ctrl && arrows[k] && anchor) {
      const focus = {
        row: s.r0 === anchor.row ? s.r1 : s.r0,
        col: s.c0 === anchor.col ? s.c1 : s.c0,
      };
      const { rows, cols } = deps.current;
      const next = step(focus, arrows[k][0], arrows[k][1], rows, cols);
      select(spanOf(anchor, next));
      keepUntil.current = performance.now() + 500;
      api.ensureIndexVisible(next.row);
      api.setFocusedCell(next.row, String(next.col));
    } else if (ctrl && !e.shiftKey && k === 'a')
      select(
        { r0: 0, c0: 0, r1: deps.current.rows - 1, c1: deps.current.cols - 1 },
        { row: 0, col: 0 },
      );
    else if (ctrl && !e.shiftKey && (k === 'd' || k === 'r'))
      run(planGridFillKey(grid(), s, k === 'd'));
    else if ((k === 'Delete' || k === 'Backspace') && !ctrl && (s.r1 > s.r0 || s.c1 > s.c0))
      run(planGridClear(grid(), s));
    else done = false;
    if (done) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const onCopy = (e: ClipboardEvent) => {
    const s = sel.current.range;
    if (!s || !e.clipboardData || apiRef.current?.getEditingCells().length) return;
    e.preventDefault();
    const data = copyGridRange(grid(), s, deps.current.shown);
    e.clipboardData.setData('text/plain', data.text);
    e.clipboardData.setData(
      MIME,
      JSON.stringify({ text: data.text, raw: data.raw, at: { row: s.r0, col: s.c0 } }),
    );
  };

  const onPaste = (e: ClipboardEvent) => {
    const s = sel.current.range;
    if (!s || !e.clipboardData || apiRef.current?.getEditingCells().length) return;
    e.preventDefault();
    const text = e.clipboardData.getData('text/plain');
    const to = { row: s.r0, col: s.c0 };
    let m = parseTsv(text);
    let raw: CellInput[][] | undefined;
    try {
      const mine = JSON.parse(e.clipboardData.getData(MIME) || 'null') as {
        text: string;
        raw: CellInput[][];
        at: CellPos;
      } | null;
      if (mine && mine.text === text) raw = moveGridBlock(mine.raw, mine.at, to);
    } catch {
      raw = undefined;
    }
    if (m.length === 1 && m[0].length === 1 && (s.r1 > s.r0 || s.c1 > s.c0)) {
      // one value pasted over a selection fills it (a formula moves to each cell)
      const h = s.r1 - s.r0 + 1;
      const w = s.c1 - s.c0 + 1;
      m = Array.from({ length: h }, () => Array.from({ length: w }, () => m[0][0]));
      const one = raw?.[0][0];
      raw =
        one === undefined
          ? undefined
          : Array.from({ length: h }, (_, i) =>
              Array.from(
                { length: w },
                (_, j) => moveGridBlock([[one]], to, { row: to.row + i, col: to.col + j })[0][0],
              ),
            );
    }
    run(planGridPaste(grid(), to, m, raw, deps.current.lang));
  };

  /** Attaches the listeners to the grid's wrapper; returns a function that removes them. */
  const bind = (el: HTMLElement) => {
    const key = (e: KeyboardEvent) => onKey(e);
    const down = (e: PointerEvent) => press(e);
    const copy = (e: ClipboardEvent) => onCopy(e);
    const paste = (e: ClipboardEvent) => onPaste(e);
    el.addEventListener('keydown', key, true);
    el.addEventListener('pointerdown', down, true);
    el.addEventListener('copy', copy);
    el.addEventListener('paste', paste);
    return () => {
      el.removeEventListener('keydown', key, true);
      el.removeEventListener('pointerdown', down, true);
      el.removeEventListener('copy', copy);
      el.removeEventListener('paste', paste);
    };
  };

  return { isSelected, onCellFocused, bind, select };
}
