/**
 * Balance rows: a deficit, surplus or difference row (*Bội chi*, *Bội thu*, *Thặng dư*, *Chênh
 * lệch thu chi*, *Vay bù đắp bội chi*) restates the difference of the blocks before it in its own
 * block (expenditure − revenue, revenue − expenditure) without writing the rule. Such a row is
 * derived: its figure is no input of the table (not an item), and it is checked against the
 * difference. The label alone is not enough (a deficit may be the central budget's while the blocks
 * are the whole state's), so the rule is taken only where the table's own figures follow it on
 * (nearly) all its columns; then a column that breaks it is a real difference. Where a sheet's other
 * balance rows follow the difference their label means, a row breaking it is checked as well, its
 * gaps to verify (the rule is not read from its own figures, so it is never certain).
 * A row whose label writes a difference (`C = A - B - kết dư NSĐP`) is derived whether or not its
 * terms name rows.
 */
import {
  type BalanceRule,
  compared,
  follows,
  label,
  operands,
  ruleText,
  shapes,
  signed,
} from './balanceTerms';
import { CENTRAL_DEFICIT_UNTIL, sameBudget } from './budgetScope';
import {
  type BalanceKind,
  type LabelReading,
  NO_QUANTITY,
  readLabel,
  readLabelWhole,
  surelyNone,
  writesRule,
} from './quantityLabels';
import type { ColumnLeaf, Row } from './types';

export type { BalanceRule } from './balanceTerms';

export interface Balances {
  /** Rows whose figures are derived from other rows (never items). */
  derived: Set<number>;
  /** The difference each balance row is checked against (label-stated rules are checked apart). */
  rules: Map<number, BalanceRule>;
  /**
   * Ids of the rows whose figures the search read (balance rows and the rows it looked at
   * as their operands): a figure edited elsewhere changes nothing here.
   */
  read: Set<string>;
}

/** The balances whose figure restates a difference of the blocks before them (quantityLabels.ts). */
const DERIVED: ReadonlySet<BalanceKind | undefined> = new Set<BalanceKind>([
  'deficit',
  'surplus',
  'difference',
]);

/**
 * What a row's label names (by row version: a label is read once, not per edit); most labels
 * (projects) are told at their first letter, without a reading kept.
 */
const readings = new WeakMap<Row, LabelReading>();
function reading(r: Row): LabelReading {
  let x = readings.get(r);
  if (x !== undefined) return x;
  const l = label(r);
  if (surelyNone(l)) return NO_QUANTITY;
  readings.set(r, (x = readLabelWhole(l)));
  return x;
}

/** Whether a row's label names a balance that restates a difference (deficit, surplus, difference). */
function isBalance(r: Row): boolean {
  return DERIVED.has(reading(r).balance);
}

/** Whether a label names a balance that `balanceRows` checks as a difference of blocks. */
export function namesBalance(name: string): boolean {
  return DERIVED.has(readLabel(name).balance);
}
/**
 * The difference a balance label means over its operands (deficit: the one expenditure block
 * minus the revenue blocks; difference or surplus: the one revenue block minus the others), or
 * null when the operands' labels do not say which is which.
 */
function meant(rows: readonly Row[], i: number, ops: number[]): BalanceRule['terms'] | null {
  const deficit = reading(rows[i]).balance === 'deficit';
  const quantity = (j: number) => reading(rows[j]).quantity;
  const lead = ops.filter((j) => quantity(j) === (deficit ? 'expenditure' : 'revenue'));
  const rest = ops.filter((j) => quantity(j) === (deficit ? 'revenue' : 'expenditure'));
  if (lead.length !== 1 || lead.length + rest.length !== ops.length) return null;
  return ops.map((row) => ({ row, sign: row === lead[0] ? 1 : -1 }));
}

/**
 * The meant difference, where the balance row and its blocks name the same budget (a state
 * deficit of a budget year up to `CENTRAL_DEFICIT_UNTIL` is the central one).
 */
function certain(
  rows: readonly Row[],
  i: number,
  ops: number[],
  year: number | null,
): BalanceRule['terms'] | null {
  const m = meant(rows, i, ops);
  const name = (j: number) => String(rows[j].cells.name ?? '');
  const lead = m?.find((t) => t.sign === 1);
  if (!m || !lead) return null;
  const rest = m.filter((t) => t !== lead).map((t) => name(t.row));
  const stateIsCentral =
    year !== null && year <= CENTRAL_DEFICIT_UNTIL && reading(rows[i]).balance === 'deficit';
  return sameBudget(name(i), name(lead.row), rest, stateIsCentral) ? m : null;
}

/**
 * The derived rows of a table and the differences they are checked against (`year`: the budget
 * year the table speaks of, `budgetYear`, null when unknown).
 */
export function balanceRows(
  rows: readonly Row[],
  cols: readonly ColumnLeaf[],
  labelled: ReadonlyMap<number, { terms: { sign: 1 | -1 }[] }>,
  year: number | null = null,
): Balances {
  const derived = new Set<number>();
  const rules = new Map<number, BalanceRule>();
  const read = new Set<number>();
  const pending: number[] = [];
  let evidence = false;
  rows.forEach((r, i) => {
    if (r.part || r.kind === 'total') return;
    const rule = labelled.get(i);
    if (rule?.terms.some((t) => t.sign < 0) || (!rule && writesRule(label(r)))) derived.add(i);
    if (rule || derived.has(i) || !isBalance(r)) return;
    const ops = operands(rows, i, derived, read);
    const cs = compared(rows, i, cols);
    if (!ops.length || !cs.length) return;
    // (nearly) all: every column of one or two, else two thirds of them and at least two
    const need = cs.length <= 2 ? cs.length : Math.max(2, Math.ceil((cs.length * 2) / 3));
    let best: { terms: BalanceRule['terms']; holds: number } | null = null;
    for (const terms of shapes(ops)) {
      const f = follows(rows, i, terms, cs);
      if (f.real && f.holds >= need && (!best || f.holds > best.holds))
        best = { terms, holds: f.holds };
    }
    if (!best) {
      // one figure and a meaning its label and its blocks' labels make certain: that rule
      const m = cs.length === 1 ? certain(rows, i, ops, year) : null;
      if (m) {
        derived.add(i);
        rules.set(i, { text: ruleText(rows, m), terms: signed(rows, i, m, cs[0]) });
      } else pending.push(i);
      return;
    }
    derived.add(i);
    rules.set(i, { text: ruleText(rows, best.terms), terms: best.terms });
    const m = meant(rows, i, ops);
    if (m && m.every((t, k) => t.sign === best.terms[k].sign)) evidence = true;
    else if (m && m.every((t, k) => t.sign === -best.terms[k].sign)) evidence = true;
  });
  // the sheet's other balance rows follow what their label means: one that does not is checked
  if (evidence)
    for (const i of pending) {
      const ops = operands(rows, i, derived, read);
      const m = meant(rows, i, ops);
      const cs = compared(rows, i, cols);
      if (!m || !cs.length) continue;
      const terms = signed(rows, i, m, cs[0]);
      derived.add(i);
      rules.set(i, { text: ruleText(rows, terms), terms, inferred: true });
    }
  return { derived, rules, read: new Set([...read].map((i) => rows[i].id)) };
}
