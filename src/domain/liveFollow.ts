/**
 * Live totals at import, safely: the agreeing stated figures of a sheet read from a file are
 * cleared (`liveTotals.ts`) unless that would make a finding new or worse or an error go, in which
 * case the figures involved are put back. The values are computed once and followed where figures
 * are cleared (`LiveValues`), and only the rows whose findings can change are checked again.
 */
import { carryBalances, sheetBalances } from './balanceSheet';
import { sheetContext } from './checkContext';
import type { CheckValues, Finding } from './checks';
import { rowChecker } from './checks';
import { agreeingCells, type StatedCell, withoutStated } from './liveTotals';
import { subtreeEnd } from './rows';
import type { AppendixSheet, Id, Row } from './types';

/**
 * The computed values live totals read: those of the sheet as read, then those of the sheet with
 * figures cleared (`follow`: `out` is the sheet read with cells of the `changed` rows cleared; the
 * values given before may be spent by it, as an engine's incremental step spends them).
 */
export interface LiveValues {
  read: CheckValues;
  follow(out: AppendixSheet, changed: readonly number[]): CheckValues;
}

/** The values of a sheet and of its versions with figures cleared, each computed in full. */
export function valuesEachTime(valuesOf: (s: AppendixSheet) => CheckValues) {
  return (sheet: AppendixSheet): LiveValues => ({
    read: valuesOf(sheet),
    follow: (out) => valuesOf(out),
  });
}

/**
 * Findings of rows `at` (all `n` rows when null; `check`: a row's findings) by rule, row and
 * column, with their severity (2 error, 1 warning).
 */
function findingsOf(
  n: number,
  check: (i: number) => Finding[],
  at: readonly number[] | null,
): Map<string, number> {
  const out = new Map<string, number>();
  const each = (i: number) => {
    for (const f of check(i))
      out.set(`${f.rule}\u0000${f.rowId}\u0000${f.colId}`, f.severity === 'error' ? 2 : 1);
  };
  if (at) at.forEach(each);
  else for (let i = 0; i < n; i++) each(i);
  return out;
}

/**
 * The rows whose findings can differ between a sheet and `out`, the sheet with figures of its
 * sections and total rows cleared (`changed`: the rows cleared); null: any. A project row (not an
 * of-which or ratio line, under no rule its label or a balance states) is checked against its own
 * cells and computed values only, which clearing another row's figure leaves as they were, while
 * the sheet's check context and balance rows are those of `out` too (the context is kept per
 * structure, which clearing a figure keeps; the balances when no cleared row is one they read).
 */
export function rowsThatMayChange(
  sheet: AppendixSheet,
  out: AppendixSheet,
  changed: readonly number[],
): number[] | null {
  const ctx = sheetContext(sheet);
  const balances = sheetBalances(sheet);
  carryBalances(
    sheet,
    out,
    changed.map((i) => ({ before: sheet.rows[i], after: out.rows[i] })),
  );
  if (sheetContext(out) !== ctx || sheetBalances(out) !== balances) return null;
  const at: number[] = [];
  sheet.rows.forEach((r, i) => {
    if (r.kind !== 'project' || r.part || ctx.labelRules.has(i) || balances.rules.has(i))
      at.push(i);
  });
  return at;
}

/**
 * The figures put back for `worse` findings (rule, row id and column): every figure of the row found,
 * and the column's figures in its block (a section's or total row's), or in the sheet (another
 * row's finding).
 */
function putBack(
  worse: readonly string[],
  cells: readonly StatedCell[],
  rows: readonly Row[],
  index: Map<Id, number>,
  segments: Map<number, number[]>,
): Set<StatedCell> {
  const byRow = new Map<Id, StatedCell[]>();
  const byKey = new Map<Id, { j: number; c: StatedCell }[]>();
  for (const c of cells) {
    byRow.set(c.rowId, [...(byRow.get(c.rowId) ?? []), c]);
    let list = byKey.get(c.key);
    if (!list) byKey.set(c.key, (list = []));
    list.push({ j: index.get(c.rowId)!, c });
  }
  for (const list of byKey.values()) list.sort((a, b) => a.j - b.j);
  const back = new Set<StatedCell>();
  const seen = new Set<string>();
  for (const k of worse) {
    const [, rowId, col] = k.split('\u0000');
    if (seen.has(`${rowId}\u0000${col}`)) continue;
    seen.add(`${rowId}\u0000${col}`);
    for (const c of byRow.get(rowId) ?? []) back.add(c);
    const list = byKey.get(col) ?? [];
    const i = index.get(rowId);
    const block = i === undefined ? null : blockOf(rows, i, segments);
    if (!block) for (const { c } of list) back.add(c);
    else
      for (const [from, to] of block)
        for (let p = firstAtOrAfter(list, from); p < list.length && list[p].j < to; p++)
          back.add(list[p].c);
  }
  return back;
}

/** The first position in `list` (sorted by row) at or after row `from`. */
function firstAtOrAfter(list: readonly { j: number }[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].j < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows [from, to) ranges a section's or total row's figures add up (null: another row). */
function blockOf(rows: readonly Row[], i: number, segments: Map<number, number[]>) {
  if (rows[i].kind === 'section') return [[i + 1, subtreeEnd(rows, i)]];
  if (rows[i].kind !== 'total') return null;
  return (segments.get(i) ?? []).map((j) => [j, subtreeEnd(rows, j)]);
}

/**
 * A sheet read from a file with its agreeing stated figures turned into live totals
 * (`valuesFor`: the sheet's computed values, and those after figures are cleared). Nothing found
 * gets worse and no error goes: where a figure kept stated (a total over sections each rounded)
 * would now differ from its live rows, those rows keep their figures in that column; where a rule
 * on a row would no longer see a stated figure (a column rule over a figure now live), that row
 * keeps its figures; a finding elsewhere keeps the column's figures (the sheet's, when that is not
 * enough). Only the rows whose findings can change are checked (`rowsThatMayChange`).
 */
export function liveTotals(
  sheet: AppendixSheet,
  valuesFor: (s: AppendixSheet) => LiveValues,
): AppendixSheet {
  const values = valuesFor(sheet);
  const v = values.read;
  // each row of the sheet as read checked once (for its figures' agreement and as before)
  const checker = rowChecker(sheet, v);
  const found = new Map<number, Finding[]>();
  const check = (i: number) => {
    let f = found.get(i);
    if (!f) found.set(i, (f = checker(i)));
    return f;
  };
  let cells = agreeingCells(sheet, v, check);
  if (!cells.length) return sheet;
  const rows = sheet.rows;
  const index = new Map(rows.map((r, i) => [r.id, i]));
  const { segments } = sheetContext(sheet);
  // every row whose figure may be cleared (those put back are cleared no more)
  const changed = [...new Set(cells.map((c) => index.get(c.rowId)!))].sort((x, y) => x - y);
  const first = withoutStated(sheet, cells);
  const at = rowsThatMayChange(sheet, first, changed);
  // before the values are followed: they may be spent by it
  const before = findingsOf(rows.length, check, at);
  for (let out = first; ; out = withoutStated(sheet, cells)) {
    // as the first (the same rows cleared or fewer): else the figures stay stated, as read
    if (at && out !== first && !rowsThatMayChange(sheet, out, changed)) return sheet;
    const after = findingsOf(rows.length, rowChecker(out, values.follow(out, changed)), at);
    // a finding new or worse, or an error gone (a column rule over a figure now live)
    const worse: string[] = [];
    for (const [k, sev] of after) if (sev > (before.get(k) ?? 0)) worse.push(k);
    for (const [k, sev] of before) if (sev === 2 && (after.get(k) ?? 0) < 2) worse.push(k);
    if (!worse.length) return out;
    const back = putBack(worse, cells, rows, index, segments);
    if (!back.size || back.size === cells.length) return sheet;
    cells = cells.filter((c) => !back.has(c));
  }
}
