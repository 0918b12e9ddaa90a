/**
 * Copy, cut and paste between the grid and the system clipboard (TSV, HTML and Planbook cells). A
 * paste reads the clipboard's HTML table when there is one (app/clipboardHtmlRead.ts, as the
 * execution grid's paste does), else its plain text.
 */
import type { PasteResult } from '../../app/clipboard';
import { shiftBlock } from '../../app/copyBlock';
import { clipboardHtml } from '../../app/clipboardHtml';
import { pastedCells } from '../../app/clipboardHtmlRead';
import type { CellRange } from '../../app/selection';
import type { WorkbookSession } from '../../app/session';
import type { CellInput } from '../../domain/types';
import type { GridApi } from 'ag-grid-community';
import type { GridCtx, GridItem } from './gridContext';
import { sheetAdapter } from './sheetAdapter';

const MIME = 'application/x-planbook-cells';

export interface ClipboardDeps {
  session: WorkbookSession;
  sheetId: string;
  ctx: GridCtx;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
}

/** One copied formula repeated over a selection, moved to each cell. */
function shiftFill(v: CellInput, s: CellRange): CellInput[][] {
  return Array.from({ length: s.r1 - s.r0 + 1 }, (_, i) =>
    Array.from({ length: s.c1 - s.c0 + 1 }, (_, j) => shiftBlock([[v]], i, j)[0][0]),
  );
}

/**
 * Clipboard listeners for the grid's wrapper, over the sheet's adapter (any kind of sheet); `run`
 * applies a planned paste, `repaint` redraws a range. Returns a function that removes them.
 */
export function attachClipboard(
  el: HTMLElement,
  get: () => ClipboardDeps,
  run: (r: PasteResult) => boolean,
  repaint: (before: CellRange | null) => void,
): () => void {
  const copy = (e: ClipboardEvent, cut: boolean) => {
    const { ctx, apiRef, sheetId } = get();
    if (!ctx.selection || !e.clipboardData || apiRef.current?.getEditingCells().length) return;
    e.preventDefault();
    const data = ctx.adapter.copy(ctx, ctx.selection);
    e.clipboardData.setData('text/plain', data.text);
    // numbers with their values, texts such as 0123 kept as text (app/clipboardHtml.ts)
    e.clipboardData.setData('text/html', clipboardHtml(data.values, ctx.lang));
    e.clipboardData.setData(
      MIME,
      JSON.stringify({
        text: data.text,
        raw: data.raw,
        marks: data.marks,
        sheetId,
        range: ctx.selection,
        cut,
      }),
    );
    const before = ctx.cut;
    ctx.cut = cut ? ctx.selection : null;
    repaint(before);
  };
  const paste = (e: ClipboardEvent) => {
    const { ctx, apiRef, sheetId } = get();
    if (!ctx.selection || !e.clipboardData || apiRef.current?.getEditingCells().length) return;
    e.preventDefault();
    const text = e.clipboardData.getData('text/plain');
    // a spreadsheet's HTML first: the values behind its shown texts, cells it keeps as text
    let m = pastedCells(text, e.clipboardData.getData('text/html'));
    let raw: CellInput[][] | undefined;
    // the percent marks of cells copied inside Planbook go with their contents
    let marks: (number | null)[][] | undefined;
    let cutFrom: { sheetId: string; range: CellRange } | null = null;
    const s = ctx.selection;
    try {
      const mine = JSON.parse(e.clipboardData.getData(MIME) || 'null') as {
        text: string;
        raw: CellInput[][];
        marks?: (number | null)[][];
        sheetId: string;
        range: CellRange;
        cut: boolean;
      } | null;
      if (mine && mine.text === text) {
        raw = shiftBlock(mine.raw, s.r0 - mine.range.r0, s.c0 - mine.range.c0);
        marks = mine.marks;
        if (mine.cut) cutFrom = { sheetId: mine.sheetId, range: mine.range };
      }
    } catch {
      raw = undefined;
    }
    if (m.length === 1 && m[0].length === 1 && (s.r1 > s.r0 || s.c1 > s.c0)) {
      m = Array.from({ length: s.r1 - s.r0 + 1 }, () =>
        Array.from({ length: s.c1 - s.c0 + 1 }, () => m[0][0]),
      );
      raw = raw ? shiftFill(raw[0][0], s) : undefined;
      const mark = marks?.[0]?.[0];
      marks = mark === undefined ? undefined : m.map((r) => r.map(() => mark));
    }
    const r = ctx.adapter.paste(ctx, { row: s.r0, col: s.c0 }, m, raw, marks);
    if (cutFrom && 'command' in r) {
      const { session } = get();
      const known =
        session.workbook.sheets.some((x) => x.id === cutFrom!.sheetId) ||
        !!session.workbook.grids?.some((x) => x.id === cutFrom!.sheetId);
      const from =
        cutFrom.sheetId === sheetId ? ctx.adapter : sheetAdapter(session, cutFrom.sheetId);
      const clear = known ? from.clear(ctx, cutFrom.range, true) : null;
      if (clear) r.command = { type: 'batch', commands: [clear, r.command] };
      ctx.cut = null;
    }
    if (run(r) && sheetId) repaint(s);
  };
  const onCopy = (e: ClipboardEvent) => copy(e, false);
  const onCut = (e: ClipboardEvent) => copy(e, true);
  el.addEventListener('copy', onCopy);
  el.addEventListener('cut', onCut);
  el.addEventListener('paste', paste);
  return () => {
    el.removeEventListener('copy', onCopy);
    el.removeEventListener('cut', onCut);
    el.removeEventListener('paste', paste);
  };
}
