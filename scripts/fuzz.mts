/**
 * `npm run fuzz [-- --count 10000 --seed 1 --export-every 20]`: the long fuzzing run. Mutants of
 * every fixture format go through `planbook check` (and `export`) in a bounded worker process; the
 * report (JSON) is written to tmp/fuzz/report.json and summed up on stdout. Failing mutants stay in
 * tmp/fuzz/ for a look.
 */
import { writeFileSync } from 'node:fs';
import { fuzz, loadSeeds } from '../src/cli/fuzz/run';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const seeds = loadSeeds();
const count = arg('count', 10_000);
const seed = arg('seed', 1);
console.log(`fuzzing: ${count} mutants of ${seeds.length} fixtures (seed ${seed})`);
const report = await fuzz(seeds, {
  count,
  seed,
  dir: 'tmp/fuzz',
  exportEvery: arg('export-every', 20),
  progress: (done, r) => {
    if (done % 250 === 0)
      console.log(
        `${done}/${count}: crashes ${r.crashes.length}, stalls ${r.stalls.length}, slow reads ${r.slowReads.length}, messages ${r.messages.length}, reader deaths ${r.readerDeaths}, out of memory ${r.outOfMemory}, over budget ${r.overBudget}, peak ${r.peakRssMb} MB, slowest ${r.slowest[0]?.ms ?? 0} ms`,
      );
  },
});
writeFileSync('tmp/fuzz/report.json', JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
const o = report.outcomes;
console.log(
  `summary: ${report.inputs} inputs; read clean (exit 0) ${o['exit 0'] ?? 0}, with findings (exit 1) ${o['exit 1'] ?? 0}, refused (exit 2) ${o['exit 2'] ?? 0}; out of memory ${report.outOfMemory} (reader deaths while reading ${report.readerDeaths}, crashes after ${report.crashes.length}); over ${(20_000 / 1000).toFixed(0)} s ${report.overBudget} (slow reads ${report.slowReads.length}, stalls ${report.stalls.length}); stderr problems ${report.messages.length}; peak ${report.peakRssMb} MB; ${Math.round(report.ms / 1000)} s`,
);
process.exitCode = report.crashes.length || report.stalls.length || report.messages.length ? 1 : 0;
