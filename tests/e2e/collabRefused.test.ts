/**
 * A refused connection in Chromium says why in Vietnamese: an expired token at connection, and a
 * token that expires during the session (refused at the next reconnection), the edit made
 * meanwhile kept; never Hocuspocus's `permission-denied`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { token } from '../../src/server/testkit';
import { collabServer } from './collabServer';
import { e2eSuite, openSample } from './harness';
import { SyncPanelModel } from './pages/SyncPanel';

const suite = e2eSuite();
const server = collabServer();
const E = 'y2011_dtpt';

describe('refused connections', () => {
  it('an expired token is said at connection and on reconnection during the session', async () => {
    const a = await openSample(await suite.profile(), suite.url());
    const sync = new SyncPanelModel(a.page);
    await sync.tryConnect(server.url(), 'plan/e2e-refused/submission/gtvt', token('lan', -1));
    const first = await sync.problem();
    assert.match(first, /Mã truy cập đã hết hạn/); // was "… (permission-denied)."
    assert.doesNotMatch(first, /permission-denied/);

    const SECONDS = 25;
    const issued = Date.now();
    await sync.connect(
      server.url(),
      'plan/e2e-refused/submission/gtvt',
      token('lan', SECONDS / 3600),
    );
    await sync.goOffline();
    // a fixed wait on purpose: the token expires by the clock (no event to wait on)
    await a.page.waitForTimeout(Math.max(0, issued + SECONDS * 1000 + 1000 - Date.now()));
    await a.type(1, E, '4000');
    await sync.reconnect();
    assert.match(await sync.problem(), /Mã truy cập đã hết hạn.*giữ trên máy này/s); // was none
    assert.equal(await a.textIs(a.cell(1, E), '4.000'), '4.000');
  });
});
