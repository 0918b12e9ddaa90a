/**
 * A key that would write a cell the user cannot write (a section's figures, the computed row
 * total) says why, instead of the typed characters vanishing without a word: the grid opens no
 * editor on such a cell, and clearing it changes nothing (walk of seed 004, a revision typed over
 * a section's stated figure).
 */
import type { Refusal } from '../../app/commands';
import type { CellRange } from '../../app/selection';
import { cellPolicy, leafById } from '../../domain/policy';
import type { AppendixSheet, Row } from '../../domain/types';

/** What the key handler knows of a key press. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
}

/** Whether a key writes into the focused cell: a character, Delete or Backspace, no shortcut. */
export function writesCell(e: KeyPress): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  return e.key.length === 1 || e.key === 'Delete' || e.key === 'Backspace';
}

/** The refusal of any input into one cell of an appendix (row × column id); null when it takes input. */
export function cellRefusal(sheet: AppendixSheet, row: Row, colId: string): Refusal | null {
  const leaf = leafById(sheet, colId);
  if (!leaf) return null;
  const p = cellPolicy(sheet, row, leaf);
  return p.editable || !p.refusal ? null : { code: p.refusal, rowId: row.id, colId };
}

/**
 * The refusal for a key pressed on the focused cell `row` × `colId` when the selection is that one
 * cell and it takes no input (a block's clear skips such cells by design, silently); else null.
 */
export function readOnlyKeyRefusal(
  e: KeyPress,
  sheet: AppendixSheet,
  row: Row | undefined,
  colId: string | undefined,
  selection: CellRange | null,
): Refusal | null {
  if (!writesCell(e) || !row || !colId) return null;
  if (selection && (selection.r0 !== selection.r1 || selection.c0 !== selection.c1)) return null;
  return cellRefusal(sheet, row, colId);
}
