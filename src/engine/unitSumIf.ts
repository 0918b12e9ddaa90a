/**
 * `PBSUMIF(criteria range, number, sum range)`: SUMIF with a number criterion, the unit view's
 * partial sums. It gives what SUMIF gives (the same criterion, the same additions in the same
 * order, the same errors), without SUMIF's per-cell generators and criterion cache: an edit makes
 * every unit's partial of its block compute again (the cache is dropped with the changed range and
 * a cache built for one unit is replaced by the next unit's), and SUMIF's generators made those
 * partials half of an edit's script time at 10,000 projects (bench/allocEdit.ts).
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
