/**
 * Frozen copy of HyperFormula 3.5's `RangeMapping.calculateRangeKey` (the text of a range's
 * corners), the oracle of src/engine/rangeKeys.test.ts.
 */
export function rangeKeyBefore(
  start: { col: number; row: number },
  end: { col: number; row: number },
): string {
  return `${start.col},${start.row},${end.col},${end.row}`;
}
