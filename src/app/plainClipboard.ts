/**
 * Copy, paste, fill and clear over a plain grid sheet, as one `setGridCells` command each (one
 * undoable step). Cells are addressed by 0-based row and column; texts come and go as TSV through
 * the same parser, style detection and formula shifting as the appendix grid (`clipboard.ts`).
 */
import { gridCell, gridInput, type GridChange } from '../domain/grid';
import type { NumberStyle } from '../domain/numbers';
import type { CellInput, GridSheet } from '../domain/types';
import { detectStyle, shiftBlock, toTsv } from './clipboard';
import type { Command } from './commands';
import type { CellPos, CellRange } from './selection';

/** A planned edit of a plain sheet: the command and the range it covers. */
export interface GridPlan {
  command: Command;
  range: CellRange;
}

function plan(g: GridSheet, changes: GridChange[], range: CellRange): GridPlan | null {
  const real = changes.filter((ch) => gridCell(g, ch.r, ch.c) !== ch.value);
  if (!real.length) return null;
  return { command: { type: 'setGridCells', gridId: g.id, changes: real }, range };
}

/**
 * Plans a paste of the text block `m` at `at`. `raw` (copied inside Planbook) carries contents as
 * stored, formulas already moved; otherwise each text is read by `gridInput` in the block's own
 * number style, or the user's `style` when the block does not tell. Null when nothing changes.
 */
export function planGridPaste(
  g: GridSheet,
  at: CellPos,
  m: readonly (readonly string[])[],
  raw?: readonly (readonly CellInput[])[],
  style: NumberStyle = 'auto',
): GridPlan | null {
  if (!m.length) return null;
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
  return plan(g, changes, range);
}

/** Contents (formulas as typed) and shown texts of a range, for the clipboard. */
export function copyGridRange(
  g: GridSheet,
  r: CellRange,
  shown: (row: number, col: number) => string,
): { text: string; raw: CellInput[][] } {
  const raw: CellInput[][] = [];
  const texts: string[][] = [];
  for (let i = r.r0; i <= r.r1; i++) {
    const rr: CellInput[] = [];
    const tr: string[] = [];
    for (let j = r.c0; j <= r.c1; j++) {
      rr.push(gridCell(g, i, j));
      tr.push(shown(i, j));
    }
    raw.push(rr);
    texts.push(tr);
  }
  return { text: toTsv(texts), raw };
}

/** Formulas of a block copied from `from` moved to `to` (relative references follow). */
export function moveGridBlock(
  raw: readonly (readonly CellInput[])[],
  from: CellPos,
  to: CellPos,
): CellInput[][] {
  return shiftBlock(raw, to.row - from.row, to.col - from.col);
}

/**
 * Fills `target` by repeating `source` (Excel's fill: Ctrl+D copies the top row down, Ctrl+R the
 * left column right), moving relative formulas. Null when nothing changes.
 */
export function planGridFill(g: GridSheet, source: CellRange, target: CellRange): GridPlan | null {
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
  return plan(g, changes, target);
}

/** Ctrl+D / Ctrl+R over a selection: its first row (column) into the rest, or the cell above (left). */
export function planGridFillKey(g: GridSheet, s: CellRange, down: boolean): GridPlan | null {
  if (down) {
    const src = s.r1 > s.r0 ? { ...s, r1: s.r0 } : { ...s, r0: s.r0 - 1, r1: s.r0 - 1 };
    const tgt = s.r1 > s.r0 ? { ...s, r0: s.r0 + 1 } : s;
    return src.r0 < 0 ? null : planGridFill(g, src, tgt);
  }
  const src = s.c1 > s.c0 ? { ...s, c1: s.c0 } : { ...s, c0: s.c0 - 1, c1: s.c0 - 1 };
  const tgt = s.c1 > s.c0 ? { ...s, c0: s.c0 + 1 } : s;
  return src.c0 < 0 ? null : planGridFill(g, src, tgt);
}

/** Clears a range (Delete). Null when it is already blank. */
export function planGridClear(g: GridSheet, r: CellRange): GridPlan | null {
  const changes: GridChange[] = [];
  for (let i = r.r0; i <= r.r1; i++)
    for (let j = r.c0; j <= r.c1; j++) changes.push({ r: i, c: j, value: null });
  return plan(g, changes, r);
}
