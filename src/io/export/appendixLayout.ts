/**
 * The printed form of an appendix sheet as a grid of cells: title block, multi-level header with
 * merges, column-code row, rows (sections as subtotal formulas), computed total rows. Every formula
 * carries the value Planbook computed; row references are in the exported file's coordinates.
 */
import { columnLetter, headerDepth, isNumericLeaf, leaves, yearGroups } from '../../domain/columns';
import { nothingToAdd } from '../../domain/emptySums';
import { gridText } from '../../domain/grid';
import { percentAt, percentFormat } from '../../domain/percent';
import { totalSegments } from '../../domain/totalSegments';
import { childRows, sumsDown, sumsInComputedTotal, topRows } from '../../domain/formulaForms';
import { computedTotalRows, totalRowTerms, totalShape } from '../../domain/totals';
import type { AppendixSheet, PlanMeta } from '../../domain/types';
import { appendixStrips } from './appendixPrint';
import { formHead, formSignature } from './formBlock';
import { BLANK_ZERO } from './cellFormat';
import { exportableFormula } from './formulaSafety';
import { colRanges, headerCells, num, rowHeights, rowLines, rowRanges, WIDTH } from './layoutParts';
import type { AppendixLayout, CellKind, OutCell, SheetValues } from './layoutTypes';
import { rowHeight } from './textFit';
import {
  exportColumns,
  figureChoice,
  ownFormula,
  type StatedChoice,
  type StatedFigure,
  sumFormula,
} from './statedCells';

export type { AppendixLayout, CellKind, OutCell, SheetValues } from './layoutTypes';

/**
 * Lays out one appendix sheet for export; `totalLabel(source)` names the computed total rows (added
 * only when the plan has no total row); `stated` says how stated figures that differ from their
 * rows are written (the formulas, or the stated figures).
 */
export function layoutAppendix(
  sheet: AppendixSheet,
  meta: PlanMeta,
  v: SheetValues,
  totalLabel: (source: string | null) => string,
  stated: StatedChoice = 'formulas',
  lazy = false,
): AppendixLayout {
  const cols = exportColumns(sheet);
  const ls = cols.leaves;
  const modelCol = new Map(leaves(sheet.columns).map((l, i) => [l.id, i]));
  const colOf = (id: string) => {
    const m = modelCol.get(id);
    return m === undefined ? undefined : cols.at(m);
  };
  const depth = headerDepth(cols.header);
  const widths = ls.map((l) => WIDTH[l.role] ?? 13);
  // too wide for one readable page: printed in strips of years (appendixPrint.ts)
  const print = appendixStrips(cols.header, ls, widths);
  const ranges = print?.ranges;
  const out: (OutCell | null)[][] = formHead(meta, sheet.title || meta.title, widths, ranges);
  const headerStart = out.length;
  out.push(...headerCells(cols.header, depth));
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
  const years = yearGroups(cols.header);
  const shape = totalShape(sheet);
  const segments = totalSegments(sheet.rows);
  const replaced: StatedFigure[] = [];
  const kept: StatedFigure[] = [];
  const bodyRow = (i: number): (OutCell | null)[] => {
    const r = sheet.rows[i];
    const excelRow = first + i + 1;
    const kind: CellKind =
      r.kind === 'section' ? 'section' : r.kind === 'total' ? 'total' : 'project';
    const children = r.kind === 'section' ? childRows(sheet.rows, i) : [];
    const terms = r.kind === 'total' ? totalRowTerms(shape, sheet.rows, i, segments) : null;
    const termsFormula = (key: string) => {
      const t = terms?.get(key);
      if (!t) return undefined;
      const cs = t.cols.flatMap((id) => (colOf(id) === undefined ? [] : [colOf(id)!]));
      return sumFormula(
        cs,
        t.rows.map((j) => first + j + 1),
      );
    };
    const figure = (
      base: OutCell,
      key: string,
      c: number,
      formula: string | undefined,
      value: number | null,
      label: string,
    ) => {
      const choice = figureChoice(r.cells[key], formula, value, stated);
      if (choice.differs)
        (choice.differs === 'replaced' ? replaced : kept).push({
          cell: `${columnLetter(c)}${excelRow}`,
          rowId: r.id,
          label: String(r.cells.name ?? ''),
          column: label,
          stated: r.cells[key] as number,
          computed: value ?? 0,
        });
      const { differs: _d, ...cell } = choice;
      return { ...base, ...cell };
    };
    const row: (OutCell | null)[] = ls.map((l, c): OutCell => {
      const base: OutCell = {
        kind,
        numeric: isNumericLeaf(l),
        align: isNumericLeaf(l) ? 'right' : l.role === 'number' ? 'center' : 'left',
      };
      if (l.role === 'name') base.indent = r.level;
      // a figure the source shows as a percentage keeps its fraction, in a percent format
      const pct = base.numeric ? percentAt(r, l.id) : undefined;
      if (pct !== undefined) base.format = percentFormat(pct);
      if (l.role === 'rowTotal') {
        return {
          ...base,
          formula: amountCols.length ? `=SUM(${rowRanges(amountCols, excelRow)})` : undefined,
          value: num(v.value(i, l.id)),
        };
      }
      // a column never added up (ratios, or marked so) keeps what the section states
      if (r.kind === 'section' && sumsDown(l)) {
        const formula = children.length ? `=SUM(${colRanges(c, children, first)})` : undefined;
        const value = num(v.value(i, l.id));
        // nothing under it to add: blank as its projects, as the grid shows it
        if (value === 0 && pct === undefined && nothingToAdd(sheet.rows, i, l.id))
          base.format = BLANK_ZERO;
        return figure(base, l.id, c, formula, value, l.label);
      }
      if (terms && sumsDown(l))
        return figure(base, l.id, c, termsFormula(l.id), num(v.value(i, l.id)), l.label);
      const x = r.cells[l.id];
      if (typeof x === 'number') return { ...base, number: x };
      // a project's formula that computes a number stays a formula; any other text stays text
      if (typeof x === 'string' && x.startsWith('=') && isNumericLeaf(l)) {
        const value = num(v.value(i, l.id));
        if (r.kind === 'project' && value !== null && exportableFormula(x)) {
          const formula = ownFormula(x, first, cols);
          return formula ? { ...base, formula, value } : { ...base, number: value };
        }
      }
      if (typeof x === 'string') return { ...base, text: isNumericLeaf(l) ? gridText(x) : x };
      return base;
    });
    // a stated total row may give one figure per year, over the year's sources (merged)
    if (r.kind === 'total') {
      const merged = new Set<number>(); // a column under one year's figure takes no other's
      for (const { group, leaves: yl } of years) {
        const x = r.cells[group.id];
        if (typeof x !== 'number' || !yl.length) continue;
        const c0 = ls.indexOf(yl[0]);
        if (yl.some((_, k) => merged.has(c0 + k) || ls[c0 + k] !== yl[k])) continue;
        yl.forEach((_, k) => merged.add(c0 + k));
        const base: OutCell = { kind, numeric: true, align: 'right' };
        const value = terms?.get(group.id)?.cols.reduce<number | null>((a, id) => {
          const y = num(v.value(i, id));
          return y === null ? a : (a ?? 0) + y;
        }, null);
        row[c0] = {
          ...figure(base, group.id, c0, termsFormula(group.id), value ?? null, group.label),
          colSpan: yl.length > 1 ? yl.length : undefined,
        };
        for (let k = 1; k < yl.length; k++) row[c0 + k] = null;
      }
      // its computed total is what the file's own SUM gives over the figures written above
      const t = ls.findIndex((l) => l.role === 'rowTotal');
      if (t >= 0 && row[t])
        row[t] = {
          ...(row[t] as OutCell),
          value: amountCols.reduce(
            (a, c) =>
              a +
              (row[c]?.number ??
                (typeof row[c]?.value === 'number' ? (row[c]!.value as number) : 0)),
            0,
          ),
        };
    }
    return row;
  };
  // a lazy layout leaves the body rows to `body` (one shared empty row each meanwhile)
  const NONE: (OutCell | null)[] = [];
  for (let i = 0; i < sheet.rows.length; i++) out.push(lazy ? NONE : bodyRow(i));
  // computed totals: one row per source, then the grand total, each adding up the top-level rows
  // (never an of-which or ratio row), as the engine's (domain/formulaForms.ts)
  const top = topRows(sheet.rows);
  const sources = [...new Set(amountCols.map((c) => ls[c].source).filter((s): s is string => !!s))];
  const totalRows: number[] = [];
  for (const source of computedTotalRows(sheet, sources)) {
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
        if (!sumsInComputedTotal(l, source) || !top.length) return base;
        return {
          ...base,
          formula: `=SUM(${colRanges(c, top, first)})`,
          value: num(v.total(source, l.id)),
        };
      }),
    );
  }
  const tableEnd = out.length;
  out.push(...formSignature(meta, widths, ranges));
  const heights = rowHeights(out, widths, first);
  return {
    rows: out,
    widths,
    firstRow: first,
    headerStart,
    formats,
    totalRows,
    topRows: top.map((i) => first + i + 1),
    replaced,
    kept,
    tableEnd,
    heights,
    ...(print ? { print } : {}),
    ...(lazy
      ? {
          bodyCount: sheet.rows.length,
          body: (i: number) => {
            const row = bodyRow(i);
            const lines = rowLines(row, widths);
            return { row, height: lines ? rowHeight(lines) : 0 };
          },
          plain: { sheet, leaves: ls, values: v, amountCols },
        }
      : {}),
  };
}
