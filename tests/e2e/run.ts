/**
 * `node --import tsx tests/e2e/run.ts <test files>`: runs the e2e files one after another
 * (`node --test --test-concurrency=1`) with what the whole run shares, passed to the files by
 * their environment (Node 20's test runner runs no `--import` module of its own to set it up):
 * - one Chromium (`PLANBOOK_E2E_BROWSER`, its endpoint), each file connecting instead of
 *   launching its own (a launch costs seconds on a loaded machine, ×59 files); contexts share no
 *   storage, so files stay apart as before;
 * - the run's running LibreOffice instances (`PLANBOOK_E2E_RUN`, this process: see
 *   tests/support/loUno.ts), started once for the run instead of once per file converting.
 * Exits with the test run's code.
 */
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';

const server = await chromium.launchServer({
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
});
const run = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      PLANBOOK_E2E_BROWSER: server.wsEndpoint(),
      PLANBOOK_E2E_RUN: String(process.pid),
    },
  },
);
const code = await new Promise<number>((done) =>
  run.on('exit', (c, signal) => done(c ?? (signal ? 1 : 0))),
);
await server.close();
process.exit(code);
