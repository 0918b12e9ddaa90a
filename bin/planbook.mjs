#!/usr/bin/env node
// planbook — the command line of Planbook (GPL-3.0-or-later). Runs the bundled CLI
// (built by `npm run build:cli`, which `npm install` runs through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist-cli/planbook.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('planbook: the command line is not built; run `npm run build:cli`\n');
  process.exit(2);
}
await import(bundle);
