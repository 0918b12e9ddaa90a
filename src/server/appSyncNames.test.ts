/** A conflict names who wrote each value as the server knows them, not by account id (h163). */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookSession } from '../app/session';
import { appPeople, plan } from './appSyncKit';
import { type RunningServer, startServer } from './server';
import { ACCOUNTS, SECRET, until } from './testkit';

const A = 'y2011_dtpt';
let srv: RunningServer;
const { person, closeAll } = appPeople(() => srv);
const accounts = [
  ...ACCOUNTS,
  { id: 'u-3f9a2c', name: 'Đỗ Thu', unit: 'gtvt', role: 'department' as const },
];

beforeAll(async () => {
  srv = await startServer({ port: 0, accounts: () => accounts, secret: SECRET, quiet: true });
});
afterAll(async () => {
  await closeAll();
  await srv.close();
});

const set = (s: WorkbookSession, rowId: string, value: number) =>
  s.dispatch({ type: 'setCells', sheetId: 's1', changes: [{ rowId, colId: A, value }] }, 'edit');

describe('who wrote a conflicting value', () => {
  it('is the colleague’s name the server certified, even once they have gone offline', async () => {
    const doc = 'plan/names1/submission/gtvt';
    const a = await person('lan', doc, 'share', plan('wn1'));
    const b = await person('u-3f9a2c', doc, 'join', plan('other'));
    a.sync.setCell(null);
    b.sync.setCell(null);
    const sees = (x: typeof a, name: string) =>
      x.sync.snapshot.presence.some((p) => !p.self && p.user.name === name);
    await until(() => sees(a, 'Đỗ Thu') && sees(b, 'Nguyễn Thị Lan'), 'each other present');
    a.sync.goOffline();
    b.sync.goOffline();
    await until(
      () => a.sync.snapshot.status === 'offline' && b.sync.snapshot.status === 'offline',
      'offline',
    );
    set(a.s, 'r3', 210);
    set(b.s, 'r3', 220);
    a.sync.goOnline(); // b stays offline: a no longer sees it present
    await until(() => a.sync.snapshot.presence.length <= 1, 'b gone from presence');
    b.sync.goOnline();
    await until(() => a.sync.snapshot.conflicts.length === 1, 'the conflict');
    b.sync.goOffline();
    await until(() => !sees(a, 'Đỗ Thu'), 'b gone again');
    const who = a.sync.snapshot.conflicts[0].writes.map((w) => [w.v, w.by, w.who]);
    expect(who.sort()).toEqual([
      [210, 'lan', 'lan'], // this person's own presence is not certified back: the id
      [220, 'u-3f9a2c', 'Đỗ Thu'],
    ]);
    const theirs = b.sync.snapshot.conflicts[0]?.writes.find((w) => w.by === 'lan');
    if (theirs) expect(theirs.who).toBe('Nguyễn Thị Lan');
  });
});
