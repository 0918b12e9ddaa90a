/**
 * The grid's key map (pure): which key does what while a cell is selected and not being edited,
 * where navigation keys land (Excel's rules), and the list the help panel shows.
 */
import type { CellPos } from '../../app/selection';
import type { StringKey } from '../strings';

/** The parts of a keyboard event the key map reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Where a navigation key goes. */
export type NavTarget =
  | 'rowStart'
  | 'rowEnd'
  | 'sheetStart'
  | 'sheetEnd'
  | 'edgeUp'
  | 'edgeDown'
  | 'edgeLeft'
  | 'edgeRight'
  | 'pageUp'
  | 'pageDown';

/** Row actions (the toolbar's and the context menu's). */
export type RowAction =
  | 'addProject'
  | 'addSection'
  | 'insertProjectAbove'
  | 'insertProjectBelow'
  | 'insertSectionAbove'
  | 'insertSectionBelow'
  | 'deleteRow'
  | 'indent'
  | 'outdent'
  | 'moveUp'
  | 'moveDown'
  | 'toggleKind';

export type GridCommand =
  | { kind: 'nav'; to: NavTarget; extend: boolean }
  | { kind: 'selectRow' }
  | { kind: 'selectColumn' }
  | { kind: 'menu' }
  | { kind: 'help' }
  | { kind: 'action'; action: RowAction };

const EDGE: Record<string, NavTarget> = {
  ArrowUp: 'edgeUp',
  ArrowDown: 'edgeDown',
  ArrowLeft: 'edgeLeft',
  ArrowRight: 'edgeRight',
};

/** The command of a key pressed on the grid while not editing, or null (left to the grid). */
export function gridCommand(e: KeyLike): GridCommand | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const { key: k, shiftKey: shift, altKey: alt } = e;
  if (k === 'F1' && !ctrl && !alt) return { kind: 'help' };
  if (k === '?' && !ctrl && !alt) return { kind: 'help' };
  if (k === 'ContextMenu' || (k === 'F10' && shift && !ctrl && !alt)) return { kind: 'menu' };
  if (alt && shift && !ctrl) {
    if (k === 'ArrowRight') return { kind: 'action', action: 'indent' };
    if (k === 'ArrowLeft') return { kind: 'action', action: 'outdent' };
    if (k === '=' || k === '+') return { kind: 'action', action: 'addSection' };
    return null;
  }
  if (alt && !ctrl) {
    if (k === 'ArrowUp') return { kind: 'action', action: 'moveUp' };
    if (k === 'ArrowDown') return { kind: 'action', action: 'moveDown' };
    return null;
  }
  if (alt) return null;
  if (ctrl && shift && (k === '=' || k === '+')) return { kind: 'action', action: 'addProject' };
  if (ctrl && !shift && k === '-') return { kind: 'action', action: 'deleteRow' };
  if (k === ' ' && shift && !ctrl) return { kind: 'selectRow' };
  if (k === ' ' && ctrl && !shift) return { kind: 'selectColumn' };
  if (k === 'Home') return { kind: 'nav', to: ctrl ? 'sheetStart' : 'rowStart', extend: shift };
  if (k === 'End') return { kind: 'nav', to: ctrl ? 'sheetEnd' : 'rowEnd', extend: shift };
  if (k === 'PageUp' && !ctrl) return { kind: 'nav', to: 'pageUp', extend: shift };
  if (k === 'PageDown' && !ctrl) return { kind: 'nav', to: 'pageDown', extend: shift };
  if (ctrl && EDGE[k]) return { kind: 'nav', to: EDGE[k], extend: shift };
  return null;
}

/** The sheet a navigation moves in: its size, a page's rows, and which cells hold something. */
export interface NavSheet {
  rows: number;
  cols: number;
  page: number;
  filled: (row: number, col: number) => boolean;
}

/**
 * Excel's Ctrl+arrow along one line of `n` cells from `i` by `d` (±1): through a run of filled
 * cells to its last one; from the end of a run (or an empty cell) to the next filled cell; to the
 * line's end when nothing filled follows.
 */
export function edgeOf(i: number, d: 1 | -1, n: number, filled: (j: number) => boolean): number {
  const last = d > 0 ? n - 1 : 0;
  if (i === last) return i;
  let j = i + d;
  if (filled(i) && filled(j)) {
    while (j !== last && filled(j + d)) j += d;
    return j;
  }
  while (j !== last && !filled(j)) j += d;
  return j;
}

/** The cell a navigation key lands on from `p`. */
export function navTarget(to: NavTarget, p: CellPos, s: NavSheet): CellPos {
  const lastRow = Math.max(0, s.rows - 1);
  const lastCol = Math.max(0, s.cols - 1);
  const clampRow = (r: number) => Math.max(0, Math.min(lastRow, r));
  switch (to) {
    case 'rowStart':
      return { row: p.row, col: 0 };
    case 'rowEnd':
      return { row: p.row, col: lastCol };
    case 'sheetStart':
      return { row: 0, col: 0 };
    case 'sheetEnd':
      return { row: lastRow, col: lastCol };
    case 'pageUp':
      return { row: clampRow(p.row - Math.max(1, s.page)), col: p.col };
    case 'pageDown':
      return { row: clampRow(p.row + Math.max(1, s.page)), col: p.col };
    case 'edgeUp':
    case 'edgeDown': {
      const d = to === 'edgeUp' ? -1 : 1;
      return { row: edgeOf(p.row, d, s.rows, (r) => s.filled(r, p.col)), col: p.col };
    }
    case 'edgeLeft':
    case 'edgeRight': {
      const d = to === 'edgeLeft' ? -1 : 1;
      return { row: p.row, col: edgeOf(p.col, d, s.cols, (c) => s.filled(p.row, c)) };
    }
  }
}

/** One line of the help panel: the keys (as printed) and the string key of what they do. */
export interface KeyHelp {
  keys: string[];
  label: StringKey;
}

/** Every key the workbook view answers, in the order the help panel lists them. */
export const KEY_HELP: { group: StringKey; items: KeyHelp[] }[] = [
  {
    group: 'k_groupMove',
    items: [
      { keys: ['←', '→', '↑', '↓'], label: 'k_arrows' },
      { keys: ['Home', 'End'], label: 'k_homeEnd' },
      { keys: ['Ctrl+Home', 'Ctrl+End'], label: 'k_ctrlHomeEnd' },
      { keys: ['Ctrl+←', 'Ctrl+→', 'Ctrl+↑', 'Ctrl+↓'], label: 'k_edge' },
      { keys: ['PageUp', 'PageDown'], label: 'k_page' },
      { keys: ['Tab', 'Shift+Tab'], label: 'k_tab' },
      { keys: ['F6', 'Shift+F6'], label: 'k_panes' },
      { keys: ['Esc'], label: 'k_escGrid' },
    ],
  },
  {
    group: 'k_groupSelect',
    items: [
      { keys: ['Shift+←/→/↑/↓'], label: 'k_extend' },
      { keys: ['Ctrl+Shift+←/→/↑/↓', 'Shift+Home/End'], label: 'k_extendEdge' },
      { keys: ['Shift+Space'], label: 'k_selectRow' },
      { keys: ['Ctrl+Space'], label: 'k_selectColumn' },
      { keys: ['Ctrl+A'], label: 'k_selectAll' },
    ],
  },
  {
    group: 'k_groupEdit',
    items: [
      { keys: ['F2', 'Enter'], label: 'k_edit' },
      { keys: ['Esc'], label: 'k_cancelEdit' },
      { keys: ['Delete'], label: 'k_clear' },
      { keys: ['Ctrl+C', 'Ctrl+X', 'Ctrl+V'], label: 'k_clipboard' },
      { keys: ['Ctrl+D', 'Ctrl+R'], label: 'k_fill' },
      { keys: ['Ctrl+Z', 'Ctrl+Y'], label: 'k_undoRedo' },
      { keys: ['Ctrl+F', 'Ctrl+H'], label: 'k_findReplace' },
    ],
  },
  {
    group: 'k_groupRows',
    items: [
      { keys: ['Ctrl+Shift+='], label: 'k_addProject' },
      { keys: ['Alt+Shift+='], label: 'k_addSection' },
      { keys: ['Ctrl+-'], label: 'k_deleteRow' },
      { keys: ['Alt+Shift+→'], label: 'k_indent' },
      { keys: ['Alt+Shift+←'], label: 'k_outdent' },
      { keys: ['Alt+↑', 'Alt+↓'], label: 'k_move' },
      { keys: ['Shift+F10', 'Menu ≣'], label: 'k_menu' },
      { keys: ['F1', '?'], label: 'k_help' },
    ],
  },
];
