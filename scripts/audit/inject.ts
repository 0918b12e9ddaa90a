/**
 * Plants errors in the audited corpus and prints how many the checks find (see
 * src/cli/audit/plantErrors.ts).   npx tsx scripts/audit/inject.ts [perSheet=8] [--misses]
 */
import { plantErrors } from '../../src/cli/audit/plantErrors';

const perSheet = Number(process.argv[2]) || 8;
const r = plantErrors(perSheet);
if (process.argv.includes('--misses')) for (const m of r.missed) console.log(`missed: ${m}`);
console.log(
  `planted ${r.planted} errors in audited item figures: found ${r.found} (${((100 * r.found) / r.planted).toFixed(1)} %)`,
);
