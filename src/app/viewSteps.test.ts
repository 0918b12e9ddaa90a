/**
 * The unit view of a large plan is built over many idle steps (its helper column too, a few
 * thousand rows a step); edits between two steps leave it as a build from scratch would be.
 */
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../domain/generate';
import type { Workbook } from '../domain/types';
import { WorkbookSession } from './session';

const session = (wb: Workbook) =>
  new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);

function unitRows(s: WorkbookSession, sheetId: string) {
  return s.views.unitRows(sheetId).map((u) => [u.key, u.count, u.total, u.amounts]);
}

describe('the unit view built in steps', () => {
  it('writes the helper column over several steps, none of them whole', () => {
    const s = session(generatePlan({ projects: 6000 }));
    const id = s.workbook.sheets[0].id;
    let steps = 0;
    for (const _ of s.views.prepareUnits(id)) steps++;
    // groups, runs, ≥ 3 chunks of the helper column, the sheets, then one step per block of rows
    expect(steps).toBeGreaterThanOrEqual(3 + Math.ceil(s.workbook.sheets[0].rows.length / 500));
  });

  it('ends as a build from scratch when rows and units change between steps', () => {
    const s = session(generatePlan({ projects: 6000 }));
    const sheet = s.workbook.sheets[0];
    const steps = s.views.prepareUnits(sheet.id);
    for (let k = 0; k < 3; k++) steps.next(); // the helper column half written
    const projects = sheet.rows.filter((r) => r.kind === 'project');
    s.dispatch(
      {
        type: 'setCells',
        sheetId: sheet.id,
        changes: [
          { rowId: projects[10].id, colId: 'lead', value: projects[11].cells.lead ?? '' },
          { rowId: projects[5900].id, colId: 'lead', value: projects[5901].cells.lead ?? '' },
        ],
      },
      'lead',
    );
    const at = s.workbook.sheets[0].rows.indexOf(projects[3000]);
    s.dispatch(
      {
        type: 'insertRows',
        sheetId: sheet.id,
        at,
        rows: [
          {
            id: 'new1',
            kind: 'project',
            level: projects[3000].level,
            cells: { name: 'Mới', lead: 'Sở Y tế', y2021_dtpt: 777 },
          },
        ],
      },
      'insert',
    );
    for (let r = steps.next(); !r.done; r = steps.next());
    const fresh = session(structuredClone(s.workbook));
    for (const _ of fresh.views.prepareUnits(sheet.id));
    expect(unitRows(s, sheet.id)).toEqual(unitRows(fresh, sheet.id));
  });
});
