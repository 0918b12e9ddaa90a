/** Strings of the export's unit choice (its dialog is mounted on its own root, outside i18n). */
export const viUnitExport = {
  u_title: 'Xuất theo đơn vị nào?',
  u_intro: 'Trang tính đang hiển thị số liệu theo {shown}; kế hoạch lưu theo {plan}.',
  u_plan: 'Theo đơn vị của kế hoạch ({plan})',
  u_shown: 'Theo đơn vị hiển thị ({shown})',
  u_shownHint: 'Số liệu được quy đổi, dòng ĐVT ghi {shown}; công thức vẫn tính được.',
  u_cancel: 'Huỷ',
  u_frozen: 'Đã xuất theo {shown}; {n} công thức tự nhập được ghi thành giá trị đã quy đổi.',
};

export const enUnitExport: typeof viUnitExport = {
  u_title: 'Export in which unit?',
  u_intro: 'The sheet shows figures in {shown}; the plan keeps them in {plan}.',
  u_plan: 'In the plan’s unit ({plan})',
  u_shown: 'In the display unit ({shown})',
  u_shownHint: 'Figures are converted and the unit line says {shown}; formulas stay live.',
  u_cancel: 'Cancel',
  u_frozen: 'Exported in {shown}; {n} typed formulas were written as converted values.',
};

/** A string of the unit choice in the language, with its `{name}` parts filled. */
export function unitExportText(
  lang: 'vi' | 'en',
  key: keyof typeof viUnitExport,
  vars: Record<string, string | number> = {},
): string {
  const s = (lang === 'vi' ? viUnitExport : enUnitExport)[key];
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
