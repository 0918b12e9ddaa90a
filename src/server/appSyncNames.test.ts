/**
 * A conflict names who wrote each value as the server knows them, not by account id (h163): a
 * colleague seen online, a colleague never seen in this session, and this person's own writes
 * (h170); the id only for an account the server gives no name.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookSession } from '../app/session';
import { appPeople, plan } from './appSyncKit';
import { type RunningServer, startServer } from './server';
import { ACCOUNTS, SECRET, until } from './testkit';

const A = 'y2011_dtpt';
let srv: RunningServer;
const { person, closeAll, offline } = appPeople(() => srv);
const accounts = [
  ...ACCOUNTS,
  { id: 'u-3f9a2c', name: 'Đỗ Thu', unit: 'gtvt', role: 'department' as const },
  // an account the administrator gave no name (the accounts file then names it by its id)
  { id: 'u-77b0', name: 'u-77b0', unit: 'gtvt', role: 'department' as const },
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
    await offline(a, b);
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
      [210, 'lan', 'Nguyễn Thị Lan'], // this person's own, as the server certified their account
      [220, 'u-3f9a2c', 'Đỗ Thu'],
    ]);
    const theirs = b.sync.snapshot.conflicts[0]?.writes.find((w) => w.by === 'lan');
    if (theirs) expect(theirs.who).toBe('Nguyễn Thị Lan');
  });

  it('names a colleague never seen online, and this person, as the server certified them', async () => {
    const doc = 'plan/names2/submission/gtvt';
    const a = await person('lan', doc, 'share', plan('wn2'));
    a.sync.setCell(null);
    const seen = new Set<string>();
    a.sync.subscribe(() => a.sync.snapshot.presence.forEach((p) => seen.add(p.user.id)));
    await a.sync.client.whenSaved();
    await offline(a);
    // while a is away, two colleagues open the document, write and leave
    const b = await person('u-3f9a2c', doc, 'join', plan('b2'));
    const c = await person('u-77b0', doc, 'join', plan('c2'));
    b.sync.setCell(null);
    c.sync.setCell(null);
    set(b.s, 'r3', 220);
    set(c.s, 'r2', 230);
    for (const x of [b, c]) {
      await x.sync.client.whenSaved();
      x.sync.goOffline();
    }
    set(a.s, 'r3', 210);
    set(a.s, 'r2', 240);
    a.sync.goOnline();
    await until(() => a.sync.snapshot.conflicts.length === 2, 'the two conflicts');
    const who = a.sync.snapshot.conflicts.flatMap((k) => k.writes.map((w) => [w.v, w.who]));
    expect(who.sort()).toEqual([
      [210, 'Nguyễn Thị Lan'],
      [220, 'Đỗ Thu'], // never present while a was online
      [230, 'u-77b0'], // the server gave no name: the id
      [240, 'Nguyễn Thị Lan'],
    ]);
    expect([...seen].sort()).toEqual(['lan']);
    // this person: their own name, in presence and as the account the panel names
    const self = a.sync.snapshot.presence.find((p) => p.self);
    expect(self?.user).toMatchObject({ id: 'lan', name: 'Nguyễn Thị Lan', unit: 'gtvt' });
    expect(a.sync.snapshot.accountName).toBe('Nguyễn Thị Lan');
    // the audit trail names its writers likewise
    await srv.audit.flush();
    const rows = await a.sync.audit({});
    if (typeof rows === 'string') throw new Error('rows expected');
    const names = new Map(rows.map((r) => [r.account, r.name]));
    expect(Object.fromEntries(names)).toEqual({
      lan: 'Nguyễn Thị Lan',
      'u-3f9a2c': 'Đỗ Thu',
      'u-77b0': null,
    });
  });
});
