/**
 * A row's total is written as a SUM of its amount cells, not of their range (layout.ts
 * rowTotalFormula): the engine keeps no range per row (each one shifted at every row operation),
 * and every value is the one the range gave, whatever the amount cells hold (texts, booleans,
 * errors, blanks, formulas, sums that cancel).
 */
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../domain/generate';
import type { Row } from '../domain/types';
import { ENGINE_CONFIG } from './config';
import { layoutOf, rowContents, rowRanges, rowTotalFormula } from './layout';

/** What an amount cell may hold, odd contents included. */
const odd: unknown[] = [
  'chữ',
  'TRUE',
  true,
  '=1/0',
  '=E3*0.1',
  0.1,
  0.2,
  -0.3,
  1e15,
  -1e15,
  '',
  null,
  "'=x",
  '12',
];

describe('rowTotalFormula: the amount cells, not their range', () => {
  it('gives every value the range gave, and leaves the engine no range per row', () => {
    const s = generatePlan({ projects: 300 }).sheets[0];
    const l = layoutOf(s);
    const amountIds = l.amountCols.map((c) => l.leaves[c].id);
    let k = 0;
    const rows: Row[] = s.rows.map((r) =>
      r.kind !== 'project'
        ? r
        : {
            ...r,
            cells: {
              ...r.cells,
              ...Object.fromEntries(amountIds.map((id) => [id, odd[k++ % odd.length]])),
            } as Row['cells'],
          },
    );
    const cells = rows.map((_, i) => rowContents(l, rows, i));
    const ranges = cells.map((row, i) =>
      row.map((v, c) => (c === l.rowTotalCol ? `=SUM(${rowRanges(l.amountCols, i)})` : v)),
    );
    expect(cells[2][l.rowTotalCol!]).toMatch(/^=SUM\(E3,F3,G3,/);
    const a = HyperFormula.buildFromSheets({ d: cells }, { ...ENGINE_CONFIG });
    const b = HyperFormula.buildFromSheets({ d: ranges }, { ...ENGINE_CONFIG });
    expect(a.getSheetValues(0)).toEqual(b.getSheetValues(0));
    // and after amounts typed over them
    for (let i = 2; i < rows.length; i += 7) {
      const block = [l.amountCols.map((_, j) => odd[(i + j) % odd.length] as number)];
      a.setCellContents({ sheet: 0, row: i, col: l.amountCols[0] }, block);
      b.setCellContents({ sheet: 0, row: i, col: l.amountCols[0] }, block);
    }
    expect(a.getSheetValues(0)).toEqual(b.getSheetValues(0));
    const rangesIn = (hf: HyperFormula) =>
      (
        hf as unknown as {
          dependencyGraph: { rangeMapping: { getNumberOfRangesInSheet(s: number): number } };
        }
      ).dependencyGraph.rangeMapping.getNumberOfRangesInSheet(0);
    // the sections' sums keep their ranges; the rows' are gone
    expect(rangesIn(b) - rangesIn(a)).toBeGreaterThanOrEqual(300);
  });

  it('keeps the ranges of amount columns in several runs (the engine adds each apart)', () => {
    const l = layoutOf(generatePlan({ projects: 3 }).sheets[0]);
    expect(rowTotalFormula({ ...l, amountCols: [4, 5, 7] }, 2)).toBe('=SUM(E3:F3,H3)');
    expect(rowTotalFormula({ ...l, amountCols: [4, 5, 6] }, 2)).toBe('=SUM(E3,F3,G3)');
    expect(rowTotalFormula({ ...l, amountCols: [] }, 2)).toBeNull();
  });
});
