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
  imp_timeout: 'đọc tệp quá lâu (quá 60 giây) nên đã dừng; tệp có thể bị hỏng.',
  imp_planbook: 'tệp .planbook bị hỏng hoặc sai cấu trúc (chi tiết: {detail}).',
  imp_notSpreadsheet: 'nội dung tệp không phải bảng tính như phần mở rộng của tên tệp cho biết.',
  imp_passwordProtected: 'tệp được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi nhập lại.',
  imp_unreadable: 'tệp bảng tính bị hỏng hoặc không đọc được (chi tiết: {detail}).',
  imp_notText: 'tệp không phải văn bản hay bảng tính.',
  imp_empty: 'tệp không có bảng nào (mọi trang đều trống).',
  imp_unexpected: 'lỗi không lường trước khi đọc tệp (chi tiết: {detail}). Không có gì được lưu.',
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
  imp_timeout: 'reading took too long (over 60 seconds) and was stopped; the file may be damaged.',
  imp_planbook: 'the .planbook file is damaged or malformed ({detail}).',
  imp_notSpreadsheet: 'the content is not the spreadsheet its extension says.',
  imp_passwordProtected:
    'the file is password-protected; open it in Excel, remove the password and import it again.',
  imp_unreadable: 'the spreadsheet is damaged or cannot be read ({detail}).',
  imp_notText: 'the file is neither text nor a spreadsheet.',
  imp_empty: 'the file holds no table (every sheet is empty).',
  imp_unexpected: 'unexpected error while reading ({detail}). Nothing was stored.',
};
