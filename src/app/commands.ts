/** Commands: every change to a workbook is one of these, validated and applied with its inverse. */
import { isNumericLeaf, leaves } from '../domain/columns';
import { parseAmount } from '../domain/numbers';
import type { GridChange } from '../domain/grid';
import type { CellChange } from '../domain/ops';
import { indexOfRows } from '../domain/rowIndex';
import type {
  AppendixSheet,
  CellInput,
  ColumnLeaf,
  GridSheet,
  Id,
  PlanMeta,
  Row,
  RowKind,
} from '../domain/types';

export interface Shape {
  rowId: Id;
  level: number;
  kind: RowKind;
}

export type Command =
  | { type: 'setCells'; sheetId: Id; changes: CellChange[] }
  | { type: 'insertRows'; sheetId: Id; at: number; rows: Row[] }
  | { type: 'deleteRows'; sheetId: Id; rowIds: Id[] }
  | { type: 'moveRows'; sheetId: Id; from: number; count: number; to: number }
  | { type: 'reshape'; sheetId: Id; shapes: Shape[] }
  | { type: 'setMeta'; meta: PlanMeta }
  | { type: 'addSheet'; sheet: AppendixSheet; at: number }
  | { type: 'removeSheet'; sheetId: Id }
  | { type: 'setGridCells'; gridId: Id; changes: GridChange[] }
  | { type: 'addGrid'; grid: GridSheet; at: number }
  | { type: 'removeGrid'; gridId: Id }
  | { type: 'batch'; commands: Command[] };

/** Why an edit was refused; the UI words it in the user's language. */
export type RefusalCode =
  | 'notNumber'
  | 'computedColumn'
  | 'sectionComputed'
  | 'readOnly'
  | 'CYCLE'
  | 'DIV_BY_ZERO'
  | 'NAME'
  | 'ERROR'
  | 'REF'
  | 'VALUE'
  | 'NUM'
  | 'NA'
  | 'DEPENDENT'
  | 'conflict'
  | 'pasteIntoTotals';

export interface Refusal {
  code: RefusalCode;
  rowId?: Id;
  colId?: Id;
  /** For a grid sheet's cell: its 0-based position. */
  at?: { r: number; c: number };
  detail?: string;
}

/** Thrown inside a dispatch to refuse a command; nothing is changed. */
export class CommandRefused extends Error {
  constructor(public readonly refusals: Refusal[]) {
    super(refusals.map((r) => r.code).join(', '));
  }
}

/** Reads what a user typed or pasted into a cell of the given column. */
export function parseCellInput(text: string, column: ColumnLeaf): CellInput | { invalid: string } {
  const t = text.trim();
  if (t === '') return null;
  if (!isNumericLeaf(column)) return text;
  if (t.startsWith('=')) return t;
  const n = parseAmount(t);
  return n === null ? { invalid: text } : n;
}

/** Checks cell changes against the sheet's structure before anything is applied. */
export function validateCells(sheet: AppendixSheet, changes: readonly CellChange[]): Refusal[] {
  const byId = new Map(leaves(sheet.columns).map((l) => [l.id, l]));
  const index = indexOfRows(sheet.rows);
  const out: Refusal[] = [];
  for (const ch of changes) {
    const col = byId.get(ch.colId);
    const i = index.get(ch.rowId);
    const row = i === undefined ? undefined : sheet.rows[i];
    if (!row) continue;
    if (!col) continue; // a year group's stated figure on a total row
    const at = { rowId: ch.rowId, colId: ch.colId };
    if (col.role === 'rowTotal') out.push({ code: 'computedColumn', ...at });
    else if (isNumericLeaf(col) && row.kind === 'section')
      out.push({ code: 'sectionComputed', ...at });
    else if (isNumericLeaf(col) && typeof ch.value === 'string' && !ch.value.startsWith('=')) {
      out.push({ code: 'notNumber', ...at, detail: ch.value });
    }
  }
  return out;
}
