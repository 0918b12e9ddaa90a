/**
 * For the tests proving a shortcut of PlainValues (an edit, a structural step) gives what it
 * computes afresh: every figure of a sheet, in one fixed order, to compare two computations whole.
 */
import { leaves, yearGroups } from '../domain/columns';
import type { AppendixSheet } from '../domain/types';
import { layoutOf } from './layout';
import type { PlainValues } from './plainValues';

/** Every figure of a sheet (cells, column rules by row, totals by source), in amounts of the plan's unit. */
export function allFigures(
  p: Pick<PlainValues, 'value' | 'rule' | 'total'>,
  sheet: AppendixSheet,
): unknown[] {
  const ids = leaves(sheet.columns).map((l) => l.id);
  const groups = yearGroups(sheet.columns).map((g) => g.group.id);
  const l = layoutOf(sheet);
  const out: unknown[] = [];
  sheet.rows.forEach((_, i) => {
    for (const id of ids) out.push(p.value(i, id));
    l.rules.forEach((_r, k) => out.push(p.rule(i, k)));
  });
  for (const s of [...l.sources, null])
    for (const id of [...ids, ...groups]) out.push(p.total(s, id));
  return out;
}
