/**
 * Cross-checks: what a careful auditor checks by hand, and only that. A figure is checked against a
 * rule the table states (its column-code row, a rule in a row's label) or means by its structure
 * (a section over the rows it heads, a total over its block, a project's amounts within its stated
 * total). Computed values come from the formula engine (through `CheckValues`); a figure that a
 * section or total row states is taken as printed, so one wrong figure gives one finding.
 */
import { sheetContext } from './checkContext';
import { classify } from './checkSeverity';
import { RowChecker } from './rowChecker';
import type { AppendixSheet, Id, PlanMeta } from './types';
import { appendAll } from './arrays';

export { sheetRules } from './checkContext';
export { classify, decimalsOf, findingKey } from './checkSeverity';

export type RuleId =
  | 'row-total'
  | 'section-total'
  | 'grand-total'
  | 'stated-plan-total'
  | 'column-rule'
  | 'label-rule'
  | 'balance-rule'
  | 'of-which';

/** Where the rule a finding checks comes from. */
export type RuleSource = 'code row' | 'label' | 'structure' | 'plan text';

export interface Finding {
  rule: RuleId;
  severity: 'error' | 'warning';
  /** Model row (null for plan-level findings) and column (leaf or year group id). */
  rowId: Id | null;
  colId: Id | null;
  label: string;
  /** What the table (or plan text) states, and what the rows add up to. */
  expected: number;
  actual: number;
  /** Number of rounded terms in the sum (the rounding allowance is terms × half a unit). */
  terms: number;
  /** Extra context: the source, year or column rule concerned. */
  scope: string;
  /** Where the rule comes from. */
  from?: RuleSource;
  /** The user's note when they marked the finding explained. */
  explained?: string;
  /** For `of-which`: the labels of the parts that exceed the row (its own label is `label`). */
  parts?: string[];
  /** Why an error was lowered to a warning: the difference is to verify, or a note explains it. */
  why?: 'note' | 'partial' | 'inferred';
}

/** Computed values, read from the formula engine. */
export interface CheckValues {
  /** A visible cell of row i (section subtotals and row totals are formulas). */
  value(i: number, colId: Id): unknown;
  /** Computed total for a source (null: all) in a leaf column or a year group. */
  total(source: string | null, colId: Id): unknown;
  /** The computed right-hand side of column rule k on row i. */
  rule(i: number, k: number): unknown;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Findings of one row (row-total, section-total, grand-total, label-rule, balance-rule, column-rule). */
export function rowFindings(sheet: AppendixSheet, i: number, v: CheckValues): Finding[] {
  return new RowChecker(sheet, v).row(i);
}

/**
 * The findings of each row of a sheet, from one checker (what every row needs of the sheet is
 * taken once): for a pass over many rows.
 */
export function rowChecker(sheet: AppendixSheet, v: CheckValues): (i: number) => Finding[] {
  const checker = new RowChecker(sheet, v);
  return (i) => checker.row(i);
}

/** Totals the plan's text states vs the table (stated-plan-total). */
export function planFindings(sheet: AppendixSheet, meta: PlanMeta, v: CheckValues): Finding[] {
  const ctx = sheetContext(sheet);
  const total = ctx.rowTotal;
  if (!total) return [];
  const out: Finding[] = [];
  const check = (source: string | null, expected: number) => {
    const actual = num(v.total(source, total.id));
    if (actual === null) return;
    let terms = 0;
    for (const r of sheet.rows)
      if (r.kind === 'project')
        for (const l of ctx.amounts)
          if ((source === null || l.source === source) && num(r.cells[l.id]) !== null) terms++;
    const s = classify(expected, actual, terms);
    if (s === 'ok') return;
    out.push({
      rule: 'stated-plan-total',
      severity: s,
      rowId: null,
      colId: total.id,
      label: meta.title,
      expected,
      actual,
      terms,
      scope: source ?? '',
      from: 'plan text',
    });
  };
  if (meta.stated.total !== undefined) check(null, meta.stated.total);
  for (const [source, x] of Object.entries(meta.stated.bySource)) check(source, x);
  return out;
}

/** Every finding of a sheet. */
export function sheetFindings(
  sheet: AppendixSheet,
  meta: PlanMeta | null,
  v: CheckValues,
): Finding[] {
  const out: Finding[] = [];
  const checker = new RowChecker(sheet, v);
  for (let i = 0; i < sheet.rows.length; i++) {
    const f = checker.row(i);
    if (f.length) appendAll(out, f);
  }
  if (meta) appendAll(out, planFindings(sheet, meta, v));
  return out;
}

export { explain, RULE_NAMES } from './checkWords';
