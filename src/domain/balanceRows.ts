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
import { budgetYear, CENTRAL_DEFICIT_UNTIL, sameBudget } from './budgetScope';
import { leaves } from './columns';
import { sheetContext } from './checkContext';
import {
  type BalanceKind,
  type LabelReading,
  NO_QUANTITY,
  readLabel,
  readLabelWhole,
  surelyNone,
  writesRule,
} from './quantityLabels';
import { fold } from './sources';
import type { AppendixSheet, ColumnLeaf, Row } from './types';

export interface BalanceRule {
  /** The rule as the checks print it (`II − I`). */
  text: string;
  terms: { sign: 1 | -1; row: number }[];
  /** Read from the sheet's other balance rows, not from this row's own figures: a gap is to verify. */
  inferred?: true;
}

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

const label = (r: Row) => String(r.cells.name ?? '');
/** The row's label for a rule's text (folded, numbering set aside). */
const text = (r: Row) =>
  fold(label(r))
    .replace(/^[\s\d.)\-–:]+/, '')
    .trim();

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
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function decimals(x: number): number {
  for (let d = 0; d <= 6; d++) if (Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) < 1e-7) return d;
  return 6;
}

/** Whether `stated` is `computed` within the rounding of `terms` printed figures. */
function near(stated: number, computed: number, terms: number): boolean {
  return Math.abs(stated - computed) <= terms * 0.5 * 10 ** -decimals(stated) + 1e-9;
}

/** Columns a rule may hold on: those where the row states a figure. */
function compared(rows: readonly Row[], i: number, cols: readonly ColumnLeaf[]): ColumnLeaf[] {
  return cols.filter((l) => num(rows[i].cells[l.id]) !== null);
}

/** Figure-bearing rows before row i in its own block, at its level (nearest first), at most 6. */
function operands(
  rows: readonly Row[],
  i: number,
  derived: Set<number>,
  read: Set<number>,
): number[] {
  const level = rows[i].level;
  const out: number[] = [];
  read.add(i);
  for (let j = i - 1; j >= 0 && out.length < 7; j--) {
    const r = rows[j];
    if (r.kind === 'total' || r.level < level) break;
    if (r.level > level || r.part) continue;
    // a derived row's figures are not read, but whether it is derived may follow its figures
    read.add(j);
    if (derived.has(j)) continue;
    if (Object.entries(r.cells).some(([k, v]) => k !== 'tt' && num(v) !== null)) out.push(j);
  }
  return out.length >= 2 && out.length <= 6 ? out.reverse() : [];
}

/** Σ sign × figure of the terms in one column (a missing figure is 0). */
function value(rows: readonly Row[], terms: BalanceRule['terms'], colId: string): number {
  let s = 0;
  for (const t of terms) s += t.sign * (num(rows[t.row].cells[colId]) ?? 0);
  return s;
}

/** How many of the row's columns follow the terms, and whether one of them is a non-zero figure. */
function follows(
  rows: readonly Row[],
  i: number,
  terms: BalanceRule['terms'],
  cols: readonly ColumnLeaf[],
): { holds: number; real: boolean } {
  let holds = 0;
  let real = false;
  for (const l of cols) {
    const e = num(rows[i].cells[l.id])!;
    if (!near(e, value(rows, terms, l.id), terms.length + 1)) continue;
    holds++;
    if (e !== 0) real = true;
  }
  return { holds, real };
}

/** One operand minus the others, with a sign: the shapes a difference of blocks takes. */
function shapes(ops: number[]): BalanceRule['terms'][] {
  const out: BalanceRule['terms'][] = [];
  for (const k of ops)
    for (const sign of [1, -1] as const)
      out.push(ops.map((row) => ({ row, sign: (row === k ? sign : -sign) as 1 | -1 })));
  return out;
}

function ruleText(rows: readonly Row[], terms: BalanceRule['terms']): string {
  const name = (j: number) => String(rows[j].cells.tt ?? '').trim() || text(rows[j]).slice(0, 20);
  const sorted = [...terms].sort((a, b) => b.sign - a.sign);
  return sorted
    .map(
      (t, k) => `${k === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${name(t.row)}`,
    )
    .join('');
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

/** The sign the table writes its balances with (a deficit printed negative is the same rule). */
function signed(
  rows: readonly Row[],
  i: number,
  m: BalanceRule['terms'],
  col: ColumnLeaf,
): BalanceRule['terms'] {
  const first = num(rows[i].cells[col.id])!;
  return first < 0 && value(rows, m, col.id) > 0
    ? m.map((t) => ({ ...t, sign: -t.sign as 1 | -1 }))
    : m;
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
