/**
 * `npm run property`: the property tests of issue #14 with RANDOM seeds (`npm test` runs them from
 * a fixed seed). Each file prints its seed; replay a failure with `PROPERTY_SEED=<seed> npx vitest
 * run <file>`. Extra arguments go to vitest (e.g. a file to run alone).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const FILES = [
  'src/app/steps.property.test.ts',
  'src/app/steps.model.property.test.ts',
  'src/server/plainSync.property.test.ts',
];
const vitest = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);
const extra = process.argv.slice(2);
const r = spawnSync(process.execPath, [vitest, 'run', ...(extra.length ? extra : FILES)], {
  stdio: 'inherit',
  env: { ...process.env, PROPERTY_SEED: process.env.PROPERTY_SEED || 'random' },
});
process.exit(r.status ?? 1);
