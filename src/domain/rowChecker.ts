/**
 * The checks of the rows of one sheet against one set of computed values. What every row's
 * checks need of the sheet (its check context, balance rows, leaves by id, the user's
 * explanations) is taken once per checker, not once per row, and the function that records a
 * finding is made once: a full pass over 100,000 rows costs the rows' own rules.
 */
import type { Balances } from './balanceRows';
import { sheetBalances } from './balanceSheet';
import { sheetContext, type SheetContext } from './checkContext';
import { holdsNear } from './checkNotes';
import { ambiguousPaths, columnScope } from './columnPath';
import {
  effective,
  labelRuleFindings,
  precise,
  projectFindings,
  type Push,
  sectionFindings,
  totalFindings,
} from './checkRules';
import type { CheckValues, Finding, RuleId } from './checks';
import { classify, decimalsOf, findingKey } from './checkSeverity';
import { ofWhichFindings, partNames } from './ofWhichRows';
import type { AppendixSheet, ColumnLeaf, Id, Row } from './types';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function label(r: Row): string {
  return String(r.cells.name ?? r.cells.tt ?? '').trim();
}

/** Checks rows of one sheet, one at a time (`row`), against one set of computed values. */
export class RowChecker {
  private readonly rows: readonly Row[];
  private readonly ctx: SheetContext;
  private readonly balances: Balances;
  /** The first leaf of each id (as `leaves.find`) and the last (as a map built from the leaves). */
  private readonly firstLeaf = new Map<Id, ColumnLeaf>();
  private readonly lastLeaf = new Map<Id, ColumnLeaf>();
  private readonly amountIds: Id[];
  /** Paths of the columns whose label alone is ambiguous (columnPath.ts), once a finding needs them. */
  private paths: ReadonlyMap<Id, string> | null = null;
  /** The row being checked and its findings (`push` appends to them). */
  private i = 0;
  private out: Finding[] = [];
  private readonly push: Push;

  constructor(
    private readonly sheet: AppendixSheet,
    private readonly v: CheckValues,
  ) {
    this.rows = sheet.rows;
    this.ctx = sheetContext(sheet);
    this.balances = sheetBalances(sheet);
    for (const l of this.ctx.leaves) {
      if (!this.firstLeaf.has(l.id)) this.firstLeaf.set(l.id, l);
      this.lastLeaf.set(l.id, l);
    }
    this.amountIds = this.ctx.amounts.map((a) => a.id);
    this.push = (rule, col, expected, actual, terms, scope, from, doubt) =>
      this.record(rule, col, expected, actual, terms, scope, from, doubt);
  }

  /** Findings of row i (row-total, section-total, grand-total, label/balance/column rule, of-which). */
  row(i: number): Finding[] {
    const { rows, ctx, v, push } = this;
    const r = rows[i];
    const out: Finding[] = [];
    this.i = i;
    this.out = out;
    if (r.part === 'ratio') return out;
    const labelled = ctx.labelRules.get(i);
    if (labelled) labelRuleFindings(rows, i, v, ctx, labelled, push);
    else if (r.kind === 'project') projectFindings(r, i, v, ctx, rows, push, this.amountIds);
    else if (r.kind === 'section') sectionFindings(r, i, v, ctx, rows, push);
    else totalFindings(rows, i, v, ctx, push);
    const balance = labelled ? undefined : this.balances.rules.get(i);
    if (balance) labelRuleFindings(rows, i, v, ctx, balance, push, 'balance-rule');
    const parts = ctx.ofWhich.get(i);
    if (parts) {
      const from = out.length;
      ofWhichFindings(rows, i, v, ctx, parts, push);
      if (out.length > from) {
        const names = partNames(rows, parts);
        for (let k = from; k < out.length; k++) out[k].parts = names;
      }
    }
    if (ctx.partColumns.length) this.partColumns(i);
    if (ctx.rules.length) this.columnRules(r, i);
    return out;
  }

  /** An of-which group's columns never add up to more than the total beside them. */
  private partColumns(i: number): void {
    const { rows, v } = this;
    for (const { total, parts } of this.ctx.partColumns) {
      const e = effective(rows, v, i, total.id);
      const ys = parts
        .map((p) => effective(rows, v, i, p.id))
        .filter((y): y is number => y !== null);
      if (e === null || !ys.length || ys.some((y) => y < 0)) continue;
      const sum = precise(ys.reduce((a, b) => a + b, 0));
      // a computed row total is as precise as the coarsest figure it adds (and its parts are)
      const ds = [total, ...parts].map((l) => l.decimals).filter((d) => d !== undefined);
      const decimals = total.decimals ?? (ds.length ? Math.min(...ds) : undefined);
      const at = decimals === undefined ? total : { ...total, decimals };
      if (sum > e)
        this.push('column-rule', at, e, sum, ys.length + 1, `${total.label} ≥ Σ`, 'structure');
    }
  }

  /** The rules of the code row (`4=2+3`) and those the header's groups mean. */
  private columnRules(r: Row, i: number): void {
    const { rows, v } = this;
    for (const rule of this.ctx.rules) {
      // on a section or total row only a stated figure is checked (a computed one follows its rows)
      if (r.kind !== 'project' && num(r.cells[rule.target]) === null) continue;
      const e = effective(rows, v, i, rule.target);
      if (e === null) continue;
      let sum = 0;
      let n = 0;
      const target = this.firstLeaf.get(rule.target)!;
      // the sum is as precise as its coarsest printed term (figures typed rounded beside one kept
      // unrounded: the rounding of the terms explains the gap)
      let decimals = Math.min(target.decimals ?? 6, decimalsOf(e));
      for (const t of rule.terms) {
        const x = effective(rows, v, i, t.colId);
        if (x === null) continue;
        sum += t.sign * x;
        n++;
        // printed as its column's format says, else as typed (a figure typed as text is as printed)
        decimals = Math.min(decimals, this.lastLeaf.get(t.colId)?.decimals ?? decimalsOf(x));
      }
      if (n)
        this.push(
          'column-rule',
          { ...target, decimals },
          e,
          precise(sum),
          rule.terms.length + 1,
          rule.text,
          rule.from ?? 'code row',
        );
    }
  }

  /**
   * A note speaks for a gap only where the table points to it: a grand total (amounts not
   * distributed to the rows), a column whose header carries a marker, or a marked figure.
   */
  private pointsToNote(rule: RuleId, colId: Id): boolean {
    const { ctx, rows, i } = this;
    return (
      rule === 'grand-total' ||
      ctx.markedColumns.has(colId) ||
      [i, ...(ctx.children.get(i) ?? []), ...(ctx.segments.get(i) ?? [])].some(
        (j) => rows[j].marks?.[colId] !== undefined,
      )
    );
  }

  /** Records a difference of the current row: its severity, why it was lowered, the user's note. */
  private record(...[rule, col, expected, actual, terms, scope, from, doubt]: Parameters<Push>) {
    const { ctx, i } = this;
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
      this.pointsToNote(rule, colId) &&
      holdsNear(ctx.noteAmounts, Math.abs(expected - actual), tol + 1e-9)
    )
      why = 'note';
    if (why) s = 'warning';
    const r = this.rows[i];
    const f: Finding = {
      rule,
      severity: s,
      rowId: r.id,
      colId,
      label: label(r),
      expected,
      actual,
      terms,
      scope: columnScope((this.paths ??= ambiguousPaths(this.sheet.columns)), colId, scope),
      from,
      ...(why ? { why } : {}),
    };
    const note = this.sheet.checks?.explained?.[findingKey(f)];
    if (note !== undefined) f.explained = note;
    this.out.push(f);
  }
}
