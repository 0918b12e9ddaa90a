/**
 * How the property tests (fast-check) choose their random steps: from a FIXED seed in `npm test`,
 * so CI runs the same steps every time and never fails by chance; `npm run property` (or
 * PROPERTY_SEED=random) draws a new seed and prints it, and PROPERTY_SEED=<n> replays a run.
 */

/** The seed `npm test` uses when PROPERTY_SEED is not set. */
export const FIXED_SEED = 1414;

/** What the environment says: PROPERTY_SEED (a number or `random`) and PROPERTY_RUNS. */
export interface PropertyEnv {
  PROPERTY_SEED?: string;
  PROPERTY_RUNS?: string;
}

/**
 * fast-check's `{ seed, numRuns }` for the property test `name`: `runs` runs (PROPERTY_RUNS
 * overrides it) from FIXED_SEED, the seed PROPERTY_SEED names, or a random one when it is
 * `random` (then printed through `log`, so that a failure can be replayed).
 */
export function propertyParams(
  name: string,
  runs: number,
  env: PropertyEnv = process.env,
  log: (line: string) => void = console.log,
): { seed: number; numRuns: number } {
  const numRuns = env.PROPERTY_RUNS ? Number(env.PROPERTY_RUNS) : runs;
  if (!Number.isInteger(numRuns) || numRuns < 1)
    throw new Error(`PROPERTY_RUNS must be a whole number above 0, not "${env.PROPERTY_RUNS}"`);
  const want = env.PROPERTY_SEED?.trim();
  if (!want) return { seed: FIXED_SEED, numRuns };
  if (want === 'random') {
    const seed = (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
    log(`${name}: PROPERTY_SEED=${seed} (replay with this seed)`);
    return { seed, numRuns };
  }
  const seed = Number(want);
  if (!Number.isInteger(seed))
    throw new Error(`PROPERTY_SEED must be a whole number or "random", not "${want}"`);
  return { seed: seed | 0, numRuns };
}

/** Whether the runs are the fixed ones of `npm test` (their step counts can be asserted). */
export function fixedRuns(env: PropertyEnv = process.env): boolean {
  return !env.PROPERTY_SEED?.trim() && !env.PROPERTY_RUNS;
}
