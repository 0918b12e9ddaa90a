/** The import preview's summary says the total it computed, the column it totals, or why none. */
import { describe, expect, it } from 'vitest';
import { translator } from './i18n';
import { previewSummary } from './previewTotalText';

const counts = { sections: 2, projects: 9, totals: 1 };
const vi = translator('vi');

describe('previewSummary', () => {
  it('names the column it totals when that is not the row total of the amounts', () => {
    const s = previewSummary(
      counts,
      { total: 492_500_000, column: 'TỔNG THU NSNN\nTRÊN ĐỊA BÀN', bySource: {} },
      vi,
      'vi',
    );
    expect(s).toBe(
      '2 mục, 9 dự án, 1 dòng tổng; tổng cộng tính được 492.500.000 (cột «TỔNG THU NSNN TRÊN ĐỊA BÀN»)',
    );
  });

  it('says in Vietnamese why a table has no computed total, never 0', () => {
    const none = (t: Parameters<typeof previewSummary>[1]) => previewSummary(counts, t, vi, 'vi');
    expect(none({ total: null, none: 'noColumn', bySource: {} })).toContain(
      'bảng không có cột số tiền nào cộng được',
    );
    expect(none({ total: null, none: 'balance', bySource: {} })).toContain('bảng cân đối thu, chi');
    const b = none({ total: null, none: 'breakdown', stated: 1_390_480, bySource: {} });
    expect(b).toContain('«trong đó»');
    expect(b).toContain('1.390.480');
    for (const s of [b, none({ total: null, none: 'balance', bySource: {} })])
      expect(s).not.toMatch(/tính được 0\b/);
  });

  it('keeps the row total’s figure alone, and «đang tính…» while computing', () => {
    expect(previewSummary(counts, { total: 1234.5, bySource: {} }, vi, 'vi')).toMatch(
      /tổng cộng tính được 1\.234,5$/,
    );
    expect(previewSummary(counts, null, vi, 'vi')).toContain(vi('importComputing'));
  });
});
