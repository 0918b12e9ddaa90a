/**
 * Cross-checks: what reviewers check by hand. The computed side of every rule comes from the
 * formula engine (through `CheckValues`); this module compares it with the stated figures, with
 * the rounding tolerance of published tables.
 */
import { parseColumnRule } from './columnRules';
import { isNumericLeaf, leaves, yearGroups } from './columns';
import { formatAmount } from './numbers';
import { subtreeEnd } from './rows';
import type { AppendixSheet, ColumnLeaf, Id, PlanMeta, Row } from './types';

export type RuleId =
  'row-total' | 'section-total' | 'grand-total' | 'stated-plan-total' | 'column-rule';

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

/** Decimals of a figure as written (0 for 61600, 2 for 334327.57), at most 6. */
export function decimalsOf(x: number): number {
  for (let d = 0; d <= 6; d++) if (Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) < 1e-7) return d;
  return 6;
}

/**
 * Severity of a stated/computed difference: none for floating noise, a warning when `terms`
 * rounded figures explain it (|diff| ≤ terms × half a unit of the stated figure), else an error.
 */
export function classify(
  expected: number,
  actual: number,
  terms: number,
): 'ok' | 'warning' | 'error' {
  const diff = Math.abs(expected - actual);
  if (diff <= 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual))) return 'ok';
  const unit = 10 ** -decimalsOf(expected);
  return diff <= Math.max(1, terms) * unit * 0.5 + 1e-9 ? 'warning' : 'error';
}

/** Column rules of a sheet, with the leaf ids they bind (rules naming unknown codes are skipped). */
export function sheetRules(
  sheet: AppendixSheet,
): { text: string; target: Id; terms: { sign: 1 | -1; colId: Id }[] }[] {
  const ls = leaves(sheet.columns);
  const byCode = new Map(
    ls.filter((l) => l.code).map((l) => [parseColumnRule(l.code!)?.target ?? l.code!.trim(), l.id]),
  );
  const out = [];
  for (const l of ls) {
    const r = l.code ? parseColumnRule(l.code) : null;
    if (!r) continue;
    const terms = r.terms.map((t) => ({ sign: t.sign, colId: byCode.get(t.code) }));
    if (terms.some((t) => !t.colId)) continue;
    out.push({ text: r.text, target: l.id, terms: terms as { sign: 1 | -1; colId: Id }[] });
  }
  return out;
}

function filled(r: Row, colId: Id): boolean {
  const v = r.cells[colId];
  return v !== undefined && v !== null && v !== '';
}

function label(r: Row): string {
  return String(r.cells.name ?? r.cells.tt ?? '').trim();
}

/** Findings of one row (row-total, section-total, grand-total, column-rule). */
export function rowFindings(
  sheet: AppendixSheet,
  i: number,
  v: CheckValues,
  leafList = leaves(sheet.columns),
): Finding[] {
  const r = sheet.rows[i];
  const out: Finding[] = [];
  const amounts = leafList.filter((l) => l.role === 'amount');
  const push: Push = (rule, colId, expected, actual, terms, scope) => {
    if (actual === null) return;
    const s = classify(expected, actual, terms);
    if (s !== 'ok')
      out.push({
        rule,
        severity: s,
        rowId: r.id,
        colId,
        label: label(r),
        expected,
        actual,
        terms,
        scope,
      });
  };
  if (r.kind === 'project') {
    const stated = leafList.find((l) => l.role === 'stated');
    const total = leafList.find((l) => l.role === 'rowTotal');
    const e = stated && num(r.cells[stated.id]);
    if (stated && total && e !== null && e !== undefined) {
      push(
        'row-total',
        stated.id,
        e,
        num(v.value(i, total.id)),
        amounts.filter((l) => filled(r, l.id)).length,
        stated.label,
      );
    }
  } else if (r.kind === 'section') {
    const end = subtreeEnd(sheet.rows, i);
    for (const l of leafList) {
      const e = isNumericLeaf(l) && l.role !== 'rowTotal' ? num(r.cells[l.id]) : null;
      if (e === null) continue;
      let terms = 0;
      for (let j = i + 1; j < end; j++)
        if (sheet.rows[j].kind === 'project' && filled(sheet.rows[j], l.id)) terms++;
      push('section-total', l.id, e, num(v.value(i, l.id)), terms, l.label);
    }
  } else {
    grandTotalFindings(sheet, r, v, leafList, push);
  }
  sheetRules(sheet).forEach((rule, k) => {
    const cells = [rule.target, ...rule.terms.map((t) => t.colId)];
    if (!cells.some((c) => filled(r, c) || r.kind === 'section')) return;
    const e = num(v.value(i, rule.target)) ?? 0;
    const a = num(v.rule(i, k));
    if (r.kind === 'section' && e === 0 && !a) return;
    push('column-rule', rule.target, e, a, rule.terms.length + 1, rule.text);
  });
  return out;
}

type Push = (
  rule: RuleId,
  colId: Id,
  expected: number,
  actual: number | null,
  terms: number,
  scope: string,
) => void;

function projectCount(sheet: AppendixSheet, cols: Id[]): number {
  let n = 0;
  for (const r of sheet.rows) if (r.kind === 'project') for (const c of cols) if (filled(r, c)) n++;
  return n;
}

function grandTotalFindings(
  sheet: AppendixSheet,
  r: Row,
  v: CheckValues,
  leafList: ColumnLeaf[],
  push: Push,
): void {
  const source = r.totalSource ?? null;
  const amounts = leafList.filter(
    (l) => l.role === 'amount' && (source === null || l.source === source),
  );
  for (const l of leafList) {
    const e = num(r.cells[l.id]);
    if (e === null) continue;
    if (l.role === 'amount' && (source === null || l.source === source)) {
      push(
        'grand-total',
        l.id,
        e,
        num(v.total(source, l.id)),
        projectCount(sheet, [l.id]),
        [l.year, l.source].filter(Boolean).join(' '),
      );
    } else if (l.role === 'stated' || l.role === 'rowTotal') {
      const total = leafList.find((x) => x.role === 'rowTotal');
      push(
        'grand-total',
        l.id,
        e,
        total ? num(v.total(source, total.id)) : null,
        projectCount(
          sheet,
          amounts.map((a) => a.id),
        ),
        source ?? '',
      );
    }
  }
  for (const { group, leaves: yl } of yearGroups(sheet.columns)) {
    const e = num(r.cells[group.id]);
    if (e === null) continue;
    const cols = yl.filter((l) => source === null || l.source === source).map((l) => l.id);
    push(
      'grand-total',
      group.id,
      e,
      num(v.total(source, group.id)),
      projectCount(sheet, cols),
      String(group.year ?? group.label),
    );
  }
}

/** Totals the plan's text states vs the table (stated-plan-total). */
export function planFindings(sheet: AppendixSheet, meta: PlanMeta, v: CheckValues): Finding[] {
  const total = leaves(sheet.columns).find((l) => l.role === 'rowTotal');
  if (!total) return [];
  const amounts = leaves(sheet.columns).filter((l) => l.role === 'amount');
  const out: Finding[] = [];
  const check = (source: string | null, expected: number) => {
    const actual = num(v.total(source, total.id));
    if (actual === null) return;
    const cols = amounts.filter((l) => source === null || l.source === source).map((l) => l.id);
    const terms = projectCount(sheet, cols);
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
  const ls = leaves(sheet.columns);
  const out: Finding[] = [];
  for (let i = 0; i < sheet.rows.length; i++) out.push(...rowFindings(sheet, i, v, ls));
  if (meta) out.push(...planFindings(sheet, meta, v));
  return out;
}

/** Names of the rules, as the report prints them. */
export const RULE_NAMES: Record<'vi' | 'en', Record<RuleId, string>> = {
  vi: {
    'row-total': 'Tổng dòng',
    'section-total': 'Tổng mục',
    'grand-total': 'Dòng tổng của biểu',
    'stated-plan-total': 'Tổng ghi trong văn bản',
    'column-rule': 'Quy tắc cột',
  },
  en: {
    'row-total': 'Row total',
    'section-total': 'Section total',
    'grand-total': 'Stated total row',
    'stated-plan-total': 'Plan text total',
    'column-rule': 'Column rule',
  },
};

/** One line explaining a finding, in the user's language. */
export function explain(f: Finding, lang: 'vi' | 'en' = 'vi'): string {
  const a = (x: number) => formatAmount(x, lang);
  const d = a(f.actual - f.expected);
  if (lang === 'en') {
    const why = f.severity === 'warning' ? ` (within the rounding of ${f.terms} figures)` : '';
    return `${f.label}${f.scope ? ` [${f.scope}]` : ''}: stated ${a(f.expected)}, computed ${a(f.actual)}, difference ${d}${why}`;
  }
  const why = f.severity === 'warning' ? ` (nằm trong sai số làm tròn của ${f.terms} số)` : '';
  return `${f.label}${f.scope ? ` [${f.scope}]` : ''}: số ghi ${a(f.expected)}, tính được ${a(f.actual)}, chênh lệch ${d}${why}`;
}
