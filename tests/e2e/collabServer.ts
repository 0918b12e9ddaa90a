/**
 * The collaboration server of a suite: started on the loopback interface (SQLite in memory, the
 * test accounts) before the suite's tests and closed after them.
 */
import { after, before } from 'node:test';
import type { Account } from '../../src/server/accounts';
import { type RunningServer, startServer } from '../../src/server/server';
import { ACCOUNTS, SECRET } from '../../src/server/testkit';

/** Registers the suite's server; `url()` is its `ws://127.0.0.1:port` once started. */
export function collabServer(accounts: Account[] = ACCOUNTS): {
  url: () => string;
  server: () => RunningServer;
} {
  let srv: RunningServer | undefined;
  before(async () => {
    srv = await startServer({ port: 0, accounts: () => accounts, secret: SECRET, quiet: true });
  });
  after(async () => {
    await srv?.close();
  });
  const server = () => {
    if (!srv) throw new Error('the collaboration server is not started yet');
    return srv;
  };
  return { url: () => server().url, server };
}
