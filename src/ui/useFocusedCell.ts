/**
 * The cell the grid's focus is on, as the formula bar and the other people see it: its name
 * (`E5`), its raw text (a formula as typed), whether it may be edited, an entry committed from
 * the formula bar; and, in a shared workbook, this person's cell told to the others (again each
 * time a connection starts).
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useMemo } from 'react';
import type { RefusalCode } from '../app/commands';
import { commitText } from '../app/editing';
import type { OpenedWorkbook } from '../app/services';
import { leaves } from '../domain/columns';
import { cellPolicy } from '../domain/policy';
import type { AppendixSheet } from '../domain/types';
import { rawText } from './grid/CellEditor';
import type { GridCtx, GridItem } from './grid/gridContext';
import type { FocusInfo } from './grid/PlanGrid';

export interface FocusedCellDeps {
  opened: OpenedWorkbook;
  sheet: AppendixSheet;
  focus: FocusInfo;
  readOnly: boolean;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
  ctxRef: React.MutableRefObject<GridCtx | null>;
  cellName: (rowId: string | undefined, colId: string | undefined) => string;
  onAccepted: () => void;
  onRefused: (rowId: string, colId: string, code: RefusalCode, detail?: string) => void;
}

/** The focused cell of an appendix (see the file's comment). */
export function useFocusedCell(d: FocusedCellDeps) {
  const { opened, sheet, focus, apiRef } = d;
  const { session } = opened;
  const current = focus.rowIndex !== null ? sheet.rows[focus.rowIndex] : undefined;
  const cellId = current && focus.colId ? `${current.id}\u0000${focus.colId}` : '';
  const selected = useMemo(() => {
    const [rowId, colId] = cellId.split('\u0000');
    return rowId && colId ? { sheetId: sheet.id, rowId, colId } : null;
  }, [cellId, sheet.id]);
  const link = opened.sync;
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
  }, [link, selected, session]);

  const leaf = focus.colId ? leaves(sheet.columns).find((l) => l.id === focus.colId) : undefined;
  const address = current && leaf ? d.cellName(current.id, leaf.id) : '';
  const formula =
    current && focus.colId && d.ctxRef.current
      ? rawText(d.ctxRef.current, current, focus.colId)
      : '';
  const editable = !!current && !!leaf && !d.readOnly && cellPolicy(sheet, current, leaf).editable;
  /** Commits the formula bar's text to the focused cell, then gives the grid its focus back. */
  const commitFormula = (text: string) => {
    if (!current || !leaf) return;
    const r = commitText(session, sheet.id, current.id, leaf.id, text);
    if (r.ok) d.onAccepted();
    else d.onRefused(current.id, leaf.id, r.refusal.code, r.refusal.detail);
    if (focus.rowIndex !== null) apiRef.current?.setFocusedCell(focus.rowIndex, leaf.id);
  };
  /** Gives the grid its focus back on the focused cell (a cancelled entry, a closed dialog). */
  const backToGrid = () =>
    apiRef.current?.setFocusedCell(focus.rowIndex ?? 0, focus.colId ?? 'name');
  return { current, selected, address, formula, editable, commitFormula, backToGrid };
}
