import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { readPlanFile } from '../io/readPlan';
import { workbookXlsx } from './exports';
import { WorkbookSession } from './session';

describe('an export right after an edit', () => {
  it('carries the edit in the plan read back (the packed plan is never the one before)', async () => {
    const wb = makePlan({
      rows: [
        ['section', 0, 'I', {}],
        ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
      ],
    });
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const sid = wb.sheets[0].id;
    const rowId = wb.sheets[0].rows[1].id;
    const read = async () => readPlanFile('plan.xlsx', await workbookXlsx(s, 'vi')).workbook;
    expect((await read()).sheets[0].rows[1].cells.name).toBe('p1');
    const step = s.dispatch(
      { type: 'setCells', sheetId: sid, changes: [{ rowId, colId: 'name', value: 'p1 mới' }] },
      'step',
    );
    expect(step.ok).toBe(true);
    const back = await read();
    expect(back.sheets[0].rows[1].cells.name).toBe('p1 mới');
    expect(back.sheets[0].rows).toEqual(s.workbook.sheets[0].rows);
    // undone: the export is the plan before again
    expect(s.undo()).toBe(true);
    expect((await read()).sheets[0].rows[1].cells.name).toBe('p1');
  });
});
