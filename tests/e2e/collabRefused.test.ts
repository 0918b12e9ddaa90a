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

    const doc = 'plan/e2e-refused/submission/gtvt';
    const HOURS = 1;
    await sync.connect(server.url(), doc, token('lan', HOURS));
    await sync.goOffline();
    const srv = server.server();
    const denied = async () => {
      await srv.audit.flush();
      return (await srv.store.audit({ doc, kind: 'denied' })).map((d) => d.detail);
    };
    const deniedBefore = (await denied()).length;
    // the token expires by the clock: the server's clock (it refuses) and the page's (it says
    // why) are moved past the expiry together, as when the laptop's lid is opened again later
    const later = HOURS * 3600_000 + 60_000;
    server.advance(later);
    await a.page.clock.install();
    await a.page.clock.fastForward(later);
    await a.type(1, E, '4000');
    await sync.reconnect();
    assert.match(await sync.problem(), /Mã truy cập đã hết hạn.*giữ trên máy này/s); // was none
    assert.equal(await a.textIs(a.cell(1, E), '4.000'), '4.000');
    // refused by the server, for the token's expiry by its clock: not a message of the page alone
    const since = (await denied()).slice(deniedBefore);
    assert.ok(since.length > 0);
    assert.deepEqual(
      since,
      since.map(() => 'token expired'),
    );
  });
});
