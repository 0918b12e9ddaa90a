/**
 * The rules a row is checked against, one function each: a section over the rows it heads, a
 * project within its stated total, a rule its label states or a balance row's difference, a total
 * row over its block. Each pushes what it finds through `Push` (rowFindings in checks.ts decides
 * severity and wording).
 */
import type { SheetContext } from './checkContext';
import { classify } from './checkSeverity';
import type { RuleId, RuleSource } from './checks';
import type { CheckValues } from './checks';
import type { ColumnLeaf, Id, Row } from './types';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The figure a row shows in a column: as stated on sections and totals, else as computed. A 0
 * stated on a section or total row over rows that add up to more is a placeholder, not a figure.
 */
export function effective(
  rows: readonly Row[],
  v: CheckValues,
  i: number,
  colId: Id,
  ctx?: SheetContext,
): number | null {
  const x = num(rows[i].cells[colId]);
  // a figure the row states is the figure (the engine is read only where it decides)
  if (x !== null && (x !== 0 || rows[i].kind === 'project')) return x;
  const computed = num(v.value(i, colId));
  if (x === 0) return computed ? computed : x;
  if (computed !== null) return computed;
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

/**
 * A sum as the engine rounds it, `Number(x.toPrecision(15))`: 0.1 + 0.2 is 0.3. A whole number
 * below 10^15 prints exactly in 15 digits, so it is itself (without the text, which costs more than
 * the rest of a project's check).
 */
export function precise(x: number): number {
  return Number.isInteger(x) && Math.abs(x) < 1e15 ? x + 0 : Number(x.toPrecision(15));
}

/** Σ sign × figure over rows; null when none of them has a figure. */
export function sumOf(
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
  return n ? { sum: precise(sum), n } : null;
}

export type Push = (
  rule: RuleId,
  col: ColumnLeaf | Id,
  expected: number,
  actual: number | null,
  terms: number,
  scope: string,
  from: RuleSource,
  doubt?: 'partial' | 'inferred',
) => void;

export const plus = (rows: number[]) => rows.map((row) => ({ sign: 1 as const, row }));

/**
 * A section against the rows it heads, column by column. When every column falls short of what
 * the section states, rows are missing from the list (units left out of a published table), not
 * mistyped: to verify, not an error.
 */
export function sectionFindings(
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

/** A project's amounts against its stated total (`amountIds`: the ids of `ctx.amounts`). */
export function projectFindings(
  r: Row,
  i: number,
  v: CheckValues,
  ctx: SheetContext,
  rows: readonly Row[],
  push: Push,
  amountIds: readonly Id[] = ctx.amounts.map((a) => a.id),
): void {
  if (!ctx.stated || !ctx.rowTotalRule || r.part) return;
  const e = num(r.cells[ctx.stated.id]);
  if (e === null) return;
  // sumOf over the row alone, without its allocations (one project in a pass over 100,000)
  let total = 0;
  let n = 0;
  for (const c of amountIds) {
    const x = effective(rows, v, i, c);
    if (x === null) continue;
    total += x;
    n++;
  }
  if (!n) return;
  const sum = precise(total);
  if (ctx.statedMode === 'atMost' && sum <= e) return;
  push('row-total', ctx.stated, e, sum, n, ctx.stated.label, 'structure');
}

/**
 * A row against the rows a rule names: a rule its label states (`label-rule`), or the difference a
 * balance row restates (`balance-rule`, only in the columns where the row states a figure).
 */
export function labelRuleFindings(
  rows: readonly Row[],
  i: number,
  v: CheckValues,
  ctx: SheetContext,
  rule: { text: string; terms: { sign: 1 | -1; row: number }[]; inferred?: true; noted?: number[] },
  push: Push,
  id: 'label-rule' | 'balance-rule' = 'label-rule',
): void {
  // a note states one amount: a rule with a term it states holds in the one column with a figure
  if (rule.noted && ctx.additive.filter((l) => num(rows[i].cells[l.id]) !== null).length !== 1)
    return;
  for (const l of ctx.additive) {
    const stated = num(rows[i].cells[l.id]);
    if (id === 'balance-rule' && stated === null) continue;
    const e = stated ?? num(v.value(i, l.id));
    const s = e === null ? null : sumOf(rows, v, rule.terms, [l.id]);
    if (e === null || !s) continue;
    // a term a note states: a reading of it that holds (a note's unit is not sure), else its first;
    // a deficit printed positive is the same rule (as balance rows are read: balanceTerms `signed`)
    const n = s.n + (rule.noted ? 1 : 0);
    const flip = rule.noted && e * (s.sum + rule.noted[0]) < 0 ? -1 : 1;
    const noted = rule.noted
      ? (rule.noted.find(
          (x) => classify(e, flip * precise(s.sum + x), n, l.decimals) !== 'error',
        ) ?? rule.noted[0])
      : 0;
    push(
      id,
      l,
      e,
      rule.noted ? flip * precise(s.sum + noted) : s.sum,
      n,
      rule.text,
      id === 'label-rule' ? 'label' : 'structure',
      rule.inferred ? 'inferred' : undefined,
    );
  }
}

export function totalFindings(
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
