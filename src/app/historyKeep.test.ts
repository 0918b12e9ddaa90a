import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import type { Workbook } from '../domain/types';
import { STORED_STEPS } from './history';
import { slimDelta } from './historyKeep';
import { PlanbookApp } from './services';

const A11 = 'y2011_dtpt';
let n = 0;

async function kept(app: PlanbookApp, id: string): Promise<void> {
  // the history is written after each commit: wait until it names the stored revision
  for (let i = 0; i < 200; i++) {
    const [h, rev] = await Promise.all([app.histories.load(id), app.repo.revision(id)]);
    if (h && h.rev === rev) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('history never kept');
}

async function opened(rows: NonNullable<Parameters<typeof makePlan>[0]>['rows']) {
  const app = new PlanbookApp(`hk${++n}`);
  const wb: Workbook = makePlan({ rows });
  await app.repo.create(wb);
  return { app, id: wb.id };
}

describe('the undo history kept with the workbook', () => {
  it('survives a reload: undo and redo go on after reopening', async () => {
    const { app, id } = await opened([
      ['section', 0, 'I'],
      ['project', 1, 'a', { [A11]: 1 }],
      ['project', 1, 'b', { [A11]: 2 }],
    ]);
    let o = (await app.open(id))!;
    const sheetId = o.session.workbook.sheets[0].id;
    const rowId = o.session.workbook.sheets[0].rows[1].id;
    o.session.dispatch(
      { type: 'setCells', sheetId, changes: [{ rowId, colId: A11, value: 5 }] },
      'edit',
    );
    o.session.dispatch(
      { type: 'deleteRows', sheetId, rowIds: [o.session.workbook.sheets[0].rows[2].id] },
      'deleteRow',
    );
    await o.session.whenSaved();
    await kept(app, id);
    o.close();

    o = (await app.open(id))!;
    expect(o.session.workbook.sheets[0].rows).toHaveLength(2);
    expect(o.session.history.labels()).toEqual({ undo: 'deleteRow', redo: undefined });
    expect(o.session.undo()).toBe(true);
    expect(o.session.workbook.sheets[0].rows.map((r) => r.cells.name)).toEqual(['I', 'a', 'b']);
    expect(o.session.undo()).toBe(true);
    expect(o.session.workbook.sheets[0].rows[1].cells[A11]).toBe(1);
    await o.session.whenSaved();
    await kept(app, id);
    o.close();

    // the undone steps are kept as redo steps
    o = (await app.open(id))!;
    expect(o.session.workbook.sheets[0].rows[1].cells[A11]).toBe(1);
    expect(o.session.history.canUndo).toBe(false);
    expect(o.session.redo()).toBe(true);
    expect(o.session.workbook.sheets[0].rows[1].cells[A11]).toBe(5);
    o.close();
  });

  it('is bounded, and a stale history (another revision) is not taken back', async () => {
    const { app, id } = await opened([['project', 0, 'a', { [A11]: 0 }]]);
    let o = (await app.open(id))!;
    const sheetId = o.session.workbook.sheets[0].id;
    const rowId = o.session.workbook.sheets[0].rows[0].id;
    for (let k = 1; k <= STORED_STEPS + 20; k++)
      o.session.dispatch(
        { type: 'setCells', sheetId, changes: [{ rowId, colId: A11, value: k }] },
        'edit',
      );
    await o.session.whenSaved();
    await kept(app, id);
    const h = (await app.histories.load(id))!;
    expect(h.past).toHaveLength(STORED_STEPS);
    o.close();
    o = (await app.open(id))!;
    let undone = 0;
    while (o.session.undo()) undone++;
    expect(undone).toBe(STORED_STEPS);
    expect(o.session.workbook.sheets[0].rows[0].cells[A11]).toBe(20);
    await o.session.whenSaved();
    o.close();

    // a change committed without its history (a killed tab): the kept history is not used
    const rev = await app.repo.revision(id);
    await app.histories.save(id, { ...h, rev: rev - 1 });
    o = (await app.open(id))!;
    expect(o.session.history.canUndo).toBe(false);
    o.close();
    await app.remove(id);
    expect(await app.histories.load(id)).toBeUndefined();
  });

  it('keeps sheet headers without their rows (the rows come from the sheet)', () => {
    const wb = makePlan({ rows: [['project', 0, 'a']] });
    const s = wb.sheets[0];
    const d = slimDelta({
      added: [],
      removed: [],
      sheets: [{ sheetId: s.id, rows: [], header: { before: s, after: { ...s, name: 'x' } } }],
      gridsAdded: [],
      gridsRemoved: [],
      grids: [],
    });
    expect(d.sheets[0].header?.after.rows).toEqual([]);
    expect(d.sheets[0].header?.after.name).toBe('x');
    expect(structuredClone(d)).toEqual(d);
  });
});
