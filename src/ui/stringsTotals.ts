/** UI strings of the stated-figures export choice and of a table without a grand total (Vietnamese and English). */
export const viTotals = {
  statedTitle: 'Số liệu ghi trên biểu khác số tính được',
  statedIntro:
    '{n} số liệu mà các mục và dòng tổng ghi trên biểu khác với tổng các dòng của chúng. Khi xuất Excel, ghi ô đó thế nào?',
  statedFormulas: 'Ghi công thức (số tính được)',
  statedFormulasHint:
    'Các ô này thành công thức cộng các dòng; sheet Kiểm tra liệt kê từng số ghi đã thay.',
  statedKeep: 'Giữ số ghi trên biểu',
  statedKeepHint:
    'Các ô này giữ số của kế hoạch; sheet Kiểm tra liệt kê từng số khác số tính được.',
  statedCancel: 'Hủy',
  statedMore: '… và {n} ô khác',
  statedLine: '{where}: ghi {stated}, tính được {computed}',
  summaryNoTotal:
    '{sections} mục, {projects} dự án, {totals} dòng tổng; không cộng tổng (các dòng trên cùng là thu, chi, cân đối: không cộng được)',
};

export const enTotals: Record<keyof typeof viTotals, string> = {
  statedTitle: 'Stated figures that differ from their rows',
  statedIntro:
    '{n} figures that sections and total rows state differ from what their rows add up to. How should the export write them?',
  statedFormulas: 'Write formulas (the computed figures)',
  statedFormulasHint:
    'These cells become formulas adding up their rows; the Checks sheet lists each stated figure replaced.',
  statedKeep: 'Keep the stated figures',
  statedKeepHint:
    'These cells keep the plan’s figures; the Checks sheet lists each one that differs.',
  statedCancel: 'Cancel',
  statedMore: '… and {n} more',
  statedLine: '{where}: stated {stated}, computed {computed}',
  summaryNoTotal:
    '{sections} sections, {projects} projects, {totals} total rows; no grand total (the top rows are revenue, expenditure, a balance: not added up)',
};

/** A string of this module in a language, with `{name}` placeholders filled. */
export function totalsText(
  lang: 'vi' | 'en',
  key: keyof typeof viTotals,
  vars: Record<string, string | number> = {},
): string {
  const s = (lang === 'vi' ? viTotals : enTotals)[key];
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
