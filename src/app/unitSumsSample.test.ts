/** The unit sums of the export read from the model (engine/unitSums.ts) on the real sample. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { unitGroups } from '../domain/units';
import { unitAmountSums } from '../engine/unitSums';
import { parsePlanbook } from '../io/planbookFile';
import { WorkbookSession } from './session';

describe('unit sums of the real sample', () => {
  it('are what reading every cell from the session gives', () => {
    const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
    if (!r.ok) throw new Error('sample');
    const wb = r.workbook;
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const sheet = wb.sheets[0];
    const ids = leaves(sheet.columns)
      .filter((l) => l.role === 'amount')
      .map((l) => l.id);
    const value = (row: number, id: string) => s.views.value(sheet.id, row, id);
    const groups = unitGroups(sheet, wb.meta);
    expect(groups.length).toBeGreaterThan(3);
    for (const rows of [...groups.map((g) => g.rows), sheet.rows.map((_, i) => i)]) {
      const old = ids.map((id) =>
        rows.reduce((a, i) => {
          const v = value(i, id);
          return a + (typeof v === 'number' ? v : 0);
        }, 0),
      );
      expect(unitAmountSums(sheet, rows, ids, value)).toEqual(old);
    }
  });
});
