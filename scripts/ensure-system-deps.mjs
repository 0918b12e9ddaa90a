// Installs the Debian packages the tests drive when they are missing: Chromium (end-to-end tests,
// benchmarks), LibreOffice Calc (the peer spreadsheet that recalculates exported files), openpyxl
// (the independent reader of exported files), poppler (reads LibreOffice's printed PDF), PostgreSQL
// and Redis (the collaboration server's tests with several instances).
// Never downloads a browser build of its own.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** Whether Debian's PostgreSQL server is installed (any major version: 15 on bookworm, 17 on trixie). */
function postgresInstalled() {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((v) => existsSync(`${root}/${v}/bin/postgres`));
}

const wanted = [
  {
    path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    pkgs: ['chromium', 'fonts-dejavu-core', 'fonts-liberation'],
  },
  { path: process.env.SOFFICE_PATH ?? '/usr/bin/soffice', pkgs: ['libreoffice-calc-nogui'] },
  {
    path: 'python3 module openpyxl',
    pkgs: ['python3', 'python3-openpyxl'],
    ok: () => existsSync('/usr/lib/python3/dist-packages/openpyxl'),
  },
  { path: '/usr/bin/pdftoppm', pkgs: ['poppler-utils'] },
  // the collaboration server's tests start their own PostgreSQL cluster and Redis on 127.0.0.1
  {
    path: '/usr/lib/postgresql/<version>/bin/postgres',
    pkgs: ['postgresql'],
    ok: postgresInstalled,
  },
  { path: '/usr/bin/redis-server', pkgs: ['redis-server'] },
];
const present = (w) => (w.ok ? w.ok() : existsSync(w.path));
const missing = wanted.filter((w) => !present(w));
if (missing.length) {
  const pkgs = missing.flatMap((w) => w.pkgs);
  console.log(`Installing Debian packages: ${pkgs.join(' ')} (apt-get)…`);
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq ${pkgs.join(' ')}`, { stdio: 'inherit', env });
}
for (const w of wanted) {
  if (!present(w)) {
    console.error(`${w.path} is still missing.`);
    process.exit(1);
  }
}
