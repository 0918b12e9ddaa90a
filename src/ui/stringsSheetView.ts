/** UI strings of numbering and of how a sheet shows its figures (Vietnamese and English). */
export const viSheetView = {
  renumber: 'Đánh số lại',
  a_projectOutside: 'Dự án phải nằm trong một mục: không thể đưa ra cấp ngoài cùng.',
  displayUnit: 'Đơn vị hiển thị',
  displayUnitPlan: 'Theo kế hoạch ({unit})',
  displayDecimals: 'Số chữ số thập phân',
  displayWrap: 'Xuống dòng',
  displayNote:
    'Chỉ đổi cách hiển thị; số liệu giữ đơn vị của kế hoạch (khi xuất .xlsx có thể chọn xuất theo đơn vị hiển thị).',
  c_displayLabel: 'Đổi đơn vị hiển thị',
};

export const enSheetView: typeof viSheetView = {
  renumber: 'Renumber',
  a_projectOutside: 'A project stays inside a section: it cannot go to the top level.',
  displayUnit: 'Display unit',
  displayUnitPlan: 'As planned ({unit})',
  displayDecimals: 'Decimals',
  displayWrap: 'Wrap text',
  displayNote:
    'Only the display changes; figures keep the plan’s unit (the .xlsx export offers the display unit).',
  c_displayLabel: 'Change the display unit',
};
