/**
 * Live totals. A section's or total row's figure read from a file is evidence, checked at import:
 * where it agrees with what its rows add up to (within the rounding the checks allow), the row
 * becomes a live total (its cell left empty, the engine's sum shown), so it follows later edits
 * and raises nothing; a figure that disagrees stays stated and is found as before. The officer
 * can also let a stated figure go (`Lấy số tính được`): the row follows its rows from then on.
 */
import { sheetContext } from './checkContext';
import type { CheckValues, Finding } from './checks';
import { classify } from './checkSeverity';
import { rowChecker } from './checks';
import { totalShape, statedAndComputed } from './totals';
import { subtreeEnd } from './rows';
import type { AppendixSheet, Id, Row } from './types';

/** One stated figure of a section or total row: the row and its cell's key (leaf or year group). */
export interface StatedCell {
  rowId: Id;
  key: Id;
}

/** Rules whose finding compares a section's or total row's stated figure with its rows. */
const STATED_RULES = new Set(['section-total', 'grand-total']);

/**
 * The figures a sheet's sections and total rows state that could follow their rows instead: a
 * number in an additive column (or a total row's year figure) of a row that has rows to add up
 * (a section with children, a total row with a block); never an of-which or ratio row, never a
 * percentage.
 */
export function statedCells(sheet: AppendixSheet): StatedCell[] {
  const ctx = sheetContext(sheet);
  const additive = new Set(ctx.additive.filter((l) => l.role !== 'rowTotal').map((l) => l.id));
  const years = new Set(ctx.years.map((y) => y.group.id));
  const out: StatedCell[] = [];
  sheet.rows.forEach((r, i) => {
    if (!followable(r, i, ctx.children, ctx.segments)) return;
    for (const [key, x] of Object.entries(r.cells)) {
      if (typeof x !== 'number' || r.percent?.[key] !== undefined) continue;
      if (additive.has(key) || (r.kind === 'total' && years.has(key)))
        out.push({ rowId: r.id, key });
    }
  });
  return out;
}

/** Whether row i is a section or total row with rows below it to add up. */
function followable(
  r: Row,
  i: number,
  children: Map<number, number[]>,
  segments: Map<number, number[]>,
): boolean {
  if (r.part) return false;
  if (r.kind === 'section') return (children.get(i)?.length ?? 0) > 0;
  return r.kind === 'total' && (segments.get(i)?.length ?? 0) > 0;
}

/**
 * The stated figures that agree with their rows, as read at import (`v`: the sheet's computed
 * values; `check`: the findings of a row of it): no section/total finding beyond rounding (an error, or a difference to verify, keeps
 * the figure), and within rounding of the engine's own sum (a figure that only agrees with a
 * sub-section's stale stated figure keeps its figure too, so nothing shown or found changes).
 */
export function agreeingCells(
  sheet: AppendixSheet,
  v: CheckValues,
  check: (i: number) => Finding[] = rowChecker(sheet, v),
): StatedCell[] {
  const ctx = sheetContext(sheet);
  const cells = statedCells(sheet);
  const index = new Map(sheet.rows.map((r, i) => [r.id, i]));
  // only the rows stating a figure are checked (a plan's projects are most of its rows)
  const kept = new Set<string>();
  for (const id of new Set(cells.map((c) => c.rowId)))
    for (const f of check(index.get(id)!))
      if (STATED_RULES.has(f.rule) && (f.severity === 'error' || f.why))
        kept.add(`${f.rowId}\u0000${f.colId}`);
  const shape = totalShape(sheet);
  return cells.filter(({ rowId, key }) => {
    if (kept.has(`${rowId}\u0000${key}`)) return false;
    const i = index.get(rowId)!;
    const d = statedAndComputed(sheet, shape, v, i, key);
    if (!d) return false;
    return classify(d.stated, d.computed, figureRows(sheet.rows, i, ctx.segments)) !== 'error';
  });
}

/**
 * How many rounded figures a section's or total row's engine sum adds: the projects of its block
 * (its sub-sections' own rounding adds up in it), never fewer than 1.
 */
function figureRows(rows: readonly Row[], i: number, segments: Map<number, number[]>): number {
  const under = (j: number) => {
    if (rows[j].kind === 'project') return rows[j].part ? 0 : 1;
    let n = 0;
    for (let k = j + 1, end = subtreeEnd(rows, j); k < end; k++)
      if (rows[k].kind === 'project' && !rows[k].part) n++;
    return n;
  };
  const seg = rows[i].kind === 'total' ? (segments.get(i) ?? []) : [i];
  return Math.max(
    1,
    seg.reduce((n, j) => n + under(j), 0),
  );
}

/** The sheet with the given stated figures cleared: those rows show (and export) their sums. */
export function withoutStated(sheet: AppendixSheet, cells: readonly StatedCell[]): AppendixSheet {
  if (!cells.length) return sheet;
  const byRow = new Map<Id, Set<Id>>();
  for (const c of cells) byRow.set(c.rowId, (byRow.get(c.rowId) ?? new Set()).add(c.key));
  const rows = sheet.rows.map((r) => {
    const keys = byRow.get(r.id);
    if (!keys) return r;
    const rest = { ...r.cells };
    for (const k of keys) delete rest[k];
    return { ...r, cells: rest };
  });
  return { ...sheet, rows };
}
