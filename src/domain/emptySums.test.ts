/** A section whose rows hold no figure in a column has nothing to add there (shown blank). */
import { describe, expect, it } from 'vitest';
import { nothingToAdd } from './emptySums';
import { makePlan } from './template';

const rows = makePlan({
  rows: [
    ['section', 0, 'I', { '2011:ĐTPT': 5 }],
    ['project', 1, 'p1', { '2011:SN': 0 }],
    ['project', 1, 'p2'],
    ['section', 0, 'II'],
    ['section', 1, 'II.1', { '2012:SN': 7 }],
    ['project', 2, 'p3', { '2012:ĐTPT': '=1+1' }],
    ['section', 0, 'III'],
  ],
}).sheets[0].rows;

describe('nothingToAdd', () => {
  it('is true where no row under the section holds a figure, its own stated one aside', () => {
    expect(nothingToAdd(rows, 0, 'y2011_dtpt')).toBe(true);
    expect(nothingToAdd(rows, 0, 'y2012_sn')).toBe(true);
    expect(nothingToAdd(rows, 6, 'y2011_dtpt')).toBe(true);
  });

  it('is false for a typed 0, a formula or a subsection’s stated figure, and for a project', () => {
    expect(nothingToAdd(rows, 0, 'y2011_sn')).toBe(false);
    expect(nothingToAdd(rows, 3, 'y2012_dtpt')).toBe(false);
    expect(nothingToAdd(rows, 3, 'y2012_sn')).toBe(false);
    expect(nothingToAdd(rows, 1, 'y2012_sn')).toBe(false);
  });
});
