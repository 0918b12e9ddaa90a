import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePlan, makeRow } from '../domain/template';
import type { Workbook } from '../domain/types';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import type { Command } from './commands';
import { flushWrites, unsavedWrites, WorkbookSession } from './session';

const A11 = 'y2011_dtpt';
let dbn = 0;

async function setup() {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', { [A11]: 999 }],
      ['project', 1, 'p1', { '2011:ĐTPT': 100, '2011:SN': 10 }],
      ['project', 1, 'p2', { '2011:ĐTPT': 200 }],
      ['section', 0, 'II', {}],
      ['project', 1, 'p3', { '2011:ĐTPT': 5 }],
    ],
  });
  const repo = new WorkbookRepo(openDb(`t${++dbn}`));
  const loaded = await repo.create(wb);
  return { repo, s: new WorkbookSession(loaded, repo), sid: wb.sheets[0].id };
}

/** The figures a user sees, as a comparable snapshot. */
function snapshot(s: WorkbookSession, wb: Workbook = s.workbook) {
  const sh = wb.sheets[0];
  return {
    rows: sh.rows.map((r, i) => [
      r.id,
      r.kind,
      r.level,
      JSON.stringify(r.cells),
      s.value(sh.id, i, A11),
      s.value(sh.id, i, 'total'),
    ]),
    total: s.total(sh.id, null, 'total'),
  };
}

async function doUndoRedo(
  cmd: (sid: string) => Command,
  expectAfter: (s: WorkbookSession) => void,
) {
  const { s, sid, repo } = await setup();
  const before = snapshot(s);
  expect(s.dispatch(cmd(sid), 'step').ok).toBe(true);
  const after = snapshot(s);
  expectAfter(s);
  expect(s.undo()).toBe(true);
  expect(snapshot(s)).toEqual(before);
  expect(s.redo()).toBe(true);
  expect(snapshot(s)).toEqual(after);
  await s.whenSaved();
  // storage holds exactly what the session shows
  const stored = await repo.load(s.workbook.id);
  expect(stored!.workbook.sheets[0].rows).toEqual(s.workbook.sheets[0].rows);
  expect(s.saveState).toBe('saved');
}

describe('WorkbookSession commands: do → undo → redo, persisted', () => {
  it('setCells', () =>
    doUndoRedo(
      (sid) => ({
        type: 'setCells',
        sheetId: sid,
        changes: [{ rowId: 'r2', colId: A11, value: 1000 }],
      }),
      (s) => expect(s.value('s1', 0, A11)).toBe(1200),
    ));
  it('insertRows', () =>
    doUndoRedo(
      (sid) => ({
        type: 'insertRows',
        sheetId: sid,
        at: 3,
        rows: [{ ...makeRow('project', 1, { [A11]: 50 }), id: 'n' }],
      }),
      (s) => expect(s.value('s1', 0, A11)).toBe(350),
    ));
  it('deleteRows (a section; its projects move up a level and come back on undo)', () =>
    doUndoRedo(
      (sid) => ({ type: 'deleteRows', sheetId: sid, rowIds: ['r4'] }),
      (s) => {
        expect(s.workbook.sheets[0].rows.map((r) => r.level)).toEqual([0, 1, 1, 1]);
        expect(s.value('s1', 0, A11)).toBe(305);
      },
    ));
  it('moveRows', () =>
    doUndoRedo(
      (sid) => ({ type: 'moveRows', sheetId: sid, from: 3, count: 2, to: 0 }),
      (s) => {
        expect(s.value('s1', 0, A11)).toBe(5);
        expect(s.value('s1', 2, A11)).toBe(300);
      },
    ));
  it('reshape (indent a project under the one above turned section)', () =>
    doUndoRedo(
      (sid) => ({
        type: 'reshape',
        sheetId: sid,
        shapes: [{ rowId: 'r4', level: 1, kind: 'project' }],
      }),
      (s) => expect(s.value('s1', 0, A11)).toBe(305),
    ));
  it('batch', () =>
    doUndoRedo(
      (sid) => ({
        type: 'batch',
        commands: [
          { type: 'setCells', sheetId: sid, changes: [{ rowId: 'r5', colId: A11, value: 7 }] },
          { type: 'deleteRows', sheetId: sid, rowIds: ['r2'] },
        ],
      }),
      (s) => expect(s.total('s1', null, 'total')).toBe(207),
    ));
});

describe('refusals', () => {
  it('refuses text in an amount cell, computed cells and cycles, changing nothing', async () => {
    const { s } = await setup();
    const before = snapshot(s);
    const tries: [string, string, unknown][] = [
      ['r2', A11, 'abc'],
      ['r2', 'total', 5],
      ['r1', A11, 5],
      ['r2', A11, '=E2+1'],
    ];
    const codes = tries.map(([rowId, colId, value]) => {
      const r = s.dispatch(
        { type: 'setCells', sheetId: 's1', changes: [{ rowId, colId, value: value as number }] },
        'x',
      );
      return r.ok ? 'ok' : r.refusals[0].code;
    });
    expect(codes).toEqual(['notNumber', 'computedColumn', 'sectionComputed', 'CYCLE']);
    expect(snapshot(s)).toEqual(before);
    expect(s.history.canUndo).toBe(false);
  });

  it('stops writing when another tab committed first (no silent overwrite)', async () => {
    const { s, repo } = await setup();
    const other = new WorkbookSession((await repo.load(s.workbook.id))!, repo);
    other.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r2', colId: A11, value: 1 }] },
      'a',
    );
    await other.whenSaved();
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r3', colId: A11, value: 2 }] },
      'b',
    );
    await s.whenSaved();
    expect(s.saveState).toBe('conflict');
    const stored = await repo.load(s.workbook.id);
    expect(stored!.workbook.sheets[0].rows[1].cells[A11]).toBe(1);
    expect(stored!.workbook.sheets[0].rows[2].cells[A11]).toBe(200);
  });
});

describe('sheets', () => {
  it('adds and removes an appendix sheet as undoable steps, persisted', async () => {
    const { newSheet } = await import('../domain/template');
    await doUndoRedo(
      () => ({
        type: 'addSheet',
        sheet: { ...newSheet(makePlan().meta, 'Phụ lục 2'), id: 's2' },
        at: 1,
      }),
      (s) => {
        expect(s.workbook.sheets.map((x) => x.name)).toEqual(['Phụ lục', 'Phụ lục 2']);
        expect(s.total('s2', null, 'total')).toBe(0);
      },
    );
    const { s, repo } = await setup();
    s.dispatch(
      { type: 'addSheet', sheet: { ...newSheet(s.workbook.meta, 'P2'), id: 's2' }, at: 1 },
      'add',
    );
    s.dispatch({ type: 'removeSheet', sheetId: 's1' }, 'remove');
    await s.whenSaved();
    expect((await repo.load(s.workbook.id))!.workbook.sheets.map((x) => x.id)).toEqual(['s2']);
    s.undo();
    await s.whenSaved();
    const back = (await repo.load(s.workbook.id))!.workbook;
    expect(back.sheets.map((x) => x.id)).toEqual(['s1', 's2']);
    expect(back.sheets[0].rows).toEqual(s.workbook.sheets[0].rows);
    expect(s.value('s1', 0, A11)).toBe(300);
  });
});

describe('leaving the page', () => {
  it('knows while an edit is not stored yet (the page then asks before leaving)', async () => {
    const { s, sid } = await setup();
    expect(unsavedWrites()).toBe(false);
    s.dispatch(
      { type: 'setCells', sheetId: sid, changes: [{ rowId: 'r2', colId: A11, value: 7 }] },
      'e',
    );
    expect(unsavedWrites()).toBe(true);
    flushWrites(); // the write starts at once instead of a task later
    await s.whenSaved();
    expect(unsavedWrites()).toBe(false);
  });
});
