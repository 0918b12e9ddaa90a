import { describe, expect, it } from 'vitest';
import { shiftFormula } from './formulaShift';

describe('shiftFormula (fill and paste as Excel does)', () => {
  it.each([
    ['=E5*2', 1, 0, '=E6*2'],
    ['=E5*2', 0, 1, '=F5*2'],
    ['=SUM(E5:N5)', 3, 0, '=SUM(E8:N8)'],
    ['=$E$5+E$5+$E5+E5', 2, 2, '=$E$5+G$5+$E7+G7'],
    ['=IF(E5>0,"E5 ok",F5)', 1, 0, '=IF(E6>0,"E5 ok",F6)'],
    ['=LOG10(E5)', 1, 0, '=LOG10(E6)'],
    ["='Phụ lục 2'!E5+E5", 1, 0, "='Phụ lục 2'!E6+E6"],
    ['=E1-1', -1, 0, '=#REF!-1'],
    ['=2*500', 5, 5, '=2*500'],
    ['=Z5', 0, 1, '=AA5'],
  ])('%s moved by (%i, %i) is %s', (f, dr, dc, want) => {
    expect(shiftFormula(f, dr, dc)).toBe(want);
  });
});
