/**
 * Undo and redo in a shared workbook undo only this person's step: other people's steps that
 * arrived since (a cell of the same row, a row they inserted, a row they deleted, their later
 * value of the same cell) stay, here and for everyone.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookSession } from '../app/session';
import { makeRow } from '../domain/template';
import { appPeople, plan } from './appSyncKit';
import { type RunningServer, startServer } from './server';
import { ACCOUNTS, SECRET, until } from './testkit';

const A = 'y2011_dtpt';
const B = 'y2011_sn';
let srv: RunningServer;
const { person, closeAll } = appPeople(() => srv);

beforeAll(async () => {
  srv = await startServer({ port: 0, accounts: () => ACCOUNTS, secret: SECRET, quiet: true });
});
afterAll(async () => {
  await closeAll();
  await srv.close();
});

const cell = (s: WorkbookSession, rowId: string, colId: string) =>
  s.workbook.sheets[0].rows.find((r) => r.id === rowId)?.cells[colId];
const set = (s: WorkbookSession, rowId: string, colId: string, value: number) =>
  s.dispatch({ type: 'setCells', sheetId: 's1', changes: [{ rowId, colId, value }] }, 'edit');
const ids = (s: WorkbookSession) => s.workbook.sheets[0].rows.map((r) => r.id);
const insert = (s: WorkbookSession, at: number, id: string, value: number) =>
  s.dispatch(
    {
      type: 'insertRows',
      sheetId: 's1',
      at,
      rows: [{ ...makeRow('project', 1, { name: id, [A]: value }), id }],
    },
    'insert',
  ).ok;

/** Two people on one document: a shared it, b opened it from the server. */
async function pair(doc: string) {
  const a = await person('lan', doc, 'share', plan(`w-${doc}`));
  const b = await person('lan', doc, 'join', plan('x'));
  return { a, b };
}

describe('undo in a shared workbook', () => {
  it("undoes one's own cell and keeps the other's edit of the same row, on both sides", async () => {
    const { a, b } = await pair('plan/undo1/submission/gtvt');
    set(a.s, 'r2', A, 150);
    await until(() => cell(b.s, 'r2', A) === 150, "a's edit on b");
    set(b.s, 'r2', B, 77);
    await until(() => cell(a.s, 'r2', B) === 77, "b's edit on a");

    expect(a.s.undo()).toBe(true);
    expect([cell(a.s, 'r2', A), cell(a.s, 'r2', B)]).toEqual([100, 77]); // was [100, undefined]
    await until(() => cell(b.s, 'r2', A) === 100, 'the undo on b');
    expect(cell(b.s, 'r2', B)).toBe(77);
    expect(a.s.redo()).toBe(true);
    expect([cell(a.s, 'r2', A), cell(a.s, 'r2', B)]).toEqual([150, 77]);
  });

  it("leaves the other's later value of the same cell", async () => {
    const { a, b } = await pair('plan/undo2/submission/gtvt');
    set(a.s, 'r2', A, 150);
    await until(() => cell(b.s, 'r2', A) === 150, "a's edit on b");
    set(b.s, 'r2', A, 160);
    await until(() => cell(a.s, 'r2', A) === 160, "b's edit on a");
    expect(a.s.undo()).toBe(true);
    expect(cell(a.s, 'r2', A)).toBe(160);
    expect(a.s.total('s1', null, 'total')).toBe(360);
  });

  it("undoes one's own inserted row and keeps the row the other inserted", async () => {
    const { a, b } = await pair('plan/undo3/submission/gtvt');
    expect(insert(a.s, 3, 'n1', 30)).toBe(true);
    await until(() => ids(b.s).includes('n1'), "a's row on b");
    expect(insert(b.s, 1, 'n2', 40)).toBe(true);
    await until(() => ids(a.s).includes('n2'), "b's row on a");

    expect(a.s.undo()).toBe(true);
    expect(ids(a.s)).toEqual(['r1', 'n2', 'r2', 'r3']); // was ['r1', 'r2', 'r3']: n2 dropped
    await until(() => !ids(b.s).includes('n1'), 'the undo on b');
    expect(ids(b.s)).toEqual(['r1', 'n2', 'r2', 'r3']);
    expect(a.s.total('s1', null, 'total')).toBe(340);
    expect(b.s.total('s1', null, 'total')).toBe(340);
  });

  it('undoes an insert after the other deleted a row (the undo was refused)', async () => {
    const { a, b } = await pair('plan/undo4/submission/gtvt');
    expect(insert(a.s, 3, 'n1', 30)).toBe(true);
    await until(() => ids(b.s).includes('n1'), "a's row on b");
    expect(b.s.dispatch({ type: 'deleteRows', sheetId: 's1', rowIds: ['r2'] }, 'del').ok).toBe(
      true,
    );
    await until(() => !ids(a.s).includes('r2'), "b's deletion on a");

    expect(a.s.undo()).toBe(true);
    expect(ids(a.s)).toEqual(['r1', 'r3']);
    await until(() => !ids(b.s).includes('n1'), 'the undo on b');
    expect(ids(b.s)).toEqual(['r1', 'r3']);
  });
});
