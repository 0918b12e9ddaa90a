/**
 * Errors planted in the audited corpus (one figure at a time) are found: the checks' recall on the
 * rules the tables state or mean must not fall.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../check';
import { readGrids } from '../../io/readPlan';
import { gridsFromWorkbook } from '../../io/sheets';
import { plantErrors } from './plantErrors';
import { plantOfWhich } from './plantOfWhich';

describe('errors planted in the audited corpus', () => {
  it('are found on at least 95 in 100 figures (the rest stand alone, in of-which columns or rows)', () => {
    const r = plantErrors(1);
    expect(r.planted).toBeGreaterThan(75);
    expect(r.found / r.planted).toBeGreaterThanOrEqual(0.95);
  }, 240_000);

  it('of-which parts raised above their line are found (where the numbering nests too)', () => {
    const r = plantOfWhich(1);
    expect(r.planted).toBeGreaterThan(20);
    expect(r.missed).toEqual([]);
  }, 240_000);

  it('a rate a note states (`100%`) accounts for no gap: a province raised by 100,000 is an error', () => {
    // Plan_2014 M09: note (1) on column C says "… sở hữu 100% vốn điều lệ là 31.000 tỷ đồng"
    const grid = gridsFromWorkbook(readFileSync('fixtures/mof/Plan_2014.xls')).find(
      (g) => g.name === 'M09',
    )!;
    const r = grid.lineOf.indexOf(54);
    const rows = grid.rows.slice();
    rows[r] = rows[r].slice();
    rows[r][2] = { ...rows[r][2], value: 1385000, text: '1385000' };
    const found = checkWorkbook('M09', readGrids('M09', [{ ...grid, rows }])).sheets.flatMap(
      (s) => s.findings,
    );
    const region = found.find((f) => f.cell === 'C41');
    expect(region?.severity).toBe('error');
    expect(region?.message).not.toMatch(/note/);
  }, 60_000);
});
