/**
 * Errors planted in the audited corpus (one figure at a time) are found: the checks' recall on the
 * rules the tables state or mean must not fall.
 */
import { describe, expect, it } from 'vitest';
import { plantErrors } from './plantErrors';

describe('errors planted in the audited corpus', () => {
  it('are found on at least 95 in 100 figures (the rest stand alone, in of-which columns or rows)', () => {
    const r = plantErrors(1);
    expect(r.planted).toBeGreaterThan(75);
    expect(r.found / r.planted).toBeGreaterThanOrEqual(0.95);
  }, 240_000);
});
