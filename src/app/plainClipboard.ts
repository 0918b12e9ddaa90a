/**
 * Copy, paste, fill and clear over a plain grid sheet, as one `setGridCells` command each (one
 * undoable step), in the same shapes as the appendix's (`clipboard.ts`: `PasteResult`), so the one
 * grid serves both kinds of sheet. Cells are addressed by 0-based row and column; a block may run
 * past the sheet's last row or column: the sheet grows (a plain sheet has no fixed columns).
 */
import { gridCell, gridInput, type GridChange } from '../domain/grid';
import type { NumberStyle } from '../domain/numbers';
import type { PastedBlock } from '../domain/typedText';
import type { CellInput, GridSheet } from '../domain/types';
import type { PasteResult } from './clipboard';
import { copiedBlock, type CopiedBlock, shiftBlock } from './copyBlock';
import type { ShownValue } from './clipboardHtml';
import type { Command } from './commands';
import type { CellPos, CellRange } from './selection';
import { detectStyle } from './tsv';

function planned(g: GridSheet, changes: GridChange[], range: CellRange): PasteResult {
  const real = changes.filter((ch) => gridCell(g, ch.r, ch.c) !== ch.value);
  if (!real.length) return { refusals: [] };
  const command: Command = { type: 'setGridCells', gridId: g.id, changes: real };
  return { command, range, newRows: 0, skipped: 0 };
}

/**
 * Plans a paste of the text block `m` at `at`. `raw` (copied inside Planbook, or a fill) carries
 * contents as stored, formulas already moved; otherwise each text is read by `gridInput` in the
 * block's own number style, or the user's `style` when the block does not tell. Cells read from
 * a spreadsheet's clipboard HTML bring their stated values and text marks (`gridInput`).
 */
export function planGridPaste(
  g: GridSheet,
  at: CellPos,
  m: PastedBlock,
  raw?: readonly (readonly CellInput[])[],
  style: NumberStyle = 'auto',
): PasteResult {
  if (!m.length) return { refusals: [] };
  const found = detectStyle(m);
  const use = found === 'auto' ? style : found;
  const changes: GridChange[] = [];
  let w = 0;
  for (let i = 0; i < m.length; i++) {
    w = Math.max(w, m[i].length);
    for (let j = 0; j < m[i].length; j++) {
      const r = raw?.[i]?.[j];
      changes.push({
        r: at.row + i,
        c: at.col + j,
        value: r !== undefined ? r : gridInput(m[i][j], use),
      });
    }
  }
  const range = { r0: at.row, c0: at.col, r1: at.row + m.length - 1, c1: at.col + w - 1 };
  return planned(g, changes, range);
}

/** Contents (formulas as typed) and shown values of a range, for the clipboard. */
export function copyGridRange(
  g: GridSheet,
  r: CellRange,
  shown: (row: number, col: number) => ShownValue,
): CopiedBlock {
  const raw: CellInput[][] = [];
  const texts: ShownValue[][] = [];
  for (let i = r.r0; i <= r.r1; i++) {
    const rr: CellInput[] = [];
    const tr: ShownValue[] = [];
    for (let j = r.c0; j <= r.c1; j++) {
      rr.push(gridCell(g, i, j));
      tr.push(shown(i, j));
    }
    raw.push(rr);
    texts.push(tr);
  }
  return copiedBlock(raw, texts);
}

/**
 * Fills `target` by repeating `source` (Excel's fill: the handle, Ctrl+D, Ctrl+R), moving
 * relative formulas.
 */
export function planGridFill(g: GridSheet, source: CellRange, target: CellRange): PasteResult {
  const h = source.r1 - source.r0 + 1;
  const w = source.c1 - source.c0 + 1;
  const changes: GridChange[] = [];
  for (let i = target.r0; i <= target.r1; i++)
    for (let j = target.c0; j <= target.c1; j++) {
      const si = source.r0 + ((((i - source.r0) % h) + h) % h);
      const sj = source.c0 + ((((j - source.c0) % w) + w) % w);
      const v = shiftBlock([[gridCell(g, si, sj)]], i - si, j - sj)[0][0];
      changes.push({ r: i, c: j, value: v });
    }
  return planned(g, changes, target);
}

/** Clears a range (Delete, or the source of a cut); null when it is already blank. */
export function planGridClear(g: GridSheet, r: CellRange): Command | null {
  const changes: GridChange[] = [];
  for (let i = r.r0; i <= r.r1; i++)
    for (let j = r.c0; j <= r.c1; j++)
      if (gridCell(g, i, j) !== null) changes.push({ r: i, c: j, value: null });
  return changes.length ? { type: 'setGridCells', gridId: g.id, changes } : null;
}
