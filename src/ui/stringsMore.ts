/** UI strings of the plain grid sheets (Vietnamese and English). */
export const viMore = {
  gridSheet: 'Trang tính thường',
  gridSheetNote:
    'Trang này được giữ nguyên như trong tệp (giá trị và công thức), chưa phải phụ lục kế hoạch. Đánh dấu các dòng tiêu đề để chuyển thành phụ lục.',
  markHeader: 'Dòng tiêu đề từ',
  markHeaderTo: 'đến',
  convertToAppendix: 'Chuyển thành phụ lục',
  convertFailed:
    'Không đọc được dòng {a}–{b} thành tiêu đề phụ lục: cần một cột tên dự án và ít nhất một cột số tiền.',
  converted: 'Đã chuyển «{name}» thành phụ lục: {n} dự án.',
  noAppendixYet:
    'Không trang nào được nhận là phụ lục. Các trang được giữ nguyên dạng bảng; có thể chuyển thành phụ lục sau khi mở sổ, hoặc đánh dấu dòng tiêu đề ngay tại đây.',
  plainSheets: 'Trang giữ nguyên dạng bảng',
};

export const enMore: Record<keyof typeof viMore, string> = {
  gridSheet: 'Plain sheet',
  gridSheetNote:
    'This sheet is kept as it was in the file (values and formulas); it is not a plan appendix yet. Mark its header rows to turn it into one.',
  markHeader: 'Header rows from',
  markHeaderTo: 'to',
  convertToAppendix: 'Turn into an appendix',
  convertFailed:
    'Rows {a}–{b} do not read as an appendix header: a project name column and at least one amount column are needed.',
  converted: '“{name}” is now an appendix: {n} projects.',
  noAppendixYet:
    'No sheet reads as an appendix. The sheets are kept as plain tables; you can turn one into an appendix after opening, or mark its header rows here.',
  plainSheets: 'Sheets kept as plain tables',
};
