/**
 * One grid for every kind of sheet: what the grid's interaction (selection, clipboard, fill,
 * clear, keys, the editor, input methods) asks of a sheet, answered by an adapter per kind — the
 * appendix (plan rows × the column tree, its cell policy) and the plain grid sheet (numbered rows ×
 * lettered columns, growing as written). The grid component and its hooks never ask which kind.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { planClear, planFill, planPaste, type PasteResult } from '../../app/clipboard';
import { type CopiedBlock, copyRange } from '../../app/copyBlock';
import type { ShownValue } from '../../app/clipboardHtml';
import type { Command } from '../../app/commands';
import { commitText, type CommitResult } from '../../app/editing';
import type { CellPos, CellRange } from '../../app/selection';
import type { WorkbookSession } from '../../app/session';
import { leaves } from '../../domain/columns';
import { formatAmount } from '../../domain/numbers';
import { formatPercent, percentAt, percentEditText } from '../../domain/percent';
import { cellPolicy, leafById } from '../../domain/policy';
import type { PastedBlock } from '../../domain/typedText';
import type { CellInput, Id, Row } from '../../domain/types';
import type { T } from '../i18n';
import { buildColumnDefs } from './columnDefs';
import type { GridView } from './displayFormat';
import { displayValue, sheetInputScale } from './displayFormat';
import type { GridCtx, GridItem } from './gridContext';
import { plainAdapter } from './plainAdapter';
import { shownRow } from './planIndexApi';

export type { CopiedBlock };

export interface SheetAdapter {
  kind: 'appendix' | 'plain';
  /** The sheet's id (an appendix's or a grid sheet's). */
  id: Id;
  /** The body rows as grid items, in order (a plain sheet's rows: one item per row index). */
  items(): Row[];
  rowCount(): number;
  /** The grid row id of a row index. */
  rowId(i: number): string | undefined;
  /** The column ids, in order (leaf columns; a plain sheet's `0`, `1`, …). */
  leafIds(): string[];
  /** A cell's content as stored (formula text, number, text, or null). */
  raw(i: number, colId: string): CellInput;
  /** A cell's computed value. */
  value(i: number, colId: string): unknown;
  /** The text a cell shows when copied (figures in the sheet's unit, unformatted). */
  shown(ctx: GridCtx, i: number, colId: string): string;
  copy(ctx: GridCtx, r: CellRange): CopiedBlock;
  /**
   * Plans a paste of the cells `m` (texts, or cells read from clipboard HTML with their values and
   * text marks) and contents `raw` (copied inside Planbook, with their percent `marks`) at `at`.
   */
  paste(
    ctx: GridCtx,
    at: CellPos,
    m: PastedBlock,
    raw?: CellInput[][],
    marks?: (number | null)[][],
  ): PasteResult;
  /** Plans a fill of `target` from `source` (rows a filter hides are left as they are). */
  fill(ctx: GridCtx, source: CellRange, target: CellRange): PasteResult;
  /**
   * Clears the writable cells of a range, only the rows a filter shows unless `all` (the source
   * of a cut); null when nothing would change.
   */
  clear(ctx: GridCtx, r: CellRange, all?: boolean): Command | null;
  /** Commits what the user typed into a cell (editor, formula bar). */
  commit(ctx: GridCtx, rowId: string, colId: string, text: string): CommitResult;
  /** The text an editor opens with: formulas as typed, numbers in the user's style. */
  editText(ctx: GridCtx, rowId: string, colId: string): string;
  /** Column definitions for AG Grid (a row gutter `__row` first). */
  columnDefs(t: T, view?: GridView): (ColDef<GridItem> | ColGroupDef<GridItem>)[];
}

/** The adapter of an appendix sheet: the plan's rows, its column tree and cell policy. */
export function appendixAdapter(session: WorkbookSession, sheetId: Id): SheetAdapter {
  const sheet = () => session.workbook.sheets.find((s) => s.id === sheetId)!;
  const raw = (i: number, c: string) => session.raw(sheetId, i, c) as CellInput;
  /** What a cell shows: its number as displayed (in the view's unit), else its text. */
  const shownValue = (ctx: GridCtx, i: number, c: string): ShownValue => {
    const v = ctx.leafIndex.has(c) ? session.value(sheetId, i, c) : null;
    const row = sheet().rows[i];
    const cell = row?.cells[c];
    const pct = typeof v === 'number' ? percentAt(row, c) : undefined;
    if (typeof v === 'number' && pct !== undefined) return { fraction: v, decimals: pct };
    if (typeof v === 'number') return displayValue(ctx, c, v);
    if (v === null || v === undefined)
      return cell === undefined || cell === null ? '' : String(cell);
    return typeof v === 'object' ? '' : String(v);
  };
  const shown = (ctx: GridCtx, i: number, c: string): string => {
    const v = shownValue(ctx, i, c);
    return typeof v === 'object' ? formatPercent(v.fraction, ctx.lang, v.decimals) : String(v);
  };
  return {
    kind: 'appendix',
    id: sheetId,
    items: () => sheet().rows.slice(),
    rowCount: () => sheet().rows.length,
    rowId: (i) => sheet().rows[i]?.id,
    leafIds: () => leaves(sheet().columns).map((l) => l.id),
    raw,
    value: (i, c) => session.value(sheetId, i, c),
    shown,
    copy: (ctx, r) => copyRange(sheet(), r, raw, (i, c) => shownValue(ctx, i, c)),
    paste: (ctx, at, m, rawM, marks) =>
      planPaste(sheet(), at, m, rawM, undefined, sheetInputScale(ctx), marks),
    fill: (ctx, source, target) => planFill(sheet(), source, target, raw, shownRow(ctx)),
    clear: (ctx, r, all) => planClear(sheet(), r, all ? undefined : shownRow(ctx)),
    commit: (_ctx, rowId, colId, text) => commitText(session, sheetId, rowId, colId, text),
    editText: (ctx, rowId, colId) => appendixEditText(ctx, sheet().rows, rowId, colId),
    columnDefs: (t, view) => buildColumnDefs(sheet().columns, t, view),
  };
}

function appendixEditText(
  ctx: GridCtx,
  rows: readonly Row[],
  rowId: string,
  colId: string,
): string {
  const i = ctx.index.get(rowId);
  const row = i === undefined ? undefined : rows[i];
  const sheet = ctx.session.workbook.sheets.find((s) => s.id === ctx.sheetId);
  const leaf = sheet && leafById(sheet, colId);
  const target = sheet && leaf && row ? cellPolicy(sheet, row, leaf).target : colId;
  const v = i === undefined ? null : ctx.session.raw(ctx.sheetId, i, target);
  if (v === null || v === undefined) return '';
  // a percent cell opens as its percentage (`5,3%`): typed back, it reads as the same fraction
  if (typeof v === 'number' && row && percentAt(row, target) !== undefined)
    return percentEditText(v, ctx.lang);
  if (typeof v === 'number') return formatAmount(displayValue(ctx, target, v), ctx.lang, 10);
  return String(v);
}

/** The adapter of a sheet of the workbook by id: an appendix or a plain grid sheet. */
export function sheetAdapter(session: WorkbookSession, id: Id): SheetAdapter {
  return session.workbook.grids?.some((g) => g.id === id)
    ? plainAdapter(session, id)
    : appendixAdapter(session, id);
}
