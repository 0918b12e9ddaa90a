/**
 * Issue 21, the document format gate in the app: connecting a workbook to a server of another
 * document format is refused with a clear Vietnamese message (not a token refusal), logged, and
 * nothing is written into the server's document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYNC_FORMAT } from '../../src/domain/syncFormat';
import { type RunningServer, startServer } from '../../src/server/server';
import { ACCOUNTS, SECRET, token } from '../../src/server/testkit';
import { e2eSuite, openSample } from './harness';
import { SyncPanelModel } from './pages/SyncPanel';

const suite = e2eSuite();
let newer: RunningServer;
before(async () => {
  const o = { port: 0, accounts: () => ACCOUNTS, secret: SECRET, quiet: true };
  newer = await startServer({ ...o, format: SYNC_FORMAT + 1 });
});
after(async () => {
  await newer.close();
});

describe('a server of another document format', () => {
  it('refuses the connection with a message saying so, logged; nothing is written there', async () => {
    const w = await openSample(await suite.profile(), suite.url());
    const sync = new SyncPanelModel(w.page);
    await sync.show();
    await w.page.fill('[data-testid=sync-url]', newer.url);
    await w.page.fill('[data-testid=sync-document]', 'plan/e2e-format/submission/gtvt');
    await w.page.fill('[data-testid=sync-token]', token('lan'));
    await w.page.click('[data-testid=sync-connect]');
    const problem = w.page.locator('[data-testid=sync-problem]');
    await problem.waitFor({ timeout: 20_000 });
    assert.match(
      await problem.innerText(),
      /^Phiên bản Planbook này và máy chủ dùng hai định dạng tài liệu khác nhau: máy chủ từ chối kết nối để tài liệu không bị hỏng\..*client=2 server=3/,
    );
    await newer.audit.flush();
    const lines = await newer.store.audit({ doc: 'plan/e2e-format/submission/gtvt' });
    assert.deepEqual(
      lines.map((l) => [l.kind, l.account]),
      [['denied', 'lan']],
    );
    assert.equal(await newer.store.load('plan/e2e-format/submission/gtvt'), null);
  });
});
