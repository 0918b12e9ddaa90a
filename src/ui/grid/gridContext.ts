/** What the grid's getters read: the session, the sheet and each row's index. */
import type { HeldKeys } from './keyBurst';
import type { CellPos, CellRange } from '../../app/selection';
import type { WorkbookSession } from '../../app/session';
import { totalRowId } from '../../domain/findTotals';
import type { Row } from '../../domain/types';
import type { Lang } from '../i18n';
import type { CompareMarks } from '../useCompareMarks';
import type { CollabMarks } from './collabMarks';
import type { SheetAdapter } from './sheetAdapter';

/** The grid row id of a pinned totals row (`pin:ĐTPT`, `pin:all`), apart from every plan row id. */
export type PinnedId = `pin:${string}`;

/** The row id of the pinned totals row of a source (null: the grand total). */
export function pinnedId(source: string | null): PinnedId {
  return totalRowId(source);
}

/** Whether a grid row id is a pinned totals row's. */
export function isPinnedId(id: string | null | undefined): id is PinnedId {
  return !!id && id.startsWith('pin:');
}

/** A pinned totals row: one per source, and the grand total (source null). */
export interface PinnedRow {
  id: PinnedId;
  pinned: true;
  source: string | null;
  label: string;
}

export type GridItem = Row | PinnedRow;

export function isPinned(x: GridItem | undefined): x is PinnedRow {
  return !!x && (x as PinnedRow).pinned === true;
}

/** Mutable context shared with AG Grid's callbacks (`context` grid option). */
export interface GridCtx {
  session: WorkbookSession;
  sheetId: string;
  /** What the grid asks of the sheet, whatever its kind (appendix or plain grid sheet). */
  adapter: SheetAdapter;
  index: Map<string, number>;
  /** The rows the grid was last given whole or moved (their ids in order: what it shows). */
  rows?: readonly Row[];
  lang: Lang;
  refused: { rowId: string; colId: string; message: string } | null;
  /** The selected block (body rows × leaf columns), its anchor, a pending cut, a fill preview. */
  selection: CellRange | null;
  anchor: CellPos | null;
  cut: CellRange | null;
  fillTarget: CellRange | null;
  /** Leaf ids in column order and their indexes. */
  leafIds: string[];
  leafIndex: Map<string, number>;
  /** Compare mode: cells that differ from a revision, with their previous values. */
  marks: CompareMarks | null;
  /** Working together: unsettled conflicts and the others' cells (see collabMarks.ts). */
  collab?: CollabMarks | null;
  /** Text an input method delivered to a cell not yet being edited: its editor starts with it. */
  seed?: { rowId: string; colId: string; text: string; at: number } | null;
  /** Keys held while a cell editor opens, played back when it is up (keyBurst.ts). */
  held?: HeldKeys | null;
  /** Plays the held keys back: the cell editor calls it once it is up (keyBurst.ts). */
  editorUp?: () => void;
  /** Types an input method's text into the focused cell (its editor, or one it opens). */
  typeText?: (text: string) => void;
  /** Commits a cell editor's text (called synchronously when editing stops). */
  commit: (rowId: string, colId: string, text: string) => void;
}

/** Rebuilds the row-id → index map for rows the grid is given whole (and keeps them). */
export function reindex(ctx: GridCtx, rows: readonly Row[]): void {
  ctx.index = new Map(rows.map((r, i) => [r.id, i]));
  ctx.rows = rows;
}
