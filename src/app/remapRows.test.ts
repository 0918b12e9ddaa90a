/**
 * The formulas' references followed through a structural step (domain/ops.ts `remapRows`, its
 * cells walked with for…in) give the rows the old walk gave (a frozen copy,
 * tests/support/remapBefore): the same list when nothing changes, else the same rows changed the
 * same way, through random rows of numbers, texts and formulas and random row maps.
 */
import { describe, expect, it } from 'vitest';
import { remapRows } from '../domain/ops';
import type { CellInput, Row } from '../domain/types';
import { remapRowsBefore } from '../../tests/support/remapBefore/remapRows';
import { seeded } from '../../tests/support/executionEngineBefore/samePlans';

const FORMULAS = ['=A1+B2', '=SUM(C3:C9)', "='Khác'!D4*2", '=E5/F6', '=G7', '=Plan!A2+A3'];

describe('following the formulas of moved rows', () => {
  it('gives what the old walk of the cells gave', () => {
    const rnd = seeded(99);
    const int = (n: number) => Math.floor(rnd() * n);
    for (let k = 0; k < 400; k++) {
      const rows: Row[] = Array.from({ length: int(30) }, (_, i) => {
        const cells: Record<string, CellInput> = {};
        for (let c = int(6); c > 0; c--) {
          const x = rnd();
          cells[`c${int(8)}`] =
            x < 0.4 ? FORMULAS[int(FORMULAS.length)] : x < 0.7 ? int(100) : 'chữ';
        }
        return { id: `r${i}`, kind: 'project', level: 1, cells } as Row;
      });
      const shift = int(5) - 2;
      const which = (s: string | undefined) => s === undefined || (k % 2 === 0 && s === 'Plan');
      const skip =
        k % 3 ? undefined : new Map(rows.filter(() => rnd() < 0.5).map((r, i) => [r.id, i]));
      const seed = int(1e9);
      // the same seeded map for both (a reference to a row now and then gone)
      const fixed = (f: (r: number) => number) => {
        const r2 = seeded(seed);
        return (r: number) => (r2() < 0.1 ? null : f(r));
      };
      const want = remapRowsBefore(
        rows,
        fixed((r) => r + shift),
        which,
        skip,
      );
      const got = remapRows(
        rows,
        fixed((r) => r + shift),
        which,
        skip,
      );
      expect(got).toEqual(want);
      expect(got === rows).toBe(want === rows);
    }
  });
});
