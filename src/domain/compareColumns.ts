/**
 * What a comparison pairs before its projects: its two sides (a workbook and its values), the
 * sheets (by id, name, then position) and each sheet pair's columns (amounts by year and source,
 * other cells by role or label).
 */
import { leaves } from './columns';
import { codeColumn } from './matchCodes';
import type { AppendixSheet, ColumnLeaf, ColumnNode, Workbook } from './types';

/** One side of a comparison: a workbook and the computed value of its cells. */
export interface Side {
  label: string;
  workbook: Workbook;
  /** Computed value of a cell (a formula's result); null when blank or not a number. */
  value: (sheetId: string, row: number, colId: string) => number | null;
  /**
   * Whose row ids this side's rows carry: a workbook's id for its current state and saved
   * revisions, the lineage a `.planbook` file or a re-read export names. Absent for a table read
   * from a file (its reader numbered the rows: they identify nothing).
   */
  identity?: string;
  /**
   * Every value is the cell as typed (a finite number, else null): no formula to compute, so the
   * comparison reads the cells directly (a 100,000-project revision: no call per cell).
   */
  typed?: boolean;
}

/**
 * A side of a plan whose figures are all typed (no formula): its values are the cells' numbers, as
 * a plan written without formulas, or one whose cells hold the computed values, is compared.
 */
export function typedSide(label: string, workbook: Workbook): Side {
  const value = (sheetId: string, i: number, colId: string) => {
    const v = workbook.sheets.find((s) => s.id === sheetId)?.rows[i]?.cells[colId];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  return { label, workbook, value };
}

/** Whether row ids pair projects: only between versions of one workbook. */
export function sharesIdentity(a: Side, b: Side): boolean {
  return !!a.identity && a.identity === b.identity;
}

/** A compared column: amounts by year and source, other cells by role (or label). */
export interface ComparedColumn {
  key: string;
  year: number | null;
  source: string | null;
  /** The header as it reads (group labels, then the column's). */
  label: string;
  amount: boolean;
  a?: ColumnLeaf;
  b?: ColumnLeaf;
}

/** Header path of every leaf, outermost label first. */
export function leafPaths(nodes: ColumnNode[], above: string[] = []): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of nodes) {
    const path = [...above, n.label.trim()].filter(Boolean);
    if (n.kind === 'leaf') out.set(n.id, path);
    else for (const [k, v] of leafPaths(n.children, path)) out.set(k, v);
  }
  return out;
}

/**
 * The roles of the cells compared. The project code (`Mã dự án`, matchCodes.ts) is not among them:
 * like the name it says which project a row is (pairs are made by it), no figure or text of the
 * project that changed; a copy whose code column was pasted in another order than its rows would
 * otherwise report every moved row's code as a change.
 */
const COMPARED_ROLES = new Set(['stated', 'lead', 'coord', 'notes', 'text', 'value', 'amount']);

/**
 * A header's words without the footnote mark the table puts after them (`TỔNG CHI CÂN ĐỐI NGÂN
 * SÁCH ĐỊA PHƯƠNG (2)` one year, without the mark or with `(3)` the next: one column).
 */
function withoutFootnote(label: string): string {
  return label.replace(/\s*\((?:\d{1,2}|\*{1,3})\)$/, '');
}

function columnKey(l: ColumnLeaf): string {
  if (l.role === 'amount') return `amount|${l.year ?? ''}|${l.source ?? ''}`;
  if (l.role === 'text' || l.role === 'value')
    return `${l.role}|${withoutFootnote(l.label.trim().toLowerCase())}`;
  return l.role;
}

/**
 * Each compared leaf of a sheet with its key: by role, year and source or label (`columnKey`),
 * except where that key repeats in either sheet (`TỔNG SỐ` under two groups, two `Tổng chi …`
 * columns): there the whole header path tells the columns apart (and their order, where even the
 * paths repeat), so that no column takes another's place.
 */
function keyedLeaves(
  sheet: AppendixSheet | undefined,
  repeated: Set<string>,
): { l: ColumnLeaf; key: string; path: string[] }[] {
  if (!sheet) return [];
  const paths = leafPaths(sheet.columns);
  const seen = new Map<string, number>();
  const out: { l: ColumnLeaf; key: string; path: string[] }[] = [];
  const code = codeColumn(sheet);
  for (const l of leaves(sheet.columns)) {
    if (!COMPARED_ROLES.has(l.role) || l.id === code) continue;
    const path = paths.get(l.id) ?? [l.label];
    let key = columnKey(l);
    if (repeated.has(key)) {
      key = `${key}|${path.join(' / ').toLowerCase()}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n > 1) key = `${key}#${n}`;
    }
    out.push({ l, key, path });
  }
  return out;
}

/** Keys (`columnKey`) that more than one compared leaf of a sheet has. */
function repeatedKeys(sheet: AppendixSheet | undefined, into: Set<string>): Set<string> {
  const seen = new Set<string>();
  const code = sheet && codeColumn(sheet);
  for (const l of sheet ? leaves(sheet.columns) : []) {
    if (!COMPARED_ROLES.has(l.role) || l.id === code) continue;
    const key = columnKey(l);
    if (seen.has(key)) into.add(key);
    seen.add(key);
  }
  return into;
}

/** The columns two sheets share or have alone, in a's order then b's new ones. */
export function pairColumns(a?: AppendixSheet, b?: AppendixSheet): ComparedColumn[] {
  const out = new Map<string, ComparedColumn>();
  const repeated = repeatedKeys(b, repeatedKeys(a, new Set()));
  for (const [side, sheet] of [
    ['a', a],
    ['b', b],
  ] as const) {
    for (const { l, key, path } of keyedLeaves(sheet, repeated)) {
      const c = out.get(key) ?? {
        key,
        year: l.role === 'amount' ? (l.year ?? null) : null,
        source: l.role === 'amount' ? (l.source ?? null) : null,
        label: path.join(' / '),
        amount: l.role === 'amount',
      };
      c[side] = l;
      out.set(key, c);
    }
  }
  return [...out.values()];
}

/** Sheets paired by id, then name, then position; a sheet without a partner alone. */
export function pairSheets(
  a: AppendixSheet[],
  b: AppendixSheet[],
): { a?: AppendixSheet; b?: AppendixSheet }[] {
  const pairs: { a?: AppendixSheet; b?: AppendixSheet }[] = [];
  const restB = new Set(b);
  const restA: AppendixSheet[] = [];
  for (const x of a) {
    const y = [...restB].find((s) => s.id === x.id) ?? [...restB].find((s) => s.name === x.name);
    if (y) {
      pairs.push({ a: x, b: y });
      restB.delete(y);
    } else restA.push(x);
  }
  for (const x of restA) {
    const y = [...restB][0];
    if (y) restB.delete(y);
    pairs.push({ a: x, b: y });
  }
  for (const y of restB) pairs.push({ b: y });
  return pairs;
}
