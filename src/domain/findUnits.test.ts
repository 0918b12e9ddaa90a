/**
 * The sheet's unit filter groups units as the units view does: spellings that differ in case,
 * diacritics, spacing or punctuation are one unit, and units the user merged are one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterRows } from './find';
import type { Workbook } from './types';
import { normaliseName } from './match';
import { unitNames } from './units';

const sample = (): Workbook =>
  JSON.parse(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8')).workbook;

const leads = (wb: Workbook, shown: Set<string> | null) =>
  wb.sheets[0].rows
    .filter((r) => r.kind === 'project' && shown?.has(r.id))
    .map((r) => r.cells.lead);

describe('the unit filter as the units view', () => {
  it('keeps the projects of units the user merged, listed under the merged name', () => {
    const wb = sample();
    const s = wb.sheets[0];
    const aliases = {
      [normaliseName('Thanh tra tỉnh')]: 'Khối nội chính',
      [normaliseName('Sở Nội vụ')]: 'Khối nội chính',
    };
    const names = unitNames(s, aliases);
    expect(names).toContain('Khối nội chính');
    expect(names).not.toContain('Sở Nội vụ');
    expect(names).not.toContain('Thanh tra tỉnh');
    const shown = filterRows(s, { units: ['Khối nội chính'], aliases });
    expect(leads(wb, shown).sort()).toEqual(['Sở Nội vụ', 'Thanh tra tỉnh']);
    // a spelling of one of them picks the merged unit
    expect(filterRows(s, { units: ['Sở Nội vụ'], aliases })).toEqual(shown);
  });

  it('one unit whatever its spacing or punctuation, listed once', () => {
    const wb = sample();
    const s = wb.sheets[0];
    const p = s.rows.filter((r) => r.cells.lead === 'Sở TT và TT');
    p[0].cells.lead = 'Sở  TT và TT.';
    p[1].cells.lead = 'sở tt VÀ tt';
    const names = unitNames(s, undefined);
    expect(names.filter((n) => normaliseName(n) === 'so tt va tt')).toHaveLength(1);
    const shown = filterRows(s, { units: ['Sở TT và TT'] });
    expect(leads(wb, shown)).toHaveLength(p.length);
  });
});
