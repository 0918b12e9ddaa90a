// Makes sure Debian's Chromium is installed (the e2e tests and benchmarks drive it); never downloads a browser build.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.log(
    `Chromium not found at ${path}: installing Debian's package (apt-get install chromium)…`,
  );
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation`, {
    stdio: 'inherit',
    env,
  });
}
if (!existsSync(path)) {
  console.error(`Chromium is still missing at ${path}.`);
  process.exit(1);
}
