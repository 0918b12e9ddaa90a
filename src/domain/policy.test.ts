import { describe, expect, it } from 'vitest';
import { leaves } from './columns';
import { cellPolicy, parseInput, placeOf } from './policy';
import { makePlan } from './template';

const wb = makePlan({
  rows: [
    ['section', 0, 'I', {}],
    ['project', 1, 'a', { '2011:ĐTPT': 1 }],
    ['total', 0, 'Tổng cộng', { y2011: 30 }],
    ['total', 0, 'Tổng vốn SN', { stated: 3 }],
  ],
});
const sheet = wb.sheets[0];
const leaf = (id: string) => leaves(sheet.columns).find((l) => l.id === id)!;
const [section, project, totalMerged, total] = sheet.rows;

describe('cell policy', () => {
  it('keeps computed cells and section sums; every other cell is written the same way', () => {
    expect(cellPolicy(sheet, project, leaf('total'))).toMatchObject({
      editable: false,
      refusal: 'computedColumn',
    });
    expect(cellPolicy(sheet, section, leaf('y2011_dtpt'))).toMatchObject({
      editable: false,
      refusal: 'sectionComputed',
    });
    expect(cellPolicy(sheet, section, leaf('name')).editable).toBe(true);
    expect(cellPolicy(sheet, project, leaf('y2011_dtpt')).editable).toBe(true);
    // a total row's stated figures are typed, pasted, filled and cleared like any figure
    expect(cellPolicy(sheet, total, leaf('stated'))).toMatchObject({
      editable: true,
      target: 'stated',
    });
  });

  it('sends a total row’s figure merged over a year to the year’s key', () => {
    expect(cellPolicy(sheet, totalMerged, leaf('y2011_dtpt')).target).toBe('y2011');
    expect(cellPolicy(sheet, total, leaf('y2011_dtpt')).target).toBe('y2011_dtpt');
  });

  it('places a section’s stated figures beside its computed sums, nothing of a computed column', () => {
    expect(placeOf(section, leaf('y2011_dtpt'))).toBe('stated');
    expect(placeOf(section, leaf('name'))).toBe('visible');
    expect(placeOf(project, leaf('total'))).toBe('computed');
    expect(placeOf(totalMerged, undefined)).toBe('stated');
  });
});

describe('input parser', () => {
  it('reads amounts in the given style, formulas, blanks, and a lone dash as blank', () => {
    const amount = leaf('y2011_dtpt');
    expect(parseInput('1.500', amount)).toBe(1500);
    expect(parseInput('1,5', amount)).toBe(1.5);
    expect(parseInput('1,500.25', amount, 'en')).toBe(1500.25);
    expect(parseInput(' =2*3 ', amount)).toBe('=2*3');
    expect(parseInput('  ', amount)).toBeNull();
    for (const dash of ['-', '–', '—', ' - ']) expect(parseInput(dash, amount)).toBeNull();
    expect(parseInput('abc', amount)).toEqual({ invalid: 'abc' });
    // texts stay as typed, a dash included (a project's numbering)
    expect(parseInput('-', leaf('tt'))).toBe('-');
    expect(parseInput(' Sở A ', leaf('lead'))).toBe(' Sở A ');
  });
});
