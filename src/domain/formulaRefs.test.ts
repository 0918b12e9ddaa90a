import { describe, expect, it } from 'vitest';
import { formulaRefs, remapFormulaRows } from './formulaRefs';

describe('formula references', () => {
  it('finds cells, ranges, whole columns and rows, and sheet prefixes; skips names and texts', () => {
    const refs = formulaRefs(`=SUM(E2:E9)+$F$3*LOG10(2)+'Phụ lục 2'!A1+Sheet2!B2:C3+E:E+2:4+"A1"`);
    expect(refs.map((r) => [r.sheet ?? '', r.r0, r.r1, r.c0, r.c1])).toEqual([
      ['', 1, 8, 4, 4],
      ['', 2, 2, 5, 5],
      ['Phụ lục 2', 0, 0, 0, 0],
      ['Sheet2', 1, 2, 1, 2],
      ['', null, null, 4, 4],
      ['', 1, 3, null, null],
    ]);
    expect(formulaRefs('=TRUE+PI()')).toEqual([]);
  });

  it('keeps references on their rows when rows move; a deleted row becomes #REF!', () => {
    // row 2 (index 1) is deleted, everything below moves up one
    const del = (r: number) => (r === 1 ? null : r > 1 ? r - 1 : r);
    expect(remapFormulaRows('=E2*2+E5', del)).toBe('=#REF!*2+E4');
    expect(remapFormulaRows('=SUM(E2:E9)', del)).toBe('=SUM(E2:E8)');
    expect(remapFormulaRows('=SUM($E$1:E2)', del)).toBe('=SUM($E$1:E1)');
    expect(remapFormulaRows('=Other!E5+E:E', del)).toBe('=Other!E5+E:E');
    // a row inserted at index 0
    expect(remapFormulaRows('=E1+$F$3', (r) => r + 1)).toBe('=E2+$F$4');
    expect(remapFormulaRows('="E1"&E1', (r) => r + 1)).toBe('="E1"&E2');
  });
});

describe('formulas placed in a written file', async () => {
  const { placeFormula } = await import('./formulaRefs');
  it('moves each reference by its own sheet’s rows above and names sheets as the file does', () => {
    // an appendix with 7 rows above its table; a grid sheet written as it is
    const place = (s: string | undefined) =>
      s === undefined || s === 'Phụ lục'
        ? { dRow: 7, name: s === undefined ? undefined : 'Phụ lục' }
        : s === 'Dữ liệu'
          ? { dRow: 0, name: 'Du lieu' }
          : null;
    expect(placeFormula("=E2*2+'Dữ liệu'!B1", place)).toBe("=E9*2+'Du lieu'!B1");
    expect(placeFormula("=SUM('Phụ lục'!I1:I3)+Other!A1+E:E", place)).toBe(
      "=SUM('Phụ lục'!I8:I10)+Other!A1+E:E",
    );
  });
  it('reading back (rows moved up), a reference into the title rows is #REF!, other sheets move by their own rows', () => {
    const back = (s: string | undefined) =>
      s === undefined ? { dRow: -7 } : s === 'Dữ liệu' ? { dRow: 0 } : null;
    expect(placeFormula("=E9+E3+'Dữ liệu'!$A$1+SUM('Dữ liệu'!A1:B2)", back)).toBe(
      "=E2+#REF!+'Dữ liệu'!$A$1+SUM('Dữ liệu'!A1:B2)",
    );
  });
});
