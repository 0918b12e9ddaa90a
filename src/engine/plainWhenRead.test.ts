/**
 * PlainValues.of leaves a project's own derived cells (its row total) until they are read when
 * none can fail, so a large sheet's grid is not held for 10,000 row totals it does not show; a
 * sheet with a column rule is still computed whole at once (a text a rule subtracts, deep down,
 * still hands the sheet to the engine before any figure is shown).
 */
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { generatePlan } from '../domain/generate';
import type { AppendixSheet } from '../domain/types';
import { OraclePlainValues } from '../../tests/support/plainOracle/plainValuesOracle';
import { PlainValues } from './plainValues';
import { allFigures } from './plainKit';

const projects = (s: AppendixSheet) => s.rows.filter((r) => r.kind === 'project').length;

describe('PlainValues.of, project rows', () => {
  it('computes no project row total before it is read, and then the same figures', () => {
    const sheet = generatePlan({ projects: 400, perSection: 20, seed: 3 }).sheets[0];
    const p = PlainValues.of(sheet)!;
    // the sections' and the totals' formulas only (each project's row total is one more)
    expect(p.evaluated).toBeLessThan(projects(sheet));
    const i = sheet.rows.findIndex((r) => r.kind === 'project');
    expect(p.value(i, 'total')).toBe(OraclePlainValues.of(sheet)!.value(i, 'total'));
    expect(allFigures(p, sheet)).toEqual(allFigures(OraclePlainValues.of(sheet)!, sheet));
    expect(p.evaluated).toBeGreaterThan(projects(sheet));
  });

  it('still refuses at once a sheet whose column rule subtracts a text on its last project', () => {
    const sheet = generatePlan({ projects: 400, perSection: 20, seed: 3 }).sheets[0];
    const amounts = leaves(sheet.columns).filter((l) => l.role === 'amount');
    amounts.forEach((l, k) => (l.code = String(k + 1)));
    amounts[2].code = '3=1-2';
    expect(PlainValues.of(sheet)).not.toBeNull();
    let last = sheet.rows.length - 1;
    while (sheet.rows[last].kind !== 'project') last--;
    sheet.rows[last] = {
      ...sheet.rows[last],
      cells: { ...sheet.rows[last].cells, [amounts[1].id]: 'chữ' },
    };
    expect(PlainValues.of(sheet)).toBeNull();
    expect(OraclePlainValues.of(sheet)).toBeNull();
  });
});
