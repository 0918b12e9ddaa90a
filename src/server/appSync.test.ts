/** The app's sessions connected through the server: steps out, remote steps in, never undo steps. */
import 'fake-indexeddb/auto';
import WebSocket from 'crossws/websocket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookSession } from '../app/session';
import { WorkbookSync } from '../app/sync';
import { makePlan, makeRow } from '../domain/template';
import { appPeople, plan } from './appSyncKit';
import { type RunningServer, startServer } from './server';
import { ACCOUNTS, SECRET, token, until } from './testkit';

const A = 'y2011_dtpt';
let srv: RunningServer;
const { person, syncs, closeAll, offline } = appPeople(() => srv);

beforeAll(async () => {
  srv = await startServer({ port: 0, accounts: () => ACCOUNTS, secret: SECRET, quiet: true });
});
afterAll(async () => {
  await closeAll();
  await srv.close();
});

const total = (s: WorkbookSession) => s.total('s1', null, 'total');
const set = (s: WorkbookSession, rowId: string, value: number) =>
  s.dispatch({ type: 'setCells', sheetId: 's1', changes: [{ rowId, colId: A, value }] }, 'edit');

describe('sessions through the server', () => {
  it('one shares, another opens it; steps go both ways, a remote step is never an undo step', async () => {
    const doc = 'plan/app1/submission/gtvt';
    const a = await person('lan', doc, 'share', plan('wa'));
    const b = await person('lan', doc, 'join', makePlan({ rows: [['project', 0, 'x', {}]] }));
    expect([a.problem, b.problem]).toEqual([null, null]);
    expect(b.s.workbook.sheets[0].rows).toEqual(a.s.workbook.sheets[0].rows);
    expect(total(b.s)).toBe(300);
    expect(b.s.workbook.lineage).toBe('wa'); // rows carry the sharer's ids: one lineage

    expect(set(a.s, 'r2', 150).ok).toBe(true);
    await until(() => total(b.s) === 350, 'the edit on the other side');
    expect(b.s.history.canUndo).toBe(false);

    const row = { ...makeRow('project', 1, { name: 'p3', [A]: 30 }), id: 'n1' };
    b.s.dispatch({ type: 'insertRows', sheetId: 's1', at: 3, rows: [row] }, 'insert');
    await until(() => total(a.s) === 380, 'the inserted row on the other side');
    expect(a.s.workbook.sheets[0].rows.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'n1']);

    expect(a.s.undo()).toBe(true); // a's own edit, undone: a new step for everyone
    await until(() => total(b.s) === 330, 'the undo on the other side');
    await b.s.whenSaved();
    const stored = await b.repo.load(b.s.workbook.id);
    expect(stored!.workbook.sheets[0].rows).toEqual(b.s.workbook.sheets[0].rows); // in IndexedDB
  });

  it('the same cell written by two while apart: both values reach both sessions, one settles', async () => {
    const doc = 'plan/app2/submission/gtvt';
    const a = await person('lan', doc, 'share', plan('wb2'));
    const b = await person('lan', doc, 'join', plan('other'));
    await offline(a, b);
    set(a.s, 'r3', 210);
    set(b.s, 'r3', 220);
    a.sync.goOnline();
    b.sync.goOnline();
    await until(
      () => a.sync.snapshot.conflicts.length === 1 && b.sync.snapshot.conflicts.length === 1,
      'the conflict on both',
    );
    const values = (x: typeof a) => x.sync.snapshot.conflicts[0].writes.map((w) => w.v).sort();
    expect([values(a), values(b)]).toEqual([
      [210, 220],
      [210, 220],
    ]);
    expect(total(a.s)).toBe(total(b.s));
    b.sync.settle(b.sync.snapshot.conflicts[0].key, 210);
    await until(() => a.sync.snapshot.conflicts.length === 0 && total(a.s) === 310, 'settled');
    expect(total(b.s)).toBe(310);
  });

  it('a department connected to the consolidation reads it, read-only', async () => {
    const doc = 'plan/app3/consolidation';
    await person('minh', doc, 'share', plan('wc'));
    const lan = await person('lan', doc, 'join', plan('x'));
    expect(lan.problem).toBeNull();
    expect(lan.sync.snapshot.readOnly).toBe(true);
    expect(lan.s.readOnly).toBe(true);
    expect(set(lan.s, 'r2', 1).ok).toBe(false);
  });

  it('sharing into a document that already holds another workbook is refused, nothing changed', async () => {
    const doc = 'plan/app4/submission/gtvt';
    await person('lan', doc, 'share', plan('w4'));
    const other = await person('lan', doc, 'share', plan('w5'));
    expect(other.problem).toBe('documentNotEmpty');
  });

  it('when this browser stored a value its shared copy lacks, both are shown, none lost', async () => {
    const doc = 'plan/app5/submission/gtvt';
    const a = await person('lan', doc, 'share', plan('w6'), true);
    set(a.s, 'r2', 111);
    await a.sync.client.whenSaved();
    await a.sync.close();
    // the page died between its two writes: the store has 999, the shared copy does not
    set(a.s, 'r2', 999);
    const again = new WorkbookSync(
      a.s,
      { url: srv.url, document: doc, token: token('lan') },
      { local: true, WebSocketPolyfill: WebSocket },
    );
    syncs.push(again);
    expect(await again.start()).toBeNull();
    expect(total(a.s)).toBe(311); // the shared copy is followed…
    const d = again.snapshot.divergent;
    expect(d.map((x) => [x.rowId, x.local, x.shared])).toEqual([['r2', 999, 111]]); // …999 kept
    again.resolveDivergence(d[0], true);
    expect(total(a.s)).toBe(1199);
    await again.client.whenSaved();
    expect(again.snapshot.divergent).toEqual([]);
  });
});
