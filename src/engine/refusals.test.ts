import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { ENGINE_CONFIG } from './config';
import { dryCheck } from './refusals';

const write = (row: number, col: number, content: number | string) => ({
  row,
  col,
  content,
  rowId: `r${row}`,
  colId: `c${col}`,
});

describe('dryCheck: cells that cannot be set', () => {
  it('a paste inside the sheet is asked twice (its corners), not cell by cell', () => {
    const hf = HyperFormula.buildFromSheets({ s: [[1, 2]] }, { ...ENGINE_CONFIG });
    let asked = 0;
    const ask = hf.isItPossibleToSetCellContents.bind(hf);
    hf.isItPossibleToSetCellContents = (a) => (asked++, ask(a));
    const writes = Array.from({ length: 100 }, (_, i) => write(i, i % 10, i));
    expect(dryCheck(hf, 0, writes)).toEqual([]);
    expect(asked).toBe(2);
    hf.destroy();
  });

  it('a cell beyond the limits is still named, and only it', () => {
    const hf = HyperFormula.buildFromSheets({ s: [[1]] }, { ...ENGINE_CONFIG });
    const out = dryCheck(hf, 0, [write(0, 0, 5), write(ENGINE_CONFIG.maxRows + 5, 1, 7)]);
    expect(out.map((r) => [r.rowId, r.code])).toEqual([[`r${ENGINE_CONFIG.maxRows + 5}`, 'SPILL']]);
    hf.destroy();
  });
});
