import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Workbook } from './types';
import { filterRows, findInPlan, nextHit } from './find';

const sample = (): Workbook =>
  JSON.parse(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8')).workbook;

describe('find and filter over the whole plan', () => {
  it('finds names, units and figures whatever the case, diacritics or number style', () => {
    const wb = sample();
    const s = wb.sheets[0];
    const byName = findInPlan(wb.sheets, 'giao ban truc tuyen');
    expect(byName.map((h) => s.rows[h.rowIndex].cells.name)).toEqual([
      'Hệ thống giao ban trực tuyến cho 05 đơn vị cấp huyện',
      'Hệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện',
    ]);
    expect(findInPlan(wb.sheets, 'SỞ NỘI VỤ').every((h) => h.colId === 'lead')).toBe(true);
    expect(findInPlan(wb.sheets, '15.800').length).toBeGreaterThan(0);
    expect(findInPlan(wb.sheets, '15800')).toEqual(findInPlan(wb.sheets, '15.800'));
    const hits = findInPlan(wb.sheets, 'sở');
    const order = wb.sheets.map((x) => x.id);
    const first = nextHit(hits, null, order)!;
    const second = nextHit(hits, first, order)!;
    expect(second.rowIndex).toBeGreaterThanOrEqual(first.rowIndex);
    expect(nextHit(hits, second, order, true)).toEqual(first);
  });

  it('a filter by unit keeps the unit’s projects, the sections above them and every total row', () => {
    const wb = sample();
    const s = wb.sheets[0];
    const unit = String(s.rows.find((r) => r.kind === 'project')!.cells.lead);
    const shown = filterRows(s, { units: [unit.toUpperCase()] })!;
    const rows = s.rows.filter((r) => shown.has(r.id));
    expect(rows.filter((r) => r.kind === 'project').every((r) => r.cells.lead === unit)).toBe(true);
    expect(rows.filter((r) => r.kind === 'total')).toHaveLength(3);
    expect(rows.some((r) => r.kind === 'section')).toBe(true);
    expect(filterRows(s, {})).toBeNull();
  });
});

describe('find over a large plan', () => {
  it('walks every hit of a row in turn, wraps, and finds an off-screen project of 2,000', async () => {
    const { generatePlan } = await import('./generate');
    const wb = generatePlan({ projects: 2000 });
    const s = wb.sheets[0];
    const far = s.rows.filter((r) => r.kind === 'project').at(-5)!;
    const name = String(far.cells.name);
    const hits = findInPlan(wb.sheets, name);
    expect(hits.some((h) => h.rowId === far.id && h.colId === 'name')).toBe(true);
    const order = wb.sheets.map((x) => x.id);
    // two hits in one row: next goes from the first to the second and on, never back and forth
    const two = [
      { sheetId: s.id, rowIndex: 3, rowId: 'a', colId: 'name' },
      { sheetId: s.id, rowIndex: 3, rowId: 'a', colId: 'remark' },
      { sheetId: s.id, rowIndex: 9, rowId: 'b', colId: 'name' },
    ];
    expect(nextHit(two, two[0], order)).toBe(two[1]);
    expect(nextHit(two, two[1], order)).toBe(two[2]);
    expect(nextHit(two, two[2], order)).toBe(two[0]);
    expect(nextHit(two, two[0], order, true)).toBe(two[2]);
  });
});
