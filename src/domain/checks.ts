/**
 * Cross-checks: what a careful auditor checks by hand, and only that. A figure is checked against a
 * rule the table states (its column-code row, a rule in a row's label) or means by its structure
 * (a section over the rows it heads, a total over its block, a project's amounts within its stated
 * total). Computed values come from the formula engine (through `CheckValues`); a figure that a
 * section or total row states is taken as printed, so one wrong figure gives one finding.
 */
import { sheetBalances } from './balanceRows';
import { sheetContext, type SheetContext } from './checkContext';
import { holdsNear } from './checkNotes';
import {
  effective,
  labelRuleFindings,
  projectFindings,
  type Push,
  sectionFindings,
  totalFindings,
} from './checkRules';
import type { AppendixSheet, ColumnLeaf, Id, PlanMeta, Row } from './types';
import { appendAll } from './arrays';

export { sheetRules } from './checkContext';

export type RuleId =
  | 'row-total'
  | 'section-total'
  | 'grand-total'
  | 'stated-plan-total'
  | 'column-rule'
  | 'label-rule'
  | 'balance-rule';

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

const leaves = new WeakMap<SheetContext, Map<Id, ColumnLeaf>>();
/** The sheet's leaves by id (one map per context). */
function leafById(ctx: SheetContext): Map<Id, ColumnLeaf> {
  let m = leaves.get(ctx);
  if (!m) leaves.set(ctx, (m = new Map(ctx.leaves.map((l) => [l.id, l]))));
  return m;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Decimals of a figure as written (0 for 61600, 2 for 334327.57), at most 6. */
export function decimalsOf(x: number): number {
  for (let d = 0; d <= 6; d++) if (Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) < 1e-7) return d;
  return 6;
}

/**
 * Severity of a stated/computed difference: none for floating noise, a warning when `terms`
 * rounded figures explain it (|diff| ≤ terms × half a unit of the printed figure), else an error.
 * `decimals` is how the source printed the figures (default: as the stated figure is written).
 */
export function classify(
  expected: number,
  actual: number,
  terms: number,
  decimals?: number,
): 'ok' | 'warning' | 'error' {
  const diff = Math.abs(expected - actual);
  if (diff <= 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual))) return 'ok';
  const unit = 10 ** -Math.min(decimals ?? 6, decimalsOf(expected));
  return diff <= Math.max(1, terms) * unit * 0.5 + 1e-9 ? 'warning' : 'error';
}

/** A finding's stable key (for the user's explanations). */
export function findingKey(f: Pick<Finding, 'rule' | 'rowId' | 'colId'>): string {
  return `${f.rule}:${f.rowId ?? ''}:${f.colId ?? ''}`;
}

function label(r: Row): string {
  return String(r.cells.name ?? r.cells.tt ?? '').trim();
}

/** Findings of one row (row-total, section-total, grand-total, label-rule, balance-rule, column-rule). */
export function rowFindings(sheet: AppendixSheet, i: number, v: CheckValues): Finding[] {
  const ctx = sheetContext(sheet);
  const rows = sheet.rows;
  const r = rows[i];
  const out: Finding[] = [];
  if (r.part === 'ratio') return out;
  // a note speaks for a gap only where the table points to it: a grand total (amounts not
  // distributed to the rows), a column whose header carries a marker, or a marked figure
  const pointsToNote = (rule: RuleId, colId: Id) =>
    rule === 'grand-total' ||
    ctx.markedColumns.has(colId) ||
    [i, ...(ctx.children.get(i) ?? []), ...(ctx.segments.get(i) ?? [])].some(
      (j) => rows[j].marks?.[colId] !== undefined,
    );
  const push: Push = (rule, col, expected, actual, terms, scope, from, doubt) => {
    const colId = typeof col === 'string' ? col : col.id;
    if (actual === null || ctx.off.has(colId)) return;
    const decimals = typeof col === 'string' ? undefined : col.decimals;
    let s = classify(expected, actual, terms, decimals);
    if (s === 'ok') return;
    let why: Finding['why'];
    const tol = Math.max(1, terms) * 0.5 * 10 ** -Math.min(decimals ?? 6, decimalsOf(expected));
    if (
      s === 'error' &&
      rule === 'section-total' &&
      actual < expected &&
      (doubt === 'partial' || ctx.partialLists.has(i))
    )
      why = 'partial';
    else if (s === 'error' && doubt === 'inferred') why = 'inferred';
    else if (
      s === 'error' &&
      pointsToNote(rule, colId) &&
      holdsNear(ctx.noteAmounts, Math.abs(expected - actual), tol + 1e-9)
    )
      why = 'note';
    if (why) s = 'warning';
    const f: Finding = {
      rule,
      severity: s,
      rowId: r.id,
      colId,
      label: label(r),
      expected,
      actual,
      terms,
      scope,
      from,
      ...(why ? { why } : {}),
    };
    const note = sheet.checks?.explained?.[findingKey(f)];
    if (note !== undefined) f.explained = note;
    out.push(f);
  };
  const labelled = ctx.labelRules.get(i);
  if (labelled) labelRuleFindings(rows, i, v, ctx, labelled, push);
  else if (r.kind === 'project') projectFindings(r, i, v, ctx, rows, push);
  else if (r.kind === 'section') sectionFindings(r, i, v, ctx, rows, push);
  else totalFindings(rows, i, v, ctx, push);
  const balance = labelled ? undefined : sheetBalances(sheet).rules.get(i);
  if (balance) labelRuleFindings(rows, i, v, ctx, balance, push, 'balance-rule');
  for (const { total, parts } of ctx.partColumns) {
    const e = effective(rows, v, i, total.id);
    const ys = parts.map((p) => effective(rows, v, i, p.id)).filter((y): y is number => y !== null);
    if (e === null || !ys.length || ys.some((y) => y < 0)) continue;
    const sum = Number(ys.reduce((a, b) => a + b, 0).toPrecision(15));
    if (sum > e)
      push('column-rule', total, e, sum, ys.length + 1, `${total.label} ≥ Σ`, 'structure');
  }
  for (const rule of ctx.rules) {
    // on a section or total row only a stated figure is checked (a computed one follows its rows)
    if (r.kind !== 'project' && num(r.cells[rule.target]) === null) continue;
    const e = effective(rows, v, i, rule.target);
    if (e === null) continue;
    let sum = 0;
    let n = 0;
    const target = ctx.leaves.find((l) => l.id === rule.target)!;
    // the sum is as precise as its coarsest printed term (figures typed rounded beside one kept
    // unrounded: the rounding of the terms explains the gap)
    let decimals = Math.min(target.decimals ?? 6, decimalsOf(e));
    for (const t of rule.terms) {
      const x = effective(rows, v, i, t.colId);
      if (x === null) continue;
      sum += t.sign * x;
      n++;
      // printed as its column's format says, else as typed (a figure typed as text is as printed)
      decimals = Math.min(decimals, leafById(ctx).get(t.colId)?.decimals ?? decimalsOf(x));
    }
    if (n)
      push(
        'column-rule',
        { ...target, decimals },
        e,
        Number(sum.toPrecision(15)),
        rule.terms.length + 1,
        rule.text,
        rule.from ?? 'code row',
      );
  }
  return out;
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
  for (let i = 0; i < sheet.rows.length; i++) out.push(...rowFindings(sheet, i, v));
  if (meta) appendAll(out, planFindings(sheet, meta, v));
  return out;
}

export { explain, RULE_NAMES } from './checkWords';
