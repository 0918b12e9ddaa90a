/**
 * Find reads figures as the sheet shows them: a section's or a total's sum (only computed, never
 * typed) and a figure in the sheet's display unit (`15,8` tỷ đồng for a typed 15800 triệu đồng).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findInPlan } from './find';
import type { Workbook } from './types';

const sample = (): Workbook =>
  JSON.parse(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8')).workbook;

describe('find over computed and shown figures', () => {
  it('finds a section’s computed sum through the value given, not a project’s cell', () => {
    const wb = sample();
    const s = wb.sheets[0];
    const section = s.rows.findIndex((r) => r.kind === 'section');
    const project = s.rows.findIndex((r) => r.kind === 'project');
    // a stub of the engine: 6500 in the section's 2011 cell, 777 in every project's cell
    const value = (_: string, i: number, c: string) =>
      i === section && c === 'y2011_dtpt' ? 6500 : i === project ? 777 : null;
    expect(findInPlan(wb.sheets, '6.500')).toEqual([]); // typed cells only
    const hits = findInPlan(wb.sheets, '6.500', { value });
    expect(hits.map((h) => [h.rowIndex, h.colId])).toEqual([[section, 'y2011_dtpt']]);
    expect(findInPlan(wb.sheets, '6500', { value })).toEqual(hits);
    expect(findInPlan(wb.sheets, '6,500', { value })).toEqual(hits);
    // a project's figures are its typed ones (no formula there): the stub is not read for them
    expect(findInPlan(wb.sheets, '777', { value })).toEqual([]);
  });

  it('a stated figure and the computed one of the same cell make one hit', () => {
    const wb = sample();
    const s = wb.sheets[0];
    const section = s.rows.findIndex((r) => r.kind === 'section');
    const stated = s.rows[section].cells.stated as number;
    const value = (_: string, i: number, c: string) =>
      i === section && c === 'stated' ? stated : null;
    const hits = findInPlan(wb.sheets, String(stated), { value });
    expect(hits.filter((h) => h.rowIndex === section)).toHaveLength(1);
  });

  it('finds a figure as the sheet shows it in another unit, and as typed', () => {
    const wb = sample();
    const s = wb.sheets[0];
    s.display = { unit: 'tỷ đồng' };
    const row = s.rows.findIndex((r) => r.cells.stated === 15800);
    const opts = { planUnit: wb.meta.unit };
    expect(findInPlan(wb.sheets, '15,8', opts).some((h) => h.rowIndex === row)).toBe(true);
    expect(findInPlan(wb.sheets, '15.800', opts).some((h) => h.rowIndex === row)).toBe(true);
    // 300 triệu đồng shows as 0,3 tỷ đồng (0.3 in English style)
    const small = s.rows.findIndex((r) => r.cells.stated === 300);
    expect(findInPlan(wb.sheets, '0,3', opts).some((h) => h.rowIndex === small)).toBe(true);
    expect(findInPlan(wb.sheets, '0.3', opts).some((h) => h.rowIndex === small)).toBe(true);
    // back in the plan's unit, the rows' forms are built again: 0,3 is no figure of the plan
    s.display = undefined;
    expect(findInPlan(wb.sheets, '0,3', opts).some((h) => h.rowIndex === small)).toBe(false);
  });

  it('finds a figure of the totals pinned below a plan without a Tổng cộng row, as shown', () => {
    const wb = sample();
    const s = wb.sheets[0];
    s.rows = s.rows.filter((r) => r.kind !== 'total');
    // a stub of the engine's totals: the grand total's 2011 (one figure merged over the year's
    // ĐTPT and SN columns, as the grid shows it) 123.456; ĐTPT's 2011 777; SN's 2011 123.456 too
    const value = (_: string, source: string | null, c: string) =>
      source === null
        ? c === 'y2011'
          ? 123456
          : null
        : c === 'y2011_dtpt' && source === 'ĐTPT'
          ? 777
          : c === 'y2011_sn' && source === 'SN'
            ? 123456
            : null;
    const totals = { sources: () => ['ĐTPT', 'SN'], value };
    const pinned = (q: string, o = {}) =>
      findInPlan(wb.sheets, q, { totals, planUnit: wb.meta.unit, ...o })
        .filter((h) => h.rowIndex >= s.rows.length)
        .map((h) => [h.rowIndex - s.rows.length, h.rowId, h.colId]);
    expect(findInPlan(wb.sheets, '123.456')).toEqual([]); // the rows alone: not found
    const both = [
      [1, 'pin:SN', 'y2011_sn'],
      [2, 'pin:all', 'y2011_dtpt'],
    ];
    expect(pinned('123.456')).toEqual(both);
    expect(pinned('123456')).toEqual(both);
    expect(pinned('777')).toEqual([[0, 'pin:ĐTPT', 'y2011_dtpt']]);
    // in tỷ đồng the grand total shows as 123,456
    s.display = { unit: 'tỷ đồng' };
    expect(pinned('123,456')).toEqual(both);
    // a plan with a Tổng cộng row of its own has no pinned totals (the row is found instead)
    const withTotal = sample();
    const t = withTotal.sheets[0];
    const hits = findInPlan(withTotal.sheets, '123.456', { totals });
    expect(hits.filter((h) => h.rowIndex >= t.rows.length)).toEqual([]);
  });

  it('finds a figure with more decimals than money shows as the grid shows it (2 decimals)', () => {
    const wb = sample();
    const s = wb.sheets[0];
    const row = s.rows.findIndex((r) => r.kind === 'project');
    s.rows[row].cells.y2013_dtpt = 54500 / 3;
    const at = (q: string) => findInPlan(wb.sheets, q).some((h) => h.rowIndex === row);
    expect(at('18.166,67')).toBe(true);
    expect(at('18,166.67')).toBe(true);
    expect(at('18.166,666667')).toBe(true); // as typed
  });
});
