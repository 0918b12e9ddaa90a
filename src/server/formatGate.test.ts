/**
 * Issue #21: a client of another document format is refused with a reason the app words, before
 * it can write anything (a client from before the gate would write plain cells by position).
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'crossws/websocket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fetchShared, WorkbookSync } from '../app/sync';
import { WorkbookSession } from '../app/session';
import { parseFormatRefusal, SYNC_FORMAT } from '../domain/syncFormat';
import { makePlan } from '../domain/template';
import { type RunningServer, startServer } from './server';
import { ACCOUNTS, SECRET, token, until } from './testkit';

let srv: RunningServer;
let newer: RunningServer;
beforeAll(async () => {
  const o = { port: 0, accounts: () => ACCOUNTS, secret: SECRET, quiet: true };
  srv = await startServer(o);
  newer = await startServer({ ...o, format: SYNC_FORMAT + 1 });
});
afterAll(async () => {
  await srv.close();
  await newer.close();
});

describe('the document format gate', () => {
  it('a client stating no format (before the gate) is refused and logged; nothing is written', async () => {
    const doc = new Y.Doc();
    doc.getMap('reg').set('G\u001fg1\u001f0\u001f0\u001eold', { v: 1 });
    let reason = '';
    const p = new HocuspocusProvider({
      url: srv.url,
      name: 'plan/f1/submission/gtvt',
      token: token('lan'),
      document: doc,
      ...({ WebSocketPolyfill: WebSocket } as object),
      onAuthenticationFailed: (e) => {
        reason = e.reason;
      },
    });
    try {
      await until(() => reason !== '', 'the refusal');
    } finally {
      p.destroy();
    }
    expect(parseFormatRefusal(reason)).toEqual({ client: 1, server: SYNC_FORMAT });
    await srv.audit.flush();
    const lines = await srv.store.audit({ doc: 'plan/f1/submission/gtvt' });
    expect(lines.map((l) => [l.kind, l.account, l.detail])).toEqual([['denied', 'lan', reason]]);
    expect(await srv.store.load('plan/f1/submission/gtvt')).toBeNull();
  });

  it('the app connecting to a server of another format says so (not a token refusal)', async () => {
    const settings = { url: newer.url, document: 'plan/f2/submission/gtvt', token: token('lan') };
    const got = await fetchShared(settings, { WebSocketPolyfill: WebSocket });
    expect(got).toMatchObject({ problem: 'format' });
    const wb = makePlan({ rows: [['section', 0, 'I', {}]] });
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const sync = new WorkbookSync(s, settings, { local: false, WebSocketPolyfill: WebSocket });
    try {
      expect(await sync.start()).toBe('format');
      expect(parseFormatRefusal(sync.snapshot.detail)).toEqual({
        client: SYNC_FORMAT,
        server: SYNC_FORMAT + 1,
      });
    } finally {
      await sync.close();
    }
  });

  it('a client of this format is let in', async () => {
    const settings = { url: srv.url, document: 'plan/f3/submission/gtvt', token: token('lan') };
    const got = await fetchShared(settings, { WebSocketPolyfill: WebSocket });
    expect(got).toMatchObject({ problem: 'documentEmpty' });
  });
});
