/**
 * Pieces of an appendix's layout: formula ranges over rows and columns, the multi-level header's
 * cells with their merges, column widths, and row heights from the wrapped texts.
 */
import { columnLetter, leaves } from '../../domain/columns';
import type { ColumnLeaf, ColumnNode } from '../../domain/types';
import type { CellKind, OutCell } from './layoutTypes';
import { fitsOneLine, rowHeight, wrappedLines } from './textFit';

/** A finite number, or null. */
export const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** `E8,E12:E15`: one column over the listed 0-based body rows (below `first` head rows), runs as ranges. */
export function colRanges(c: number, rows: number[], first: number): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const a = `${columnLetter(c)}${rows[i] + first + 1}`;
    parts.push(i === j ? a : `${a}:${columnLetter(c)}${rows[j] + first + 1}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** `E8:N8`: the listed columns of one (1-based) row, contiguous runs as ranges. */
export function rowRanges(cols: readonly number[], row: number): string {
  const parts: string[] = [];
  for (let i = 0; i < cols.length;) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    parts.push(
      i === j
        ? `${columnLetter(cols[i])}${row}`
        : `${columnLetter(cols[i])}${row}:${columnLetter(cols[j])}${row}`,
    );
    i = j + 1;
  }
  return parts.join(',');
}

/** The multi-level header's cells: a group spans its leaves, a leaf spans the levels below it. */
export function headerCells(nodes: ColumnNode[], depth: number): (OutCell | null)[][] {
  const grid: (OutCell | null)[][] = Array.from({ length: depth }, () => []);
  let col = 0;
  const place = (n: ColumnNode, level: number) => {
    const width = n.kind === 'leaf' ? 1 : leaves(n.children).length;
    const rowSpan = n.kind === 'leaf' ? depth - level : 1;
    grid[level][col] = {
      kind: 'header',
      text: n.label,
      colSpan: width > 1 ? width : undefined,
      rowSpan: rowSpan > 1 ? rowSpan : undefined,
      align: 'center',
    };
    if (n.kind === 'group') for (const c of n.children) place(c, level + 1);
    else col++;
  };
  for (const n of nodes) place(n, 0);
  return grid;
}

/** Column widths (in digit widths) by role; 13 for any other. */
export const WIDTH: Partial<Record<ColumnLeaf['role'], number>> = {
  number: 6,
  name: 48,
  lead: 18,
  coord: 18,
  notes: 18,
  text: 16,
};

/** Kinds of cells written bold (their texts are measured bold). */
export const BOLD_KINDS = new Set<CellKind>(['header', 'section', 'total', 'title']);

/** Lines the tallest wrapped text of a row takes (0: none wraps or has text). */
export function rowLines(row: (OutCell | null)[], widths: number[]): number {
  let lines = 0;
  row.forEach((c, i) => {
    if (!c?.text || c.numeric || (c.rowSpan ?? 1) > 1 || c.height) return;
    const w = c.colSpan
      ? widths.slice(i, i + c.colSpan).reduce((a, b) => a + b, 0)
      : (widths[i] ?? 0);
    const fit = { bold: c.bold || BOLD_KINDS.has(c.kind), indent: c.indent, size: c.size };
    lines = Math.max(lines, fitsOneLine(c.text, w, fit) ? 1 : wrappedLines(c.text, w, fit));
  });
  return lines;
}

/**
 * Every row as tall as its wrapped texts (spreadsheets do not grow rows a program wrote): the head's
 * heights on a cell of the row (the library writes them), the body's returned by row (points, 0:
 * the default).
 */
export function rowHeights(out: (OutCell | null)[][], widths: number[], first: number): number[] {
  const heights: number[] = [];
  out.forEach((row, r) => {
    const lines = rowLines(row, widths);
    const at = row.findIndex((c) => !!c);
    if (r >= first) heights.push(lines ? rowHeight(lines) : 0);
    else if (lines && at >= 0 && !row[at]!.height)
      row[at] = { ...row[at]!, height: rowHeight(lines) };
  });
  return heights;
}
