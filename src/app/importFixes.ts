/** Corrections a user makes in the import preview, applied to the read plan before it is stored. */
import { leaves } from '../domain/columns';
import { normaliseLevels } from '../domain/rows';
import { slug } from '../domain/sources';
import { amountColumnId } from '../domain/template';
import type {
  AppendixSheet,
  ColumnLeaf,
  ColumnNode,
  Row,
  RowKind,
  Workbook,
} from '../domain/types';

export interface ColumnFix {
  role: ColumnLeaf['role'];
  year?: number;
  source?: string;
}

function idFor(fix: ColumnFix, taken: Set<string>, fallback: string): string {
  let id: string =
    fix.role === 'amount'
      ? fix.year
        ? amountColumnId(fix.year, fix.source ?? 'total')
        : `src_${slug(fix.source ?? 'x')}`
      : fix.role === 'number'
        ? 'tt'
        : ['name', 'lead', 'coord', 'notes', 'stated'].includes(fix.role)
          ? fix.role
          : fallback;
  if (taken.has(id)) id = `${id}_${fallback}`;
  return id;
}

/** Gives a column another meaning (role, year, source); its cells follow it to its new id. */
export function retypeColumn(sheet: AppendixSheet, colId: string, fix: ColumnFix): AppendixSheet {
  const taken = new Set(
    leaves(sheet.columns)
      .filter((l) => l.id !== colId)
      .map((l) => l.id),
  );
  const newId = idFor(fix, taken, colId.startsWith('c') ? colId : `c_${colId}`);
  const map = (ns: ColumnNode[]): ColumnNode[] =>
    ns.map((n) => {
      if (n.kind === 'group') return { ...n, children: map(n.children) };
      if (n.id !== colId) return n;
      const leaf: ColumnLeaf = { kind: 'leaf', id: newId, label: n.label, role: fix.role };
      if (n.code) leaf.code = n.code;
      if (fix.role === 'amount') {
        if (fix.year) leaf.year = fix.year;
        if (fix.source) leaf.source = fix.source;
      }
      return leaf;
    });
  const rows = sheet.rows.map((r) => {
    if (!(colId in r.cells) || newId === colId) return r;
    const { [colId]: v, ...rest } = r.cells;
    return { ...r, cells: { ...rest, [newId]: v } };
  });
  return { ...sheet, columns: map(sheet.columns), rows };
}

/** Reads a row as a section, a project or a stated total row. */
export function rekindRow(sheet: AppendixSheet, rowId: string, kind: RowKind): AppendixSheet {
  const rows = sheet.rows.map((r, i) => {
    if (r.id !== rowId) return r;
    const prev = sheet.rows[i - 1];
    const level =
      kind === 'total'
        ? 0
        : kind === 'project' && prev?.kind === 'section'
          ? prev.level + 1
          : r.level;
    return { ...r, kind, level };
  });
  return { ...sheet, rows: normaliseLevels(rows) };
}

/** How the preview lets a row be read: a kind, or a row never added (of which, ratio). */
export type RowReading = RowKind | 'ofWhich' | 'ratio';

/** How a row is read now. */
export function readingOfRow(r: Row): RowReading {
  return r.part ?? r.kind;
}

/**
 * Reads a row as a section, a project, a total row, an *of which* line of the row above it or a
 * ratio row (the last two are never added into anything).
 */
export function rereadRow(sheet: AppendixSheet, rowId: string, reading: RowReading): AppendixSheet {
  if (reading !== 'ofWhich' && reading !== 'ratio') {
    const cleared = {
      ...sheet,
      rows: sheet.rows.map((r) => {
        if (r.id !== rowId || !r.part) return r;
        const { part: _part, ...rest } = r;
        return rest;
      }),
    };
    return rekindRow(cleared, rowId, reading);
  }
  const i = sheet.rows.findIndex((r) => r.id === rowId);
  if (i < 0) return sheet;
  const rows = sheet.rows.slice();
  let level = rows[i].level;
  if (reading === 'ofWhich') {
    // an of-which line breaks down the nearest row above it that is not itself a breakdown
    let o = i - 1;
    while (o >= 0 && rows[o].part) o--;
    if (o >= 0) {
      if (rows[o].kind === 'project') rows[o] = { ...rows[o], kind: 'section' };
      level = rows[o].level + 1;
    }
  }
  rows[i] = { ...rows[i], kind: 'project', part: reading, level };
  return { ...sheet, rows: normaliseLevels(rows) };
}

/** The sheet without the rows the user marked as ignored (not part of the table). */
export function dropRows(sheet: AppendixSheet, ids: ReadonlySet<string>): AppendixSheet {
  return ids.size
    ? { ...sheet, rows: normaliseLevels(sheet.rows.filter((r) => !ids.has(r.id))) }
    : sheet;
}

/** One correction made in the preview, as data: replayed where the totals are computed (a worker). */
export type PreviewFix =
  | { kind: 'column'; colId: string; fix: ColumnFix }
  | { kind: 'row'; rowId: string; reading: RowReading };

/** The read plan after the preview's corrections, in the order made (the first sheet corrected). */
export function withFixes(wb: Workbook, fixes: readonly PreviewFix[]): Workbook {
  let sheet = wb.sheets[0];
  if (!sheet || !fixes.length) return wb;
  for (const f of fixes)
    sheet =
      f.kind === 'column'
        ? retypeColumn(sheet, f.colId, f.fix)
        : rereadRow(sheet, f.rowId, f.reading);
  return { ...wb, sheets: [sheet, ...wb.sheets.slice(1)] };
}

/**
 * The plan the officer confirms: the read plan after the corrections, in the order made, without
 * the rows marked ignored (as the preview gives it to be stored).
 */
export function confirmedPlan(
  wb: Workbook,
  fixes: readonly PreviewFix[],
  ignored: readonly string[],
): Workbook {
  const fixed = withFixes(wb, fixes);
  const sheet = fixed.sheets[0];
  if (!sheet || !ignored.length) return fixed;
  return { ...fixed, sheets: [dropRows(sheet, new Set(ignored)), ...fixed.sheets.slice(1)] };
}
