/** bench/checks.ts alone at one size (BENCH_PROJECTS, default 100,000), without the rest of the bench. */
import { benchChecks } from './checks';

const n = Number(process.env.BENCH_PROJECTS ?? 100_000);
for (const line of benchChecks(n)) console.log(line);
