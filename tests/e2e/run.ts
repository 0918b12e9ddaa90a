/**
 * `node --import tsx tests/e2e/run.ts <test files>`: runs the e2e files one after another (`node --import tsx
 * --test --test-concurrency=1`) sharing the run's running LibreOffice instances
 * (`PLANBOOK_E2E_RUN`, this process: see tests/support/loUno.ts), started once for the run
 * instead of once per file converting (Node 20's test runner runs no `--import` module in its
 * own process to set that up). Exits with the test run's code.
 *
 * One Chromium for the whole run (a `launchServer` each file connects to) was tried and left:
 * it saved ~13 s of wall and ~1.7 s of CPU a file on a loaded machine, but a connected
 * browser gives downloads no path, and columnFit's header double-click hit the checks dock
 * there (not in a launched browser), unexplained.
 */
import { spawn } from 'node:child_process';

const run = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, PLANBOOK_E2E_RUN: String(process.pid) } },
);
run.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
