/** The fixture pair (scripts/make-compare-fixtures.mts) yields exactly the scripted changes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanbook } from '../io/planbookFile';
import type { Workbook } from '../domain/types';
import { compareWorkbooks, sideOf } from './comparison';

const load = (f: string): Workbook => {
  const r = parsePlanbook(readFileSync(`fixtures/compare/${f}`, 'utf8'));
  if (!r.ok) throw new Error(f);
  return r.workbook;
};

describe('the comparison fixture pair', () => {
  const a = load('quang-tri-a.planbook');
  const b = load('quang-tri-b.planbook');
  const { comparison: c, table } = compareWorkbooks(sideOf('a', a), sideOf('b', b));
  const short = (s: unknown) => String(s).slice(0, 40);

  it('matches every project but the removed one, flags the renamed and the moved one', () => {
    expect(c.matched).toHaveLength(16);
    const renamed = c.matched.filter((m) => m.renamed);
    expect(renamed.map((m) => [m.a.row.id, m.by])).toEqual([['qt12', 'similar']]);
    expect(renamed[0].b.row.cells.name).toMatch(/mạng tin học diện rộng.*chỉ tiêu báo cáo/);
    expect(c.matched.filter((m) => m.moved).map((m) => [m.a.row.id, m.b.path])).toEqual([
      ['qt15', ['xay dung co so ha tang thong tin']],
    ]);
    expect(c.matched.filter((m) => m.ambiguous)).toEqual([]);
    expect(c.added.map((p) => p.row.cells.name)).toEqual([
      'Triển khai chữ ký số cho các cơ quan nhà nước',
    ]);
    expect(c.removed.map((p) => p.row.cells.name)).toEqual([
      'XD hệ thống quản lý đơn thư khiếu nại tố cáo của tỉnh',
    ]);
    expect(c.meta).toEqual([]);
  });

  it('lists exactly the two amount changes and the formula change', () => {
    expect(
      c.changes.map((d) => [
        short(d.match.b.row.cells.name),
        d.column.year,
        d.column.source,
        d.before,
        d.after,
        d.kind,
      ]),
    ).toEqual([
      ['Nâng cấp hạ tầng CNTT cho Trung tâm tích', 2013, 'ĐTPT', 1000, 1500, 'value'],
      ['Triển khai hệ thống quản lý Hồ sơ văn bả', 2012, 'SN', 1000, 800, 'value'],
      ['Tập huấn kỹ năng quản trị mạng (cho khoả', 2012, 'SN', '=J17*0.15', '=J16*0.2', 'formula'],
    ]);
  });

  it('adds up, and the adjustment table agrees', () => {
    // increase: 500 (data centre 2013) + 50 (training: 200 instead of 150) + 1,200 (digital
    // signatures); decrease: 200 (documents 2012) + 300 (complaints system removed)
    const { before, after, increase, decrease } = c.totals;
    expect([increase, decrease]).toEqual([1750, 500]);
    expect(after - before).toBeCloseTo(1250, 9);
    const all = table.total[table.columns.length];
    expect(all).toEqual([before, increase, decrease, after]);
    expect(table.violations).toEqual([]);
  });
});
