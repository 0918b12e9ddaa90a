/**
 * The one Chromium of an e2e run (`node tests/e2e/browserDaemon.ts <runner pid>`): a Playwright
 * browser server, its endpoint written as the first line of stdout; closed when the runner
 * asks (SIGTERM) or is gone. Started by `runSetup.ts`.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';

const runner = Number(process.argv[2]);
const server = await chromium.launchServer({
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
  handleSIGINT: false,
  handleSIGTERM: false,
  handleSIGHUP: false,
});
process.stdout.write(`${server.wsEndpoint()}\n`);

let closing = false;
const close = () => {
  if (closing) return;
  closing = true;
  void server.close().finally(() => process.exit(0));
};
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, close);
// the runner killed without its exit handler running: nobody will ask
setInterval(() => {
  try {
    process.kill(runner, 0);
  } catch {
    close();
  }
}, 1000);
