/**
 * PlainValues.edit (a step that changed only cells, taken on the figures computed so far) gives
 * the figures PlainValues.of computes afresh over the rows after the step, and refuses exactly
 * where that does (a formula, a text a column rule would subtract).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { generatePlan } from '../domain/generate';
import { setCells } from '../domain/ops';
import type { CellInput } from '../domain/types';
import { PlainValues } from './plainValues';
import { allFigures as all } from './plainKit';

const VALUES: CellInput[] = [7, 0.1, -3, 1 / 3, null, 'chữ', '', 250000, '=1+1'];

describe('PlainValues.edit', () => {
  it('equals the figures computed afresh after random cell edits', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.tuple(fc.nat(10_000), fc.nat(100), fc.nat(VALUES.length - 1)), {
            minLength: 1,
            maxLength: 4,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.nat(3),
        (steps, seed) => {
          let sheet = generatePlan({ projects: 60, perSection: 7, seed: seed + 1 }).sheets[0];
          const ids = leaves(sheet.columns).map((l) => l.id);
          const p = PlainValues.of(sheet);
          for (const step of steps) {
            const changes = step.map(([r, c, v]) => ({
              rowId: sheet.rows[r % sheet.rows.length].id,
              colId: ids[c % ids.length],
              value: VALUES[v],
            }));
            const next = setCells(sheet, changes);
            const changed = [
              ...new Set(changes.map((ch) => next.rows.findIndex((x) => x.id === ch.rowId))),
            ];
            sheet = next;
            const want = PlainValues.of(sheet);
            const got = p && p.edit(sheet.rows, changed);
            expect(!!got).toBe(!!want);
            if (!want || !got) return; // the engine computes it from here on
            for (const i of changed) expect(got.has(i)).toBe(true);
            expect(all(p!, sheet)).toEqual(all(want, sheet));
          }
        },
      ),
      { numRuns: 60, seed: 1201 },
    );
  });
});
