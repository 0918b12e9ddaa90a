/**
 * `node --import ./tests/e2e/runSetup.ts --test …`: in the test runner (not in its test files'
 * processes), what the whole run shares, passed to the files by their environment:
 * - one Chromium (`PLANBOOK_E2E_BROWSER`, its endpoint), each file connecting instead of
 *   launching its own (a launch costs seconds on a loaded machine, ×59 files); contexts share no
 *   storage, so files stay apart as before;
 * - with `--test-concurrency=1` (files one after another, never two at once), the run's running
 *   LibreOffice instances (`PLANBOOK_E2E_RUN`, see tests/support/loUno.ts), started once for the
 *   run instead of once per file converting.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const runner = process.execArgv.includes('--test');
if (runner && process.execArgv.includes('--test-concurrency=1'))
  process.env.PLANBOOK_E2E_RUN ??= String(process.pid);
if (runner && !process.env.PLANBOOK_E2E_BROWSER) {
  const daemon = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, 'browserDaemon.ts'), String(process.pid)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const endpoint = await new Promise<string>((ok, fail) => {
    let out = '';
    daemon.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) ok(out.slice(0, out.indexOf('\n')));
    });
    daemon.on('exit', (code) => fail(new Error(`the shared Chromium did not start (${code})`)));
  });
  process.env.PLANBOOK_E2E_BROWSER = endpoint;
  daemon.stdout.destroy();
  daemon.unref();
  process.on('exit', () => daemon.kill());
}
