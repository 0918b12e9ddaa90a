/** Frozen copy of src/engine/plainValues.ts before it evaluated without formula text (oracle for plainDirect.test.ts only). */
/**
 * The computed side of appendix sheets without HyperFormula, for the command line's checks: the
 * very contents PlanEngine gives the engine (layout.ts, totals.ts) are evaluated here with the
 * engine's own arithmetic (SUM folds left to right with its 1e-13 cancellation rule, subtraction
 * likewise, values rounded to 10 significant digits when read), so every figure is the one the app
 * shows. Only the formula shapes the layout writes are understood: a sheet holding anything else
 * (a formula typed in a cell, a text in a column rule, a cycle) answers null and the caller builds
 * the engine.
 */
import { totalSegments } from '../../../src/domain/totalSegments';
import type { CheckValues } from '../../../src/domain/checks';
import type { AppendixSheet, Id } from '../../../src/domain/types';
import {
  layoutOf,
  type RawContent,
  rowContents,
  type SheetLayout,
} from '../../../src/engine/layout';
import { totalsContents, totalsLayout, type TotalsLayout } from '../../../src/engine/totals';

/** HyperFormula's `precisionEpsilon` (its default, which ENGINE_CONFIG keeps). */
const EPS = 1e-13;
/** HyperFormula's `precisionRounding` in ENGINE_CONFIG. */
const DIGITS = 10;

/** Thrown when a content is not one the layout writes: the engine must compute the sheet. */
class NotPlain extends Error {}

/** `left + right` as the engine adds (a sum that cancels to noise is 0). */
function add(left: number, right: number): number {
  const r = left + right;
  return Math.abs(r) < EPS * Math.abs(left) ? 0 : r;
}

/** `left - right` as the engine subtracts. */
function subtract(left: number, right: number): number {
  const r = left - right;
  return Math.abs(r) < EPS * Math.abs(left) ? 0 : r;
}

/** A number as the engine gives it out (rounded to DIGITS significant digits past the first). */
export function engineRounding(value: number): number {
  if (value === 0) return 0;
  const exp = Math.floor(Math.log10(Math.abs(value)));
  const places = Math.pow(10, DIGITS - exp);
  return value < 0 ? -Math.round(-value * places) / places : Math.round(value * places) / places;
}

type Value = number | string | null;
const BUSY = Symbol('busy');

/** An A1 reference (`$` allowed) at s[i…]: [col, row, end] or null. */
function ref(s: string, i: number): [number, number, number] | null {
  let c = 0;
  let k = i;
  if (s.charCodeAt(k) === 36) k++;
  const c0 = k;
  for (; k < s.length; k++) {
    const x = s.charCodeAt(k);
    if (x < 65 || x > 90) break;
    c = c * 26 + (x - 64);
  }
  if (k === c0 || k - c0 > 3) return null;
  if (s.charCodeAt(k) === 36) k++;
  let r = 0;
  const r0 = k;
  for (; k < s.length; k++) {
    const x = s.charCodeAt(k);
    if (x < 48 || x > 57) break;
    r = r * 10 + (x - 48);
  }
  if (k === r0 || r < 1) return null;
  return [c - 1, r - 1, k];
}

/** One engine sheet's contents and the values computed from them so far. */
class PlainSheet {
  private readonly memo: (Value | typeof BUSY | undefined)[][];

  constructor(
    readonly contents: RawContent[][],
    private readonly other: (prefix: string) => PlainSheet,
  ) {
    this.memo = contents.map(() => []);
  }

  /** The value of a cell (0-based), unrounded, as formulas read it. */
  get(row: number, col: number): Value {
    const line = this.memo[row];
    if (!line) return null;
    const m = line[col];
    if (m === BUSY) throw new NotPlain('cycle');
    if (m !== undefined) return m;
    const content = this.contents[row][col] ?? null;
    // a number or a blank is its own value: not memoised (no store growing the row's memo)
    if (typeof content !== 'string') return content;
    if (content.startsWith("'")) return (line[col] = content.slice(1));
    if (!content.startsWith('=')) throw new NotPlain('raw text'); // the engine would parse it
    line[col] = BUSY;
    return (line[col] = this.formula(content));
  }

  private formula(f: string): Value {
    if (f.startsWith('=SUM(') && f.endsWith(')')) return this.sum(f, 5, f.length - 1);
    // `=E5` (a section stating its own figure) or `=E5-F5+G5` (a column rule)
    let acc: Value | undefined;
    let i = 1;
    while (i < f.length) {
      let sign = 1;
      const op = f.charCodeAt(i);
      if (op === 43 || op === 45) {
        if (acc === undefined && op === 43) throw new NotPlain(f);
        sign = op === 45 ? -1 : 1;
        i++;
      } else if (acc !== undefined) throw new NotPlain(f);
      const a = ref(f, i);
      if (!a) throw new NotPlain(f);
      i = a[2];
      const v = this.get(a[1], a[0]);
      if (acc === undefined && sign === 1 && i === f.length) return v; // a bare reference
      const x = v === null ? 0 : v;
      if (typeof x !== 'number') throw new NotPlain('text in arithmetic');
      if (acc === undefined) acc = sign < 0 ? -x : x;
      else acc = sign < 0 ? subtract(acc as number, x) : add(acc as number, x);
    }
    if (acc === undefined) throw new NotPlain(f);
    return acc;
  }

  /**
   * `SUM(a, b:c, 'Sheet'!d:e …)` of one-row or one-column ranges and single cells: its arguments
   * `f[from, to)`, read in place (no string per argument: a total row's SUM lists thousands).
   */
  private sum(f: string, from: number, to: number): number {
    let acc = 0;
    for (let p = from; p <= to;) {
      let q = f.indexOf(',', p);
      if (q < 0 || q > to) q = to;
      const bang = f.lastIndexOf('!', q - 1);
      const sheet = bang >= p ? this.other(f.slice(p, bang)) : this;
      const body = bang >= p ? bang + 1 : p;
      // ref stops at the `,`, `:` or `)` after a reference: nothing past q is read as part of it
      const a = ref(f, body);
      if (!a) throw new NotPlain(f);
      p = q + 1;
      if (a[2] === q) {
        const v = sheet.get(a[1], a[0]);
        if (typeof v === 'number') acc = add(acc, v);
        continue;
      }
      if (f.charCodeAt(a[2]) !== 58) throw new NotPlain(f);
      const b = ref(f, a[2] + 1);
      if (!b || b[2] !== q) throw new NotPlain(f);
      let range = 0;
      if (a[1] === b[1]) {
        for (let c = a[0]; c <= b[0]; c++) {
          const v = sheet.get(a[1], c);
          if (typeof v === 'number') range = add(range, v);
        }
      } else if (a[0] === b[0]) {
        for (let r = a[1]; r <= b[1]; r++) {
          const v = sheet.get(r, a[0]);
          if (typeof v === 'number') range = add(range, v);
        }
      } else throw new NotPlain(f);
      acc = add(range, acc); // the engine folds a range's sum in as (range, sum so far)
    }
    return acc;
  }
}

/** Where the totals sheet names its data sheet (any name: both sheets are built here). */
const DATA = 'data';

/** The values of one appendix sheet, computed without the engine. */
export class OraclePlainValues {
  private constructor(
    private readonly layout: SheetLayout,
    private readonly totalsOf: TotalsLayout,
    private readonly data: PlainSheet,
    private readonly totals: PlainSheet,
  ) {}

  /**
   * The sheet's values, or null when it holds what only the engine computes (a formula typed in a
   * cell, a text in a column rule's cell, a cycle).
   */
  static of(sheet: AppendixSheet): OraclePlainValues | null {
    const layout = layoutOf(sheet);
    const t = totalsLayout(layout);
    let data: PlainSheet | null = null;
    const other = (prefix: string): PlainSheet => {
      if (prefix !== `'${DATA}'` || !data) throw new NotPlain(prefix);
      return data;
    };
    try {
      const notPlain = () => {
        throw new NotPlain('formula in a cell');
      };
      // the total rows' blocks once for the sheet (not once per total row)
      const segments = totalSegments(sheet.rows);
      const rows = sheet.rows.map((_, i) => rowContents(layout, sheet.rows, i, notPlain, segments));
      data = new PlainSheet(rows, other);
      const totals = new PlainSheet(totalsContents(layout, t, DATA, sheet.rows), other);
      const out = new OraclePlainValues(layout, t, data, totals);
      out.computeAll();
      return out;
    } catch (e) {
      if (e instanceof NotPlain) return null;
      throw e;
    }
  }

  /** Computes every formula now, so that a shape only the engine reads shows before any check. */
  private computeAll(): void {
    for (const s of [this.data, this.totals])
      s.contents.forEach((line, r) =>
        line.forEach((c, col) => {
          if (typeof c === 'string' && c.startsWith('=')) s.get(r, col);
        }),
      );
  }

  private out(v: Value): Value {
    return typeof v === 'number' ? engineRounding(v) : v;
  }

  /** Computed value of a visible cell (as PlanEngine.value). */
  value(row: number, colId: Id): Value {
    const col = this.layout.col.get(colId);
    return col === undefined ? null : this.out(this.data.get(row, col));
  }

  /** Computed total for a source (null: all) in a leaf column or a year group (as PlanEngine.total). */
  total(source: string | null, colId: Id): Value {
    const r = this.totalsOf.rows.indexOf(source);
    const col = this.layout.col.get(colId) ?? this.totalsOf.yearCol.get(colId);
    if (r < 0 || col === undefined) return null;
    return this.out(this.totals.get(r, col));
  }

  /** The computed right-hand side of column rule k on row i (as PlanEngine.rule). */
  rule(row: number, k: number): Value {
    const r = this.layout.rules[k];
    return r ? this.out(this.data.get(row, r.col)) : null;
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
