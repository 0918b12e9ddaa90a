import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { ENGINE_CONFIG } from './config';
import { UNIT_SUMIF } from './unitSumIf';

/** A cell of every kind SUMIF treats apart: numbers, rich numbers, texts, booleans, errors, blanks. */
function cell(seed: number): string | number | boolean | null {
  const k = seed % 11;
  if (k === 0) return null;
  if (k === 1) return '=1/0';
  if (k === 2) return 'chữ';
  if (k === 3) return '5%';
  if (k === 4) return true;
  if (k === 5) return '=NA()';
  if (k === 6) return 0.1 + (seed % 7) * 0.2;
  if (k === 7) return "'12";
  if (k === 8) return '1/2/2024';
  return (seed * 7919) % 100_000;
}

describe('PBSUMIF', () => {
  it('gives what SUMIF gives, over every kind of cell, after edits too', () => {
    const rows = 60;
    let seed = 17;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const data: (string | number | boolean | null)[][] = [];
    for (let r = 0; r < rows; r++) {
      const k = next() % 5;
      const key = k === 4 ? (next() % 3 === 0 ? 'x' : null) : k === 3 ? 1.0000000000001 : k;
      data.push([key, cell(next()), cell(next()), next() % 4 === 0 ? cell(next()) : next() % 1000]);
    }
    const hf = HyperFormula.buildFromSheets({ d: data, o: [] }, { ...ENGINE_CONFIG });
    const o = hf.getSheetId('o')!;
    const formulas: string[][] = [];
    for (const u of [0, 1, 2, 3, 1.5])
      for (const col of ['B', 'C', 'D'])
        for (const [a, b] of [
          [1, rows],
          [5, 17],
          [30, 30],
        ])
          formulas.push([
            `=SUMIF(d!$A$${a}:$A$${b},${u},d!${col}$${a}:${col}$${b})`,
            `=${UNIT_SUMIF}(d!$A$${a}:$A$${b},${u},d!${col}$${a}:${col}$${b})`,
          ]);
    // whole columns, two columns (read through the ranges' values), and a range past the data
    for (const u of [0, 1, 2])
      formulas.push(
        [`=SUMIF(d!$A:$A,${u},d!B:B)`, `=${UNIT_SUMIF}(d!$A:$A,${u},d!B:B)`],
        [`=SUMIF(d!$A$1:$B$20,${u},d!C$1:D$20)`, `=${UNIT_SUMIF}(d!$A$1:$B$20,${u},d!C$1:D$20)`],
        [
          `=SUMIF(d!$A$50:$A$90,${u},d!D$50:D$90)`,
          `=${UNIT_SUMIF}(d!$A$50:$A$90,${u},d!D$50:D$90)`,
        ],
      );
    hf.setSheetContent(o, formulas);
    const same = () => {
      const v = hf.getSheetValues(o);
      for (const [a, b] of v) expect(b).toEqual(a);
      return v;
    };
    const before = same();
    // errors, texts and numbers are all among the results (the test sees every path)
    expect(before.some(([a]) => typeof a === 'object')).toBe(true);
    expect(before.some(([a]) => typeof a === 'number' && a > 0)).toBe(true);
    const d = hf.getSheetId('d')!;
    for (let i = 0; i < 40; i++) {
      const r = next() % rows;
      const c = next() % 4;
      hf.setCellContents({ sheet: d, row: r, col: c }, [[c === 0 ? next() % 4 : cell(next())]]);
      same();
    }
    hf.destroy();
  });

  it('is an error for ranges of different sizes, as SUMIF is', () => {
    const hf = HyperFormula.buildFromSheets(
      {
        d: [
          [1, 2],
          [1, 3],
          [`=SUMIF(A1:A2,1,B1:B1)`, `=${UNIT_SUMIF}(A1:A2,1,B1:B1)`],
        ],
      },
      { ...ENGINE_CONFIG },
    );
    const [a, b] = hf.getSheetValues(0)[2] as { value: string; message: string }[];
    expect([b.value, b.message]).toEqual([a.value, a.message]);
    hf.destroy();
  });

  it('reads a block once per recalculation, whatever the number of units summing it', () => {
    const rows = 100;
    const units = 8;
    const data = Array.from({ length: rows }, (_, r) => [r % units, r * 1.5]);
    const hf = HyperFormula.buildFromSheets(
      {
        d: data,
        o: Array.from({ length: units }, (_, u) => [
          `=${UNIT_SUMIF}(d!$A$1:$A$${rows},${u},d!B$1:B$${rows})`,
          `=SUMIF(d!$A$1:$A$${rows},${u},d!B$1:B$${rows})`,
        ]),
      },
      { ...ENGINE_CONFIG },
    );
    const dg = (hf as unknown as { dependencyGraph: { getScalarValue: (a: unknown) => unknown } })
      .dependencyGraph;
    const own = dg.getScalarValue.bind(dg);
    let reads = 0;
    dg.getScalarValue = (a) => {
      reads++;
      return own(a);
    };
    const d = hf.getSheetId('d')!;
    const o = hf.getSheetId('o')!;
    for (const [r, v] of [
      [3, 1000],
      [50, -7.25],
      [99, 0.1],
    ] as const) {
      reads = 0;
      hf.setCellContents({ sheet: d, row: r, col: 1 }, [[v]]);
      // SUMIF reads through its own cache; PBSUMIF's 8 units read the block's 2 × 100 cells once
      expect(reads).toBeLessThanOrEqual(2 * rows + units);
      for (const [a, b] of hf.getSheetValues(o)) expect(a).toBe(b);
    }
    // a key moved to another unit: read again, still equal to SUMIF
    hf.setCellContents({ sheet: d, row: 10, col: 0 }, [[5]]);
    for (const [a, b] of hf.getSheetValues(o)) expect(a).toBe(b);
    hf.destroy();
  });
});
