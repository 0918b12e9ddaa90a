/**
 * The balance rows of a sheet, kept per version of its rows: found once (balanceRows.ts), and
 * carried over an edit that cannot change them.
 */
import { type Balances, balanceRows } from './balanceRows';
import { budgetYear } from './budgetScope';
import { sheetContext } from './checkContext';
import { leaves } from './columns';
import type { AppendixSheet, Row } from './types';

const cache = new WeakMap<
  readonly Row[],
  { columns: unknown; title: string; balances: Balances }
>();

/** The budget year of a sheet (`budgetYear` of its title and columns). */
export function sheetYear(sheet: AppendixSheet): number | null {
  const years = leaves(sheet.columns).flatMap((l) => (l.year === undefined ? [] : [l.year]));
  return budgetYear(sheet.title ?? '', years);
}

/** The balance rows of a sheet (cached per version of its rows, columns and title). */
export function sheetBalances(sheet: AppendixSheet): Balances {
  const hit = cache.get(sheet.rows);
  if (hit && hit.columns === sheet.columns && hit.title === sheet.title) return hit.balances;
  const ctx = sheetContext(sheet);
  const balances = balanceRows(sheet.rows, ctx.additive, ctx.labelRules, sheetYear(sheet));
  cache.set(sheet.rows, { columns: sheet.columns, title: sheet.title, balances });
  return balances;
}

/**
 * After a step that changed only the `changed` rows of a sheet (same rows in the same order, same
 * columns): the sheet after shares the balances of the sheet before when every changed row keeps
 * its label and structure and none is a row the search read (`balanceRows` would find the same),
 * so an edit costs the changed rows, not a pass over every label.
 */
export function carryBalances(
  before: AppendixSheet,
  after: AppendixSheet,
  changed: readonly { before?: Row | null; after?: Row | null }[],
): void {
  if (before.rows === after.rows || before.rows.length !== after.rows.length) return;
  if (before.columns !== after.columns || cache.has(after.rows)) return;
  const hit = cache.get(before.rows);
  if (!hit || hit.columns !== before.columns || after.title !== hit.title) return;
  for (const { before: a, after: b } of changed)
    if (!a || !b || hit.balances.read.has(b.id) || !sameLabel(a, b)) return;
  cache.set(after.rows, hit);
}

/** Whether two versions of a row agree on all `balanceRows` reads of a row it does not search. */
function sameLabel(a: Row, b: Row): boolean {
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.level === b.level &&
    a.part === b.part &&
    a.rule === b.rule &&
    a.cells.name === b.cells.name &&
    a.cells.tt === b.cells.tt
  );
}
