/** The adjustment table's title block in strips: over the first strip, a long title wrapped whole. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AdjustmentTable, Quad } from '../../domain/adjustment';
import { exportAdjustmentXlsx } from './adjustmentXlsx';

/** A table of `years` years × `sources` and two projects, every figure the same. */
function table(years: number, sources = ['ĐTPT', 'SN']): AdjustmentTable {
  const columns = Array.from({ length: years }, (_, y) =>
    sources.map((source) => ({
      key: `${2021 + y}-${source}`,
      year: 2021 + y,
      source,
      label: `${2021 + y} – ${source}`,
    })),
  ).flat();
  const quads = (): Quad[] => [...columns, null].map((): Quad => [1000, 200, 100, 1100]);
  return {
    columns,
    rows: ['Dự án A', 'Dự án B'].map((name, i) => ({
      kind: 'project' as const,
      level: 0,
      number: String(i + 1),
      name,
      lead: 'Sở TT và TT',
      status: 'same' as const,
      values: quads(),
    })),
    total: quads(),
    violations: [],
  };
}

const sheetOf = async (years: number, title: string, sources?: string[]) => {
  const out = await exportAdjustmentXlsx({
    table: table(years, sources),
    title,
    before: 'Đã giao',
    after: 'Điều chỉnh',
    unit: 'triệu đồng',
  });
  return strFromU8(unzipSync(out.bytes)['xl/worksheets/sheet1.xml']);
};
const height = (sheet: string, row: number) =>
  Number(new RegExp(`<row r="${row}"[^>]* ht="([\\d.]+)"`).exec(sheet)![1]);

describe('the adjustment table title block', () => {
  it('spans the whole table one page wide, the first strip (TT … the first year) in strips', async () => {
    // one year of one source and the total: 11 columns, one page wide at ~89 %
    const one = await sheetOf(1, 'Kế hoạch', ['ĐTPT']);
    expect(one).not.toContain('colBreaks');
    expect(one).toContain('<mergeCell ref="A1:K1"/>');
    // one year of two sources: 15 columns, one page wide only at ~69 %: 2021 | total
    const two = await sheetOf(1, 'Kế hoạch');
    expect(two).toContain('<colBreaks count="1"');
    expect(two).toContain('<mergeCell ref="A1:K1"/>');
    expect(two).not.toContain('<mergeCell ref="A1:O1"/>');
    const strips = await sheetOf(5, 'Kế hoạch');
    expect(strips).toContain('<colBreaks count="4"');
    expect(strips).toContain('<mergeCell ref="A1:K1"/>');
    expect(strips).toContain('<mergeCell ref="A2:K2"/>');
  });

  it('wraps a title longer than the first strip in a row tall enough for its lines', async () => {
    const long = Array<string>(12)
      .fill('Kế hoạch đầu tư công trung hạn giai đoạn 2021–2025')
      .join(' ');
    const short = await sheetOf(5, 'Kế hoạch');
    const wrapped = await sheetOf(5, long);
    // ~600 letters of 12 pt bold over the ~875 points of TT, name, lead and one year: 5 lines
    expect(height(wrapped, 2)).toBeGreaterThanOrEqual(3 * height(short, 2));
  });
});
