/**
 * Test helpers for the app's sessions connected through a server: a person's browser (a stored
 * workbook, its session, connected to a document), shared or opened from the server.
 */
import WebSocket from 'crossws/websocket';
import { WorkbookSession } from '../app/session';
import { fetchShared, WorkbookSync } from '../app/sync';
import { makePlan } from '../domain/template';
import type { Workbook } from '../domain/types';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import type { RunningServer } from './server';
import { token, until } from './testkit';

/** A plan of one section and two projects (100 and 200 in 2011 ĐTPT), under id `id`. */
export function plan(id: string): Workbook {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
      ['project', 1, 'p2', { '2011:ĐTPT': 200 }],
    ],
  });
  return { ...wb, id };
}

let dbn = 0;

/**
 * People's browsers on `srv()`: `person` stores a workbook (shared as it is, or opened from the
 * server into `own`'s id), starts its session and connects it; `closeAll` ends every connection.
 */
export function appPeople(srv: () => RunningServer) {
  const syncs: WorkbookSync[] = [];
  const person = async (
    account: string,
    doc: string,
    mode: 'share' | 'join',
    own: Workbook,
    local = false,
  ) => {
    const settings = { url: srv().url, document: doc, token: token(account) };
    let wb = own;
    if (mode === 'join') {
      // opening from the server: the shared workbook stored here as a new one, then connected
      const got = await fetchShared(settings, { WebSocketPolyfill: WebSocket });
      if (!('workbook' in got)) throw new Error(got.problem);
      wb = { ...got.workbook, id: own.id };
    }
    const repo = new WorkbookRepo(openDb(`sync${++dbn}`));
    const s = new WorkbookSession(await repo.create(wb), repo);
    const sync = new WorkbookSync(s, settings, { local, WebSocketPolyfill: WebSocket });
    syncs.push(sync);
    const problem = await sync.start();
    return { s, sync, repo, problem };
  };
  const closeAll = async () => {
    for (const s of syncs) await s.close();
  };
  /** Takes the people's sessions offline and waits until each says so. */
  const offline = async (...people: { sync: WorkbookSync }[]) => {
    for (const p of people) p.sync.goOffline();
    await until(() => people.every((p) => p.sync.snapshot.status === 'offline'), 'offline');
  };
  return { person, syncs, closeAll, offline };
}
