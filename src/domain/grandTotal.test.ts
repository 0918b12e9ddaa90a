/**
 * When Planbook adds a grand total: only where the table's top-level rows are parts of one whole,
 * never over revenue, expenditure and a balance (read from labels and structure, not figures).
 */
import { describe, expect, it } from 'vitest';
import { grandTotalMeaningful } from './grandTotal';
import { labelQuantity } from './quantityLabels';
import { makePlan, newWorkbookFromTemplate } from './template';
import { computedTotalRows, hasGrandTotal } from './totals';
import type { AppendixSheet } from './types';

type Spec = [kind: 'section' | 'project' | 'total', level: number, name: string, amount?: number];

/** A one-year, one-source plan sheet of these rows. */
function sheetOf(rows: Spec[]): AppendixSheet {
  return makePlan({
    years: [2024],
    sources: ['ĐTPT'],
    rows: rows.map(([kind, level, name, x]): [Spec[0], number, string, Record<string, number>] => [
      kind,
      level,
      name,
      x === undefined ? {} : { '2024:ĐTPT': x },
    ]),
  }).sheets[0];
}

describe('the quantity a label names', () => {
  it('reads revenue, expenditure and balances as budget tables write them', () => {
    const read = (labels: string[]) => labels.map(labelQuantity);
    expect(
      read([
        'TỔNG THU CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC',
        'Nguồn thu ngân sách Trung ương',
        'THU CHUYỂN NGUỒN NSTW NĂM 2011 SANG NĂM 2012',
        'Tổng số chi ngân sách trung ương',
        'A. Chi thường xuyên',
        'BỘI CHI NGÂN SÁCH NHÀ NƯỚC',
        'CÂN ĐỐI NSNN - BUDGET BALANCE',
        'NGUỒN BÙ ĐẮP BỘI CHI NSNN - DEFICIT FINANCING',
        'Vay bù đắp bội chi ngân sách nhà nước',
        'Chênh lệch thu – chi',
        'Kết dư ngân sách',
      ]),
    ).toEqual([
      'revenue',
      'revenue',
      'revenue',
      'expenditure',
      'expenditure',
      'balance',
      'balance',
      'balance',
      'balance',
      'balance',
      'balance',
    ]);
  });

  it('reads no flow in names that only look like one (tones kept, bodies and places)', () => {
    for (const l of [
      'Thư viện tỉnh',
      'Thú y',
      'Chỉ tiêu',
      'Chi cục Thuế tỉnh',
      'Chi nhánh Ngân hàng',
      'Thu gom, xử lý rác thải',
      'Chi Lăng',
      'Ngân sách trung ương',
      'Vay ngoài nước về cho vay lại',
      'Các khoản thu, chi quản lý qua ngân sách nhà nước',
      'Xây dựng trụ sở',
    ])
      expect({ l, q: labelQuantity(l) }).toEqual({ l, q: null });
  });
});

describe('a grand total over the top-level rows', () => {
  it('is not added to a small balance table (revenue, expenditure, deficit)', () => {
    const s = sheetOf([
      ['project', 0, 'Tổng thu ngân sách', 100],
      ['project', 0, 'Tổng chi ngân sách', 130],
      ['project', 0, 'Bội chi ngân sách', 30],
    ]);
    // before: ['ĐTPT', null], a pinned and exported 'Tổng cộng' of 260
    expect(computedTotalRows(s, ['ĐTPT'])).toEqual([]);
    expect(hasGrandTotal(s)).toBe(false);
  });

  it('is not added over revenue and expenditure sections, nor over budgets that are balances', () => {
    const flows = sheetOf([
      ['section', 0, 'Thu ngân sách'],
      ['project', 1, 'Thu nội địa', 80],
      ['project', 1, 'Thu viện trợ', 20],
      ['section', 0, 'Chi ngân sách'],
      ['project', 1, 'Chi đầu tư phát triển', 130],
    ]);
    expect(computedTotalRows(flows, [])).toEqual([]);
    // central and local budget, each its revenue, expenditure and borrowing (MoF's M02)
    const budgets = sheetOf([
      ['section', 0, 'NGÂN SÁCH TRUNG ƯƠNG'],
      ['project', 1, 'Nguồn thu ngân sách Trung ương', 50],
      ['project', 1, 'Chi ngân sách Trung ương', 70],
      ['project', 1, 'Vay bù đắp bội chi ngân sách nhà nước', 20],
      ['section', 0, 'NGÂN SÁCH ĐỊA PHƯƠNG'],
      ['project', 1, 'Nguồn thu ngân sách địa phương', 40],
      ['project', 1, 'Chi ngân sách địa phương', 40],
    ]);
    expect(computedTotalRows(budgets, [])).toEqual([]);
  });

  it('is added over the parts of one whole: projects, sectors, regions, expenditure blocks', () => {
    const capital = sheetOf([
      ['section', 0, 'Hạ tầng kỹ thuật'],
      ['project', 1, 'Thư viện điện tử tỉnh', 100],
      ['project', 1, 'Chi cục Thuế: mạng LAN', 50],
      ['section', 0, 'Ứng dụng CNTT'],
      ['project', 1, 'Thu gom dữ liệu hộ tịch', 70],
    ]);
    expect(computedTotalRows(capital, ['ĐTPT'])).toEqual(['ĐTPT', null]);
    const spending = sheetOf([
      ['section', 0, 'Chi theo dự toán Quốc hội'],
      ['project', 1, 'Chi đầu tư phát triển', 100],
      ['project', 0, 'Vay ngoài nước về cho vay lại', 20],
    ]);
    expect(grandTotalMeaningful(spending.rows)).toBe(true);
  });

  it('keeps the totals of the plans Planbook makes', () => {
    const fresh = newWorkbookFromTemplate({ firstYear: 2026, years: 2, sources: ['ĐTPT', 'SN'] })
      .sheets[0];
    expect(computedTotalRows(fresh, ['ĐTPT', 'SN'])).toEqual(['ĐTPT', 'SN', null]);
  });

  it('leaves a plan with its own total rows to them, whatever its top rows', () => {
    const s = sheetOf([
      ['total', 0, 'Tổng số', 230],
      ['project', 0, 'Tổng thu ngân sách', 100],
      ['project', 0, 'Tổng chi ngân sách', 130],
    ]);
    expect(computedTotalRows(s, [])).toEqual([]);
    expect(hasGrandTotal(s)).toBe(true);
  });
});
