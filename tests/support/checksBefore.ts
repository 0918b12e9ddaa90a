/**
 * The cross-checks as they were before the full pass was optimised (checks.ts and checkRules.ts
 * at commit 2047f71, unchanged but for names): the reference the optimised pass must match exactly
 * (src/app/checksSame.test.ts). Test support only.
 */
import { sheetBalances } from '../../src/domain/balanceSheet';
import { sheetContext, type SheetContext } from '../../src/domain/checkContext';
import { holdsNear } from '../../src/domain/checkNotes';
import {
  type CheckValues,
  classify,
  decimalsOf,
  type Finding,
  findingKey,
  type RuleId,
  type RuleSource,
} from '../../src/domain/checks';
import type { AppendixSheet, ColumnLeaf, Id, PlanMeta, Row } from '../../src/domain/types';
import { appendAll } from '../../src/domain/arrays';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The figure a row shows in a column: as stated on sections and totals, else as computed. A 0
 * stated on a section or total row over rows that add up to more is a placeholder, not a figure.
 */
function effective(
  rows: readonly Row[],
  v: CheckValues,
  i: number,
  colId: Id,
  ctx?: SheetContext,
): number | null {
  const x = num(rows[i].cells[colId]);
  const computed = num(v.value(i, colId));
  if (x === 0 && rows[i].kind !== 'project' && computed) return computed;
  if (x !== null || computed !== null) return x !== null ? x : computed;
  // a line without its own figure over a breakdown (gross VAT, refunds) stands for the breakdown
  const parts = ctx?.breakdown.get(i);
  if (!parts) return null;
  const ys = parts.map((j) => effective(rows, v, j, colId)).filter((y): y is number => y !== null);
  if (!ys.length) return null;
  const sum = ys.reduce((a, b) => a + b, 0);
  // `gross, refunds, net`: the line that is the sum of the others is the result
  const last = ys[ys.length - 1];
  return ys.length > 2 && Math.abs(sum - 2 * last) <= ys.length * 0.5 ? last : sum;
}

/** Σ sign × figure over rows; null when none of them has a figure. */
function sumOf(
  rows: readonly Row[],
  v: CheckValues,
  terms: readonly { sign: 1 | -1; row: number }[],
  colIds: readonly Id[],
  ctx?: SheetContext,
): { sum: number; n: number } | null {
  let sum = 0;
  let n = 0;
  for (const t of terms)
    for (const c of colIds) {
      const x = effective(rows, v, t.row, c, ctx);
      if (x === null) continue;
      sum += t.sign * x;
      n++;
    }
  // as the engine does (precision rounding): 0.1 + 0.2 is 0.3, never noise
  return n ? { sum: Number(sum.toPrecision(15)), n } : null;
}

type Push = (
  rule: RuleId,
  col: ColumnLeaf | Id,
  expected: number,
  actual: number | null,
  terms: number,
  scope: string,
  from: RuleSource,
  doubt?: 'partial' | 'inferred',
) => void;

const plus = (rows: number[]) => rows.map((row) => ({ sign: 1 as const, row }));

/**
 * A section against the rows it heads, column by column. When every column falls short of what
 * the section states, rows are missing from the list (units left out of a published table), not
 * mistyped: to verify, not an error.
 */
function sectionFindings(
  r: Row,
  i: number,
  v: CheckValues,
  ctx: SheetContext,
  rows: readonly Row[],
  push: Push,
): void {
  const kids = plus(ctx.children.get(i) ?? []);
  const compared: { l: ColumnLeaf; e: number; sum: number; n: number }[] = [];
  for (const l of ctx.additive) {
    const e = num(r.cells[l.id]);
    if (e === null || e === 0) continue;
    const s = sumOf(rows, v, kids, [l.id], ctx);
    if (s) compared.push({ l, e, ...s });
  }
  const tol = (x: { n: number }) => Math.max(1, x.n) * 0.5 + 1e-9;
  const short = compared.filter((x) => x.e - x.sum > tol(x)).length;
  const over = compared.filter((x) => x.sum - x.e > tol(x)).length;
  const missingRows = short >= 3 && !over && short >= compared.length * 0.75;
  for (const x of compared)
    push(
      'section-total',
      x.l,
      x.e,
      x.sum,
      x.n,
      x.l.label,
      'structure',
      missingRows ? 'partial' : undefined,
    );
}

function projectFindings(
  r: Row,
  i: number,
  v: CheckValues,
  ctx: SheetContext,
  rows: readonly Row[],
  push: Push,
): void {
  if (!ctx.stated || !ctx.rowTotalRule || r.part) return;
  const e = num(r.cells[ctx.stated.id]);
  const s =
    e === null
      ? null
      : sumOf(
          rows,
          v,
          [{ sign: 1, row: i }],
          ctx.amounts.map((a) => a.id),
        );
  if (e === null || !s) return;
  if (ctx.statedMode === 'atMost' && s.sum <= e) return;
  push('row-total', ctx.stated, e, s.sum, s.n, ctx.stated.label, 'structure');
}

/**
 * A row against the rows a rule names: a rule its label states (`label-rule`), or the difference a
 * balance row restates (`balance-rule`, only in the columns where the row states a figure).
 */
function labelRuleFindings(
  rows: readonly Row[],
  i: number,
  v: CheckValues,
  ctx: SheetContext,
  rule: { text: string; terms: { sign: 1 | -1; row: number }[]; inferred?: true },
  push: Push,
  id: 'label-rule' | 'balance-rule' = 'label-rule',
): void {
  for (const l of ctx.additive) {
    const stated = num(rows[i].cells[l.id]);
    if (id === 'balance-rule' && stated === null) continue;
    const e = stated ?? num(v.value(i, l.id));
    const s = e === null ? null : sumOf(rows, v, rule.terms, [l.id]);
    if (e !== null && s)
      push(
        id,
        l,
        e,
        s.sum,
        s.n,
        rule.text,
        id === 'label-rule' ? 'label' : 'structure',
        rule.inferred ? 'inferred' : undefined,
      );
  }
}

function totalFindings(
  rows: readonly Row[],
  i: number,
  v: CheckValues,
  ctx: SheetContext,
  push: Push,
): void {
  const r = rows[i];
  const source = r.totalSource ?? null;
  const seg = plus(ctx.segments.get(i) ?? []);
  const ofSource = ctx.amounts.filter((l) => source === null || l.source === source);
  for (const l of ctx.leaves) {
    const e = num(r.cells[l.id]);
    if (e === null) continue;
    let s: { sum: number; n: number } | null = null;
    if (l.role === 'amount' && (source === null || l.source === source))
      s = l.additive === false ? null : sumOf(rows, v, seg, [l.id]);
    else if (
      l.role === 'rowTotal' ||
      (l.role === 'stated' && (source !== null || (ctx.rowTotalRule && ctx.statedMode === 'equal')))
    )
      s = sumOf(
        rows,
        v,
        seg,
        ofSource.map((a) => a.id),
      );
    else if (source === null && (l.role === 'stated' || l.role === 'value') && l.additive !== false)
      s = sumOf(rows, v, seg, [l.id]);
    const scope =
      l.role === 'amount'
        ? [l.year, l.source ?? source].filter(Boolean).join(' ')
        : l.role === 'value'
          ? l.label
          : (source ?? (ctx.rowTotalRule ? '' : l.label));
    if (s) push('grand-total', l, e, s.sum, s.n, scope, 'structure');
  }
  for (const { group, leaves: yl } of ctx.years) {
    const e = num(r.cells[group.id]);
    if (e === null) continue;
    const cols = yl.filter((l) => source === null || l.source === source).map((l) => l.id);
    const s = sumOf(rows, v, seg, cols);
    if (s)
      push('grand-total', group.id, e, s.sum, s.n, String(group.year ?? group.label), 'structure');
  }
}

const leaves = new WeakMap<SheetContext, Map<Id, ColumnLeaf>>();
/** The sheet's leaves by id (one map per context). */
function leafById(ctx: SheetContext): Map<Id, ColumnLeaf> {
  let m = leaves.get(ctx);
  if (!m) leaves.set(ctx, (m = new Map(ctx.leaves.map((l) => [l.id, l]))));
  return m;
}

function label(r: Row): string {
  return String(r.cells.name ?? r.cells.tt ?? '').trim();
}

/** Findings of one row (row-total, section-total, grand-total, label-rule, balance-rule, column-rule). */
export function rowFindingsBefore(sheet: AppendixSheet, i: number, v: CheckValues): Finding[] {
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
export function planFindingsBefore(
  sheet: AppendixSheet,
  meta: PlanMeta,
  v: CheckValues,
): Finding[] {
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
export function sheetFindingsBefore(
  sheet: AppendixSheet,
  meta: PlanMeta | null,
  v: CheckValues,
): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < sheet.rows.length; i++) out.push(...rowFindingsBefore(sheet, i, v));
  if (meta) appendAll(out, planFindingsBefore(sheet, meta, v));
  return out;
}
