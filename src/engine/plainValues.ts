/**
 * The computed side of appendix sheets without HyperFormula, for the command line's checks and for
 * a large workbook's first figures: the very contents PlanEngine gives the engine (layout.ts,
 * totals.ts; here as data, plainFormulas.ts, never as formula text) are evaluated with the engine's
 * own arithmetic (SUM folds left to right with its 1e-13 cancellation rule, subtraction likewise,
 * values rounded to 10 significant digits when read), so every figure is the one the app shows.
 * A sheet holding what only the engine computes (a formula typed in a cell, a text in a column
 * rule, a cycle) answers null and the caller builds the engine.
 */
import { totalSegments } from '../domain/totalSegments';
import type { CheckValues } from '../domain/checks';
import type { AppendixSheet, Id, Row } from '../domain/types';
import { inputColumn, layoutOf, type SheetLayout } from './layout';
import { totalsLayout, type TotalsLayout } from './totals';
import {
  type PlainContent,
  plainDerived,
  type PlainFormula,
  type PlainSheetNo,
  plainTotals,
} from './plainFormulas';
import { engineRounding } from './plainArithmetic';
import { type CellReader, evalPlain } from './plainEval';
import { keptRows, rowsToRecompute } from './plainRows';
import {
  BUSY,
  holdsFormula,
  isFormula,
  type Memo,
  NotPlain,
  own,
  shapeKey,
  slots,
  type Value,
} from './plainCells';

export { engineRounding };

/** The values of one appendix sheet, computed without the engine. */
export class PlainValues {
  /** Computed formula cells of the data sheet: per engine column, by row. */
  private readonly memo: Memo[] = [];
  private readonly totalsMemo: Memo[] = [];
  /** The model id whose input may land in each engine column (a leaf, or a stated figure). */
  private readonly inputIds: (Id | undefined)[] = [];
  /** Columns derived on every row (flag, row total, column rules). */
  private readonly everyRow = new Set<number>();
  private readonly numeric: Set<number>;
  /** Derived cells of section and total rows (computed once each). */
  private readonly heads = new Map<number, Map<number, PlainContent>>();
  /**
   * Whether a project row's derived cells are left until read: none can fail (no column rule, and
   * the row total adds input cells only), so computing them at once would find nothing, and a
   * sheet's 10,000 row totals are not computed before its grid shows the few in view.
   */
  private readonly projectsWhenRead: boolean;
  /**
   * Per row kind, by engine column: 1 when a model input lands there, 0 when not, unset before
   * asked (inputColumn depends on the row's kind alone: the cell policy's placeOf).
   */
  private readonly lands = new Map<Row['kind'], Int8Array>();
  /** Formula cells evaluated so far (what a step recomputed is counted, not timed). */
  evaluated = 0;
  /** A cell as formulas read it, of the data sheet (0) or the totals sheet (1). */
  private readonly cell: CellReader = (sheet, r, c) =>
    sheet === 0 ? this.get(r, c) : this.getTotal(r, c);

  private constructor(
    private readonly layout: SheetLayout,
    private readonly totalsOf: TotalsLayout,
    private rows: readonly Row[],
    private readonly segments: Map<number, number[]>,
    private readonly totals: PlainContent[][],
  ) {
    layout.leaves.forEach((l, c) => (this.inputIds[c] = l.id));
    for (const [id, c] of layout.statedCol) this.inputIds[c] = id;
    this.everyRow.add(layout.flagCol);
    if (layout.rowTotalCol !== undefined) this.everyRow.add(layout.rowTotalCol);
    for (const r of layout.rules) this.everyRow.add(r.col);
    this.numeric = new Set(layout.numericCols);
    this.projectsWhenRead =
      !layout.rules.length && layout.amountCols.every((c) => !this.everyRow.has(c));
  }

  /**
   * The sheet's values, or null when it holds what only the engine computes (a formula typed in a
   * cell, a text in a column rule's cell, a cycle).
   */
  static of(sheet: AppendixSheet): PlainValues | null {
    const layout = layoutOf(sheet);
    for (const r of sheet.rows) if (holdsFormula(layout, r)) return null;
    const t = totalsLayout(layout);
    const out = new PlainValues(
      layout,
      t,
      sheet.rows,
      totalSegments(sheet.rows),
      plainTotals(layout, t, sheet.rows),
    );
    try {
      out.computeAll();
      return out;
    } catch (e) {
      if (e instanceof NotPlain) return null;
      throw e;
    }
  }

  /**
   * The sheet's values after a step that added, removed, moved or re-shaped rows (or changed the
   * sheet's own fields), from `prev`, its values before: a row kept as it was (the same object)
   * keeps its figures where they cannot have changed (a project's are its own; a section's, when
   * its children are the same rows, kept too); the rest (rows new or changed, the sections above
   * them or above where rows left, the total rows, the totals sheet) is computed again. The same
   * values as `of(sheet)`, and null where it is null.
   */
  static following(prev: PlainValues, sheet: AppendixSheet): PlainValues | null {
    const layout = layoutOf(sheet);
    if (shapeKey(layout) !== shapeKey(prev.layout)) return PlainValues.of(sheet);
    const rows = sheet.rows;
    const was = new Map<Row, number>();
    prev.rows.forEach((r, i) => was.set(r, i));
    const from = new Int32Array(rows.length);
    for (let j = 0; j < rows.length; j++) {
      const i = was.get(rows[j]);
      if (i === undefined && holdsFormula(layout, rows[j])) return null;
      from[j] = i ?? -1;
    }
    const t = totalsLayout(layout);
    const out = new PlainValues(layout, t, rows, totalSegments(rows), plainTotals(layout, t, rows));
    const kept = keptRows(rows, prev.rows, from);
    prev.memo.forEach((m, c) => {
      const mine = (out.memo[c] = slots(rows.length));
      for (let j = 0; j < rows.length; j++) if (kept[j]) mine[j] = m[from[j]];
    });
    try {
      out.computeAll(kept);
      return out;
    } catch (e) {
      if (e instanceof NotPlain) return null;
      throw e;
    }
  }

  /**
   * Computes every formula now (but those of `kept` rows, whose figures are known), so that a
   * shape only the engine reads shows before any check.
   */
  private computeAll(kept?: Uint8Array): void {
    // from the bottom: a section's children are computed before it
    for (let i = this.rows.length - 1; i >= 0; i--) {
      if (kept?.[i] || (this.projectsWhenRead && this.rows[i].kind === 'project')) continue;
      for (const [c, content] of this.derivedRow(i))
        if (content !== null && typeof content !== 'number') this.get(i, c);
    }
    this.totals.forEach((line, r) => line.forEach((_, c) => this.getTotal(r, c)));
  }

  /**
   * Follows a step that changed only cells of `changed` rows (none added, removed, moved or
   * re-shaped: same ids, kinds, levels, parts and total sources): those rows, the sections above
   * them, the total rows and the totals sheet are computed again, the rest is kept. The data rows
   * whose values may have changed; null when the sheet now holds what only the engine computes
   * (this instance is then spent).
   */
  edit(rows: readonly Row[], changed: readonly number[]): Set<number> | null {
    for (const i of changed)
      for (const k in rows[i].cells)
        if (own(rows[i].cells, k) && isFormula(rows[i].cells[k]))
          if (inputColumn(this.layout, rows[i], k) !== undefined) return null;
    this.rows = rows;
    const dirty = rowsToRecompute(rows, changed, this.segments.keys()); // and the total rows
    for (const i of dirty) {
      this.heads.delete(i); // a section without rows states its own figure: its cells changed
      for (const m of this.memo) if (m) m[i] = undefined;
    }
    this.totalsMemo.length = 0;
    try {
      for (const i of [...dirty].sort((a, b) => b - a))
        for (const [c, content] of this.derivedRow(i))
          if (content !== null && typeof content !== 'number') this.get(i, c);
      this.totals.forEach((line, r) => line.forEach((_, c) => this.getTotal(r, c)));
      return dirty;
    } catch (e) {
      if (e instanceof NotPlain) return null;
      throw e;
    }
  }

  /** Derived cells of row i (kept for sections and total rows, read again by their columns). */
  private derivedRow(i: number): Map<number, PlainContent> {
    const head = this.rows[i].kind !== 'project';
    let d = head ? this.heads.get(i) : undefined;
    if (!d) {
      d = plainDerived(this.layout, this.rows, i, this.segments);
      if (head) this.heads.set(i, d);
    }
    return d;
  }

  /** What the engine holds at a data cell that no formula derives (layout.ts inputContent). */
  private input(i: number, c: number): Value {
    const id = this.inputIds[c];
    const r = this.rows[i];
    if (id === undefined || !own(r.cells, id)) return null;
    const v = r.cells[id];
    if (v === null || v === undefined || v === '') return null;
    if (!this.landsAt(r, id, c)) return null;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    const s = String(v); // a text (formulas were refused in `of`), read as the engine reads it
    return s.startsWith("'") ? s.slice(1) : s;
  }

  /** Whether row r's input `id` lands in engine column c (inputColumn, kept by row kind). */
  private landsAt(r: Row, id: Id, c: number): boolean {
    let at = this.lands.get(r.kind);
    if (!at) this.lands.set(r.kind, (at = new Int8Array(this.layout.width).fill(-1)));
    if (at[c] < 0) at[c] = inputColumn(this.layout, r, id) === c ? 1 : 0;
    return at[c] === 1;
  }

  /** The value of a data cell (0-based), unrounded, as formulas read it. */
  private get(i: number, c: number): Value {
    if (i < 0 || i >= this.rows.length) return null;
    const kind = this.rows[i].kind;
    const derived =
      kind === 'total' || this.everyRow.has(c) || (kind === 'section' && this.numeric.has(c));
    const content = derived ? this.derivedRow(i).get(c) : undefined;
    if (content === undefined) return this.input(i, c);
    if (content === null || typeof content === 'number') return content;
    return this.memoised((this.memo[c] ??= slots(this.rows.length)), i, content, 0);
  }

  /** The value of a totals sheet cell, unrounded. */
  private getTotal(r: number, c: number): Value {
    const content = this.totals[r]?.[c] ?? null;
    if (content === null || typeof content === 'number') return content;
    return this.memoised((this.totalsMemo[c] ??= slots(this.totals.length)), r, content, 1);
  }

  private memoised(memo: Memo, row: number, f: PlainFormula, sheet: PlainSheetNo): Value {
    const m = memo[row];
    if (m === BUSY) throw new NotPlain('cycle');
    if (m !== undefined) return m;
    memo[row] = BUSY;
    this.evaluated++;
    const v = evalPlain(f, sheet, this.cell);
    memo[row] = v;
    return v;
  }

  private out(v: Value): Value {
    return typeof v === 'number' ? engineRounding(v) : v;
  }

  /** Computed value of a visible cell (as PlanEngine.value). */
  value(row: number, colId: Id): Value {
    const col = this.layout.col.get(colId);
    return col === undefined ? null : this.out(this.get(row, col));
  }

  /** Computed total for a source (null: all) in a leaf column or a year group (as PlanEngine.total). */
  total(source: string | null, colId: Id): Value {
    const r = this.totalsOf.rows.indexOf(source);
    const col = this.layout.col.get(colId) ?? this.totalsOf.yearCol.get(colId);
    if (r < 0 || col === undefined) return null;
    return this.out(this.getTotal(r, col));
  }

  /** The computed right-hand side of column rule k on row i (as PlanEngine.rule). */
  rule(row: number, k: number): Value {
    const r = this.layout.rules[k];
    return r ? this.out(this.get(row, r.col)) : null;
  }

  /** As the cross-checks read them. */
  values(): CheckValues {
    return {
      value: (i, c) => this.value(i, c),
      total: (s, c) => this.total(s, c),
      rule: (i, k) => this.rule(i, k),
    };
  }
}
