/**
 * `PBSUMIF(criteria range, number, sum range)`: SUMIF with a number criterion, the unit view's
 * partial sums. It gives what SUMIF gives (the same criterion, the same additions in the same
 * order, the same errors), without SUMIF's per-cell generators and criterion cache: an edit makes
 * every unit's partial of its block compute again (the cache is dropped with the changed range and
 * a cache built for one unit is replaced by the next unit's), and SUMIF's generators made those
 * partials half of an edit's script time at 10,000 projects (bench/allocEdit.ts). The units of a
 * block share one read of it per recalculation: the first grouped its rows by key, kept in the
 * summed range's cache, and each unit adds the rows of the keys it matches (an edit read a block
 * of 100 rows once per unit: 8 units, 900 cell reads → 200).
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type SimpleRangeValue,
} from 'hyperformula';

/** The function's name in formulas. */
export const UNIT_SUMIF = 'PBSUMIF';

type Scalar = SimpleRangeValue['data'][number][number];
type Raw = Parameters<FunctionPlugin['arithmeticHelper']['nonstrictadd']>[0];

/** A number's raw value (a date, percent or currency number holds it in `val`), else the value. */
function raw(v: Scalar): Scalar {
  return typeof v === 'object' && v !== null && !(v instanceof CellError) && 'val' in v
    ? (v as { val: number }).val
    : v;
}

/**
 * What SUMIF adds of a summed cell: an error, a number, or nothing (undefined: SUMIF's addition
 * then keeps what it had, so nothing is added here).
 */
function summand(v: Scalar): Raw | undefined {
  if (v instanceof CellError) return v;
  const r = raw(v);
  return typeof r === 'number' ? r : undefined;
}

type Range = NonNullable<SimpleRangeValue['range']>;

/** A range vertex's cache (internals: HyperFormula clears it when a cell of the range changes). */
interface CacheVertex {
  functionCache?: Map<string, unknown>;
}

/** The rows of a block whose key is one value, with what they add (in row order), and its sum. */
interface Group {
  rows: number[];
  summands: Raw[];
  sum?: number | CellError;
}

/** A block's rows grouped by their key, for the criteria range's cache state `token`. */
interface Grouped {
  token: object;
  groups: Map<Scalar, Group>;
}

/** The criteria range's cache entry: a new object each time its cache was cleared. */
const TOKEN = `${UNIT_SUMIF}|token`;

class UnitSumIfPlugin extends FunctionPlugin {
  static implementedFunctions = {
    [UNIT_SUMIF]: {
      method: 'unitSumIf',
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.RANGE },
      ],
    },
  };

  /**
   * The first cells and the length of two ranges of one column each, of the same effective length
   * (read cell by cell); null otherwise (read through their values).
   */
  private column(a: SimpleRangeValue, b: SimpleRangeValue) {
    const ra = a.range;
    const rb = b.range;
    if (!ra || !rb) return null;
    const dg = this.dependencyGraph;
    const ea = ra.effectiveEndRow(dg);
    const eb = rb.effectiveEndRow(dg);
    if (ra.effectiveEndColumn(dg) !== ra.start.col || rb.effectiveEndColumn(dg) !== rb.start.col)
      return null;
    if (ea - ra.start.row !== eb - rb.start.row) return null;
    return { keys: ra.start, values: rb.start, length: Math.max(0, ea - ra.start.row + 1) };
  }

  /**
   * The block of one column pair read once per recalculation (see `Grouped`): kept in the summed
   * range's vertex cache, valid while the criteria range's vertex keeps the same token (each
   * vertex's cache is cleared when a cell under it changes, before any formula reading it is
   * evaluated: what SUMIF's own cache relies on). Null without both vertices (a formula evaluated
   * outside the graph): then read directly.
   */
  private grouped(fast: NonNullable<ReturnType<UnitSumIfPlugin['column']>>, ra: Range, rb: Range) {
    const dg = this.dependencyGraph as unknown as {
      getRange(s: Range['start'], e: Range['end']): CacheVertex | undefined;
      getScalarValue(a: Range['start']): Scalar;
    };
    const kv = dg.getRange(ra.start, ra.end);
    const vv = dg.getRange(rb.start, rb.end);
    if (!kv?.functionCache || !vv?.functionCache) return null;
    let token = kv.functionCache.get(TOKEN) as object | undefined;
    if (!token) kv.functionCache.set(TOKEN, (token = {}));
    const key = `${UNIT_SUMIF}|${ra.start.sheet}|${ra.start.col}|${ra.start.row}|${fast.length}`;
    const had = vv.functionCache.get(key) as Grouped | undefined;
    if (had && had.token === token) return had;
    const g: Grouped = { token, groups: new Map() };
    const ka = { ...fast.keys };
    const va = { ...fast.values };
    for (let i = 0; i < fast.length; i++) {
      ka.row = fast.keys.row + i;
      va.row = fast.values.row + i;
      const k = raw(dg.getScalarValue(ka));
      const s = summand(dg.getScalarValue(va));
      let e = g.groups.get(k);
      if (!e) g.groups.set(k, (e = { rows: [], summands: [] }));
      if (s !== undefined) {
        e.rows.push(i);
        e.summands.push(s);
      }
    }
    vv.functionCache.set(key, g);
    return g;
  }

  unitSumIf(ast: { args: Parameters<FunctionPlugin['runFunction']>[0] }, state: never) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata(UNIT_SUMIF),
      (crit: SimpleRangeValue, u: number, values: SimpleRangeValue) => {
        if (!crit.sameDimensionsAs(values))
          return new CellError(ErrorType.VALUE, 'Ranges need to be of equal length.');
        const c = this.interpreter.criterionBuilder.fromCellValue(u, this.arithmeticHelper);
        if (!c) return new CellError(ErrorType.VALUE, 'Incorrect criterion.');
        const match = (v: Scalar) => c.lambda(raw(v) as Parameters<typeof c.lambda>[0]);
        const add = this.arithmeticHelper.nonstrictadd;
        let acc: number | CellError = 0;
        const fast = this.column(crit, values);
        const g = fast && this.grouped(fast, crit.range!, values.range!);
        if (g) {
          // each distinct key matched once; the matching rows' summands added in row order
          const hit: Group[] = [];
          for (const [k, e] of g.groups) if (e.rows.length && match(k)) hit.push(e);
          if (hit.length === 1) {
            const e = hit[0];
            if (e.sum === undefined) {
              let a: number | CellError = 0;
              for (const s of e.summands) a = add(a, s) as number | CellError;
              e.sum = a;
            }
            return e.sum;
          }
          if (hit.length > 1) {
            const all: [number, Raw][] = [];
            for (const e of hit) e.rows.forEach((r, j) => all.push([r, e.summands[j]]));
            all.sort((x, y) => x[0] - y[0]);
            for (const [, s] of all) acc = add(acc, s) as number | CellError;
          }
          return acc;
        }
        if (fast) {
          // one column each: the cells read one by one through one reused address (SimpleRangeValue's
          // `data` builds an address and an array per cell)
          const dg = this.dependencyGraph;
          const ka = { ...fast.keys };
          const va = { ...fast.values };
          for (let i = 0; i < fast.length; i++) {
            ka.row = fast.keys.row + i;
            if (!match(dg.getScalarValue(ka))) continue;
            va.row = fast.values.row + i;
            const s = summand(dg.getScalarValue(va));
            if (s !== undefined) acc = add(acc, s);
          }
          return acc;
        }
        const keys = crit.data;
        const vals = values.data;
        for (let r = 0; r < vals.length; r++) {
          const kr = keys[r];
          const vr = vals[r];
          for (let k = 0; k < vr.length; k++) {
            if (!match(kr[k])) continue;
            const s = summand(vr[k]);
            if (s !== undefined) acc = add(acc, s);
          }
        }
        return acc;
      },
    );
  }
}

HyperFormula.registerFunctionPlugin(UnitSumIfPlugin, {
  enGB: { [UNIT_SUMIF]: UNIT_SUMIF },
  enUS: { [UNIT_SUMIF]: UNIT_SUMIF },
});
