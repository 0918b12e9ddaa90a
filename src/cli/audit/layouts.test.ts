/**
 * The same tables laid out differently (a header repeated at a page break, blank lines, title
 * lines above, figures typed as Vietnamese text, and the hostile layouts of hostileLayouts.ts) are
 * read and checked the same: the same structure, no error appears or goes.
 */
import { describe, expect, it } from 'vitest';
import { layoutVariants } from './layouts';

describe('layout variants of audited tables', () => {
  it('say what the published sheets say', () => {
    const r = layoutVariants(['Plan_2010.xls', 'Final_2009.xls', 'Plan_2006.xls', 'Plan_2017.xls']);
    expect(r.variants).toBeGreaterThan(150);
    expect(Object.keys(r.byVariant).length).toBeGreaterThanOrEqual(14);
    expect(r.changed).toEqual([]);
  }, 240_000);
});
