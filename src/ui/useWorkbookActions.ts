/** Toolbar actions and keyboard shortcuts of the workbook view, dispatched through the session. */
import type { GridApi } from 'ag-grid-community';
import { useCallback } from 'react';
import * as act from '../app/rowActions';
import { insertRow } from '../app/rowInsert';
import type { WorkbookSession } from '../app/session';
import { isNumericLeaf, leaves } from '../domain/columns';
import type { AppendixSheet } from '../domain/types';
import type { GridItem } from './grid/gridContext';
import type { FocusInfo } from './grid/PlanGrid';
import type { StringKey } from './strings';
import type { RowAction } from './grid/keymap';
import type { ToolAction } from './Toolbar';

export interface ActionDeps {
  session: WorkbookSession;
  sheet: () => AppendixSheet;
  focus: () => FocusInfo;
  api: () => GridApi<GridItem> | null;
  say: (key: StringKey, params?: Record<string, string | number>) => void;
  /** Asks the user (focus on Cancel); `onYes` runs only when confirmed. */
  ask: (message: StringKey, params: Record<string, number>, onYes: () => void) => void;
}

/** Runs one toolbar action; returns nothing, reports refusals through `say`. */
export function useWorkbookActions(d: ActionDeps) {
  /** Dispatches a row action's command and moves the focus where it says. */
  const apply = useCallback(
    (a: ToolAction | RowAction, r: act.RowActionResult) => {
      const { session } = d;
      if ('refused' in r) {
        d.say(`a_${r.refused}`);
        return;
      }
      const res = session.dispatch(r.command, a);
      if (!res.ok) {
        d.say(`r_${res.refusals[0].code}`);
        return;
      }
      const api = d.api();
      const target = r.focus;
      if (api && target) {
        const idx = d.sheet().rows.findIndex((x) => x.id === target);
        if (idx >= 0) {
          api.ensureIndexVisible(idx);
          api.setFocusedCell(idx, 'name');
        }
      }
    },
    [d],
  );

  const run = useCallback(
    (a: ToolAction | RowAction) => {
      const { session } = d;
      if (a === 'undo' || a === 'redo') {
        const ok = a === 'undo' ? session.undo() : session.redo();
        if (!ok && session.readOnly) d.say('r_readOnly');
        return;
      }
      const sheet = d.sheet();
      const at = d.focus().rowIndex;
      let r: act.RowActionResult;
      switch (a) {
        case 'addProject':
          r = act.addRow(sheet, at, 'project');
          break;
        case 'addSection':
          r = act.addRow(sheet, at, 'section');
          break;
        case 'insertProjectAbove':
        case 'insertProjectBelow':
        case 'insertSectionAbove':
        case 'insertSectionBelow':
          r = insertRow(
            sheet,
            at,
            a.startsWith('insertProject') ? 'project' : 'section',
            a.endsWith('Above') ? 'above' : 'below',
          );
          break;
        case 'deleteRow': {
          r = act.deleteRow(sheet, at);
          if (!('refused' in r) && at !== null) {
            const numeric = new Set(
              leaves(sheet.columns)
                .filter(isNumericLeaf)
                .map((l) => l.id),
            );
            const block = act.deletionBlock(sheet, at);
            const amounts = block.filter((x) => act.holdsAmounts([x], numeric)).length;
            if (amounts || block.length > 1) {
              // rows with amounts or children: ask, with the count, before deleting
              const done = r;
              const key = block.length > 1 ? 'confirmDeleteChildren' : 'confirmDeleteRows';
              const n = block.length > 1 ? block.length - 1 : 1;
              d.ask(key, { n, total: block.length, amounts }, () => apply(a, done));
              return;
            }
          }
          break;
        }
        case 'moveUp':
          r = act.moveRow(sheet, at, -1);
          break;
        case 'moveDown':
          r = act.moveRow(sheet, at, 1);
          break;
        case 'indent':
          r = act.indentRow(sheet, at);
          break;
        case 'outdent':
          r = act.outdentRow(sheet, at);
          break;
        case 'toggleKind':
          r = act.toggleKind(sheet, at);
          break;
        case 'renumber':
          r = act.renumberRows(sheet);
          break;
      }
      apply(a, r);
    },
    [d, apply],
  );

  const onKey = useCallback(
    (e: KeyboardEvent, api: GridApi<GridItem>): boolean => {
      if (api.getEditingCells().length) return false;
      const k = e.key;
      const ctrl = e.ctrlKey || e.metaKey;
      let a: ToolAction | null = null;
      if (ctrl && !e.shiftKey && k.toLowerCase() === 'z') a = 'undo';
      else if (ctrl && (k.toLowerCase() === 'y' || (e.shiftKey && k.toLowerCase() === 'z')))
        a = 'redo';
      else if (e.altKey && e.shiftKey && k === 'ArrowRight') a = 'indent';
      else if (e.altKey && e.shiftKey && k === 'ArrowLeft') a = 'outdent';
      else if (e.altKey && !e.shiftKey && k === 'ArrowUp') a = 'moveUp';
      else if (e.altKey && !e.shiftKey && k === 'ArrowDown') a = 'moveDown';
      else if (ctrl && e.shiftKey && (k === '+' || k === '=')) a = 'addProject';
      else if (ctrl && !e.shiftKey && k === '-') a = 'deleteRow';
      if (a) {
        e.preventDefault();
        run(a);
        return true;
      }
      return false;
    },
    [run],
  );

  return { run, onKey };
}
