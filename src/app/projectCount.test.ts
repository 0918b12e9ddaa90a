/**
 * The start page's project count is kept by every commit (no walk over a 100,000-project plan's
 * rows each time the page opens); a record stored before counts were kept is counted once.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import * as act from './rowActions';
import { WorkbookSession } from './session';

const plan = () =>
  makePlan({
    rows: [
      ['section', 0, 'I'],
      ['project', 1, 'Mạng LAN', { '2011:ĐTPT': 100 }],
      ['project', 1, 'Cổng thông tin', { '2011:ĐTPT': 50 }],
    ],
  });

describe('the project count on the start page', () => {
  it('follows added, retyped and deleted rows, undo included, without walking the rows', async () => {
    const db = openDb('project-count');
    const repo = new WorkbookRepo(db);
    const s = new WorkbookSession(await repo.create(plan()), repo);
    const count = async () => {
      await s.whenSaved();
      return (await repo.list())[0].projects;
    };
    const run = (r: act.RowActionResult) => {
      if (!('command' in r)) throw new Error(r.refused);
      expect(s.dispatch(r.command, 'x').ok).toBe(true);
    };
    expect(await count()).toBe(2);
    run(act.addRow(s.workbook.sheets[0], 2, 'project'));
    expect(await count()).toBe(3);
    const at = s.workbook.sheets[0].rows.findIndex((r) => r.cells.name === 'Mạng LAN');
    run(act.toggleKind(s.workbook.sheets[0], at));
    expect(await count()).toBe(2);
    s.undo();
    expect(await count()).toBe(3);
    s.undo();
    expect(await count()).toBe(2);
    // the list reads the record's count: rows changed behind its back are not walked again
    await db.rows.clear();
    expect(await count()).toBe(2);
    s.close();
  });

  it('counts a workbook stored before counts were kept once, and keeps the count', async () => {
    const db = openDb('project-count-old');
    const repo = new WorkbookRepo(db);
    const wb = plan();
    await repo.create(wb);
    await db.workbooks
      .where('id')
      .equals(wb.id)
      .modify((w) => void delete w.projects);
    expect((await db.workbooks.get(wb.id))!.projects).toBeUndefined();
    expect((await repo.list())[0].projects).toBe(2);
    expect((await db.workbooks.get(wb.id))!.projects).toBe(2);
  });
});
