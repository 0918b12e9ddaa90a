/**
 * The printed form of an appendix sheet as a grid of cells: title block, multi-level header with
 * merges, column-code row, rows (sections as subtotal formulas), computed total rows. Every formula
 * carries the value Planbook computed; row references are in the exported file's coordinates.
 */
import { columnLetter, headerDepth, isNumericLeaf, leaves, yearGroups } from '../../domain/columns';
import { moveFormulaRows } from '../../domain/formulaShift';
import { gridText } from '../../domain/grid';
import { childRows } from '../../domain/rows';
import type { AppendixSheet, ColumnLeaf, ColumnNode, PlanMeta } from '../../domain/types';
import { formHead, formSignature } from './formBlock';
import { exportableFormula } from './formulaSafety';
import { rowHeight, wrappedLines } from './textFit';

export type CellKind =
  | 'title'
  | 'subtitle'
  | 'unit'
  | 'header'
  | 'code'
  | 'section'
  | 'project'
  | 'stated'
  | 'total'
  | 'form';

export interface OutCell {
  kind: CellKind;
  /** Row height in points (set on a row's first cell when its texts wrap). */
  height?: number;
  /** A text, a number, or a formula (starting with `=`) with its computed value. */
  text?: string;
  number?: number;
  formula?: string;
  value?: number | string | null;
  colSpan?: number;
  rowSpan?: number;
  numeric?: boolean;
  align?: 'left' | 'center' | 'right';
  indent?: number;
  /** Emphasis and size of the printed form's lines (kind `form`). */
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  wrap?: boolean;
}

export interface SheetValues {
  /** Computed value of a visible cell of row i. */
  value(i: number, colId: string): unknown;
  /** Computed total for a source (null: all) in a column. */
  total(source: string | null, colId: string): unknown;
}

export interface AppendixLayout {
  rows: (OutCell | null)[][];
  widths: number[];
  /** Rows above the first data row (title block + header + code row); data row i is at firstRow + i. */
  firstRow: number;
  headerStart: number;
  /** Number formats per column (`#,##0` or `#,##0.##`). */
  formats: string[];
  /** Indexes of the computed total rows (0-based, in `rows`). */
  totalRows: number[];
  /** Height in points of every body row (from `firstRow`; 0: the default). */
  heights?: number[];
  /** Rows of the table (header to totals); the signature block follows. */
  tableEnd?: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function colRanges(c: number, rows: number[], first: number): string {
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
function rowRanges(cols: readonly number[], row: number): string {
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

function headerCells(nodes: ColumnNode[], depth: number): (OutCell | null)[][] {
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

const WIDTH: Partial<Record<ColumnLeaf['role'], number>> = {
  number: 6,
  name: 48,
  lead: 18,
  coord: 18,
  notes: 18,
  text: 16,
};

/**
 * Every row as tall as its wrapped texts (spreadsheets do not grow rows a program wrote): the head's
 * heights on a cell of the row (the library writes them), the body's returned by row.
 */
function rowHeights(out: (OutCell | null)[][], widths: number[], first: number): number[] {
  const heights: number[] = [];
  out.forEach((row, r) => {
    let lines = 0;
    row.forEach((c, i) => {
      if (!c?.text || c.numeric || (c.rowSpan ?? 1) > 1 || c.height) return;
      const w = widths.slice(i, i + (c.colSpan ?? 1)).reduce((a, b) => a + b, 0);
      const bold = c.bold || ['header', 'section', 'total', 'title'].includes(c.kind);
      lines = Math.max(lines, wrappedLines(c.text, w, { bold, indent: c.indent, size: c.size }));
    });
    const at = row.findIndex((c) => !!c);
    if (r >= first) heights.push(lines ? rowHeight(lines) : 0);
    else if (lines && at >= 0 && !row[at]!.height)
      row[at] = { ...row[at]!, height: rowHeight(lines) };
  });
  return heights;
}

/** Lays out one appendix sheet for export; `totalLabel(source)` names the computed total rows. */
export function layoutAppendix(
  sheet: AppendixSheet,
  meta: PlanMeta,
  v: SheetValues,
  totalLabel: (source: string | null) => string,
): AppendixLayout {
  const ls = leaves(sheet.columns);
  const depth = headerDepth(sheet.columns);
  const widths = ls.map((l) => WIDTH[l.role] ?? 13);
  const out: (OutCell | null)[][] = formHead(meta, sheet.title || meta.title, widths);
  const headerStart = out.length;
  out.push(...headerCells(sheet.columns, depth));
  if (sheet.hasCodeRow)
    out.push(
      ls.map((l, i) => ({
        kind: 'code' as const,
        text: l.code ?? String(i + 1),
        align: 'center' as const,
      })),
    );
  const first = out.length;
  const formats = ls.map((l) => {
    if (!isNumericLeaf(l)) return '@';
    const decimals = sheet.rows.some((r) => {
      const x = r.cells[l.id];
      return typeof x === 'number' && !Number.isInteger(x);
    });
    return decimals ? '#,##0.##' : '#,##0';
  });
  const amountCols = ls.flatMap((l, i) => (l.role === 'amount' ? [i] : []));
  const years = yearGroups(sheet.columns);
  sheet.rows.forEach((r, i) => {
    const excelRow = first + i + 1;
    const kind: CellKind =
      r.kind === 'section' ? 'section' : r.kind === 'total' ? 'stated' : 'project';
    const children = r.kind === 'section' ? childRows(sheet.rows, i) : [];
    out.push(
      ls.map((l, c): OutCell => {
        const base: OutCell = {
          kind,
          numeric: isNumericLeaf(l),
          align: isNumericLeaf(l) ? 'right' : l.role === 'number' ? 'center' : 'left',
        };
        if (l.role === 'name') base.indent = r.level;
        if (l.role === 'rowTotal') {
          return {
            ...base,
            formula: amountCols.length ? `=SUM(${rowRanges(amountCols, excelRow)})` : undefined,
            value: num(v.value(i, l.id)),
          };
        }
        if (isNumericLeaf(l) && r.kind === 'section') {
          return {
            ...base,
            formula: children.length ? `=SUM(${colRanges(c, children, first)})` : undefined,
            value: num(v.value(i, l.id)),
          };
        }
        const x = r.cells[l.id];
        if (typeof x === 'number') return { ...base, number: x };
        // a project's formula that computes a number stays a formula; any other text stays text
        if (typeof x === 'string' && x.startsWith('=') && isNumericLeaf(l)) {
          const value = num(v.value(i, l.id));
          if (r.kind === 'project' && value !== null && exportableFormula(x))
            return { ...base, formula: moveFormulaRows(x, first), value };
        }
        if (typeof x === 'string') return { ...base, text: isNumericLeaf(l) ? gridText(x) : x };
        return base;
      }),
    );
    // a stated total row may give one figure per year, over the year's sources (merged)
    if (r.kind === 'total') {
      const row = out[out.length - 1];
      const merged = new Set<number>(); // a column under one year's figure takes no other's
      for (const { group, leaves: yl } of years) {
        const x = r.cells[group.id];
        if (typeof x !== 'number' || !yl.length) continue;
        const c0 = ls.indexOf(yl[0]);
        if (yl.some((_, k) => merged.has(c0 + k) || ls[c0 + k] !== yl[k])) continue;
        yl.forEach((_, k) => merged.add(c0 + k));
        row[c0] = {
          ...(row[c0] as OutCell),
          number: x,
          colSpan: yl.length > 1 ? yl.length : undefined,
        };
        for (let k = 1; k < yl.length; k++) row[c0 + k] = null;
      }
      // its computed total is what the file's own SUM gives over the figures written above
      const t = ls.findIndex((l) => l.role === 'rowTotal');
      if (t >= 0 && row[t])
        row[t] = {
          ...(row[t] as OutCell),
          value: amountCols.reduce((a, c) => a + (row[c]?.number ?? 0), 0),
        };
    }
  });
  // computed totals: one row per source, then the grand total, each adding up the top-level rows
  const top = sheet.rows.flatMap((r, i) => (r.level === 0 && r.kind !== 'total' ? [i] : []));
  const sources = [...new Set(amountCols.map((c) => ls[c].source).filter((s): s is string => !!s))];
  const totalRows: number[] = [];
  for (const source of [...sources, null]) {
    const mine = amountCols.filter((c) => source === null || ls[c].source === source);
    const excelRow = out.length + 1;
    totalRows.push(out.length);
    out.push(
      ls.map((l, c): OutCell => {
        const base: OutCell = {
          kind: 'total',
          numeric: isNumericLeaf(l),
          align: isNumericLeaf(l) ? 'right' : 'left',
        };
        if (l.role === 'name') return { ...base, text: totalLabel(source) };
        if (l.role === 'rowTotal') {
          const f = mine.length ? `=SUM(${rowRanges(mine, excelRow)})` : undefined;
          return { ...base, formula: f, value: num(v.total(source, l.id)) };
        }
        const counts = l.role === 'amount' ? mine.includes(c) : source === null && isNumericLeaf(l);
        if (!counts || !top.length) return base;
        return {
          ...base,
          formula: `=SUM(${colRanges(c, top, first)})`,
          value: num(v.total(source, l.id)),
        };
      }),
    );
  }
  const tableEnd = out.length;
  out.push(...formSignature(meta, widths));
  const heights = rowHeights(out, widths, first);
  return { rows: out, widths, firstRow: first, headerStart, formats, totalRows, tableEnd, heights };
}
