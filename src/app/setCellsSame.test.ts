/**
 * setCells copies a changed row once per call and changes its copy in place: the same sheet as the
 * frozen copy that copied it per cell (contents, key order, untouched rows shared, the input not
 * mutated), over random changes (set, overwrite, clear with null or '', the same value again,
 * several changes of one cell).
 */
import { describe, expect, it } from 'vitest';
import { setCells as before } from '../../tests/support/clipboardBefore/setCells';
import { seeded } from '../../tests/support/executionEngineBefore/samePlans';
import type { CellChange } from '../domain/ops';
import { setCells } from '../domain/ops';
import { makePlan } from '../domain/template';
import type { CellInput } from '../domain/types';

const COLS = ['y2011_dtpt', 'y2011_sn', 'y2012_dtpt', 'name', 'notes', 'stated'];
const VALUES: CellInput[] = [null, '', 0, 1, 2.5, 'x', '=1+1', 1500];

describe('setCells against the frozen copy', () => {
  it('gives the same sheet, row by row and key by key, and leaves its input alone', () => {
    const rnd = seeded(3);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    for (let k = 0; k < 200; k++) {
      const wb = makePlan({
        rows: Array.from({ length: 6 }, (_, i) => [
          i === 0 ? 'section' : 'project',
          i === 0 ? 0 : 1,
          `p${i}`,
          (rnd() < 0.5 ? { y2011_dtpt: 1, notes: 'n' } : {}) as Record<string, CellInput>,
        ]),
      });
      const sheet = wb.sheets[0];
      const frozen = JSON.stringify(sheet);
      const changes: CellChange[] = Array.from({ length: Math.floor(rnd() * 12) }, () => ({
        rowId: pick(sheet.rows).id,
        colId: pick(COLS),
        value: pick(VALUES),
      }));
      const a = before(sheet, changes);
      const b = setCells(sheet, changes);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      // a row no change touched is the very same object
      b.rows.forEach((r, i) => expect(r === sheet.rows[i]).toBe(a.rows[i] === sheet.rows[i]));
      expect(JSON.stringify(sheet)).toBe(frozen);
    }
  });
});
