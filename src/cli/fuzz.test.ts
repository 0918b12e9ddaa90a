/**
 * A short fuzzing run (the long one is `npm run fuzz`): mutants of every fixture format through
 * `planbook check` and `export` in a bounded process. No crash, every input answered within the
 * budget, one line on stderr at most.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzz, loadSeeds } from './fuzz/run';

describe('fuzzing (short run)', () => {
  it('mutants of .xls, .xlsx, .ods, .csv, .tsv and .planbook files: no crash, no stall, one clear line', async () => {
    const seeds = loadSeeds();
    expect(new Set(seeds.map((s) => s.format))).toEqual(
      new Set(['xls', 'xlsx', 'ods', 'csv', 'tsv', 'planbook']),
    );
    const report = await fuzz(seeds, {
      count: 90,
      seed: 7,
      dir: mkdtempSync(join(tmpdir(), 'planbook-fuzz-')),
      exportEvery: 4,
    });
    expect(report.crashes).toEqual([]);
    expect(report.stalls).toEqual([]);
    expect(report.slowReads).toEqual([]);
    expect(report.messages).toEqual([]);
    expect(report.inputs).toBe(90);
    expect(report.peakRssMb).toBeLessThan(1024);
  }, 120_000);
});
