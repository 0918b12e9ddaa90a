/**
 * Plants errors in the audited corpus and prints how many the checks find (see
 * src/cli/audit/plantErrors.ts), then of-which parts raised above their line (plantOfWhich.ts).   npx tsx scripts/audit/inject.ts [perSheet=8] [--misses]
 */
import { plantErrors } from '../../src/cli/audit/plantErrors';
import { plantOfWhich } from '../../src/cli/audit/plantOfWhich';

const perSheet = Number(process.argv[2]) || 8;
const r = plantErrors(perSheet);
if (process.argv.includes('--misses')) for (const m of r.missed) console.log(`missed: ${m}`);
console.log(
  `planted ${r.planted} errors in audited item figures: found ${r.found} (${((100 * r.found) / r.planted).toFixed(1)} %)`,
);
const o = plantOfWhich(perSheet);
if (process.argv.includes('--misses'))
  for (const m of o.missed) console.log(`missed of-which: ${m}`);
console.log(
  `planted ${o.planted} of-which parts above their line: found ${o.found} (${((100 * o.found) / o.planted).toFixed(1)} %)`,
);
