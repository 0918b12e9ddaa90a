/**
 * The collaboration server of a suite: started on the loopback interface (SQLite in memory, the
 * test accounts) before the suite's tests and closed after them.
 */
import { after, before } from 'node:test';
import type { Account } from '../../src/server/accounts';
import { type RunningServer, startServer } from '../../src/server/server';
import { ACCOUNTS, SECRET } from '../../src/server/testkit';

/**
 * Registers the suite's server; `url()` is its `ws://127.0.0.1:port` once started. Its clock for
 * tokens' expiry is the real one until `advance(ms)` moves it forward (for good: the suite's
 * later tests see the moved clock).
 */
export function collabServer(accounts: Account[] = ACCOUNTS): {
  url: () => string;
  server: () => RunningServer;
  advance: (ms: number) => void;
} {
  let srv: RunningServer | undefined;
  let ahead = 0;
  before(async () => {
    srv = await startServer({
      port: 0,
      accounts: () => accounts,
      secret: SECRET,
      quiet: true,
      now: () => Date.now() + ahead,
    });
  });
  after(async () => {
    await srv?.close();
  });
  const server = () => {
    if (!srv) throw new Error('the collaboration server is not started yet');
    return srv;
  };
  return {
    url: () => server().url,
    server,
    advance: (ms) => {
      ahead += ms;
    },
  };
}
