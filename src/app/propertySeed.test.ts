/** The property tests' seeds: fixed in `npm test`, random (and printed) on request. */
import { describe, expect, it } from 'vitest';
import { FIXED_SEED, fixedRuns, propertyParams } from './propertySeed';

describe('property seeds', () => {
  it('are fixed unless asked otherwise, so CI runs the same steps every time', () => {
    expect(propertyParams('p', 40, {})).toEqual({ seed: FIXED_SEED, numRuns: 40 });
    expect(propertyParams('p', 40, { PROPERTY_RUNS: '5' })).toEqual({
      seed: FIXED_SEED,
      numRuns: 5,
    });
    expect(propertyParams('p', 40, { PROPERTY_SEED: '-77' })).toEqual({ seed: -77, numRuns: 40 });
    expect(fixedRuns({})).toBe(true);
    expect(fixedRuns({ PROPERTY_SEED: 'random' })).toBe(false);
    expect(fixedRuns({ PROPERTY_RUNS: '3' })).toBe(false);
  });

  it('draws a random seed on request and prints it for a replay', () => {
    const lines: string[] = [];
    const a = propertyParams('model', 40, { PROPERTY_SEED: 'random' }, (l) => lines.push(l));
    expect(Number.isInteger(a.seed)).toBe(true);
    expect(lines).toEqual([`model: PROPERTY_SEED=${a.seed} (replay with this seed)`]);
  });

  it('refuses a seed or a run count it cannot read', () => {
    expect(() => propertyParams('p', 40, { PROPERTY_SEED: 'abc' })).toThrow(/PROPERTY_SEED/);
    expect(() => propertyParams('p', 40, { PROPERTY_RUNS: '0' })).toThrow(/PROPERTY_RUNS/);
  });
});
