/**
 * The same tables laid out differently (a header repeated at a page break, blank lines, title
 * lines above, figures typed as Vietnamese text) are checked the same: no error appears or goes.
 */
import { describe, expect, it } from 'vitest';
import { layoutVariants } from './layouts';

describe('layout variants of audited tables', () => {
  it('say what the published sheets say', () => {
    const r = layoutVariants(['Plan_2010.xls', 'Final_2009.xls', 'Plan_2006.xls', 'Plan_2017.xls']);
    expect(r.variants).toBeGreaterThan(60);
    expect(r.changed).toEqual([]);
  }, 240_000);
});
