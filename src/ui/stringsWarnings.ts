/**
 * UI strings that had none, found when the keys built from a code (`w_<code>`,
 * `intakeProblem_<problem>`) were typed instead of cast: `t` now checks that every code has one.
 */
export const viWarnings = {
  w_footnoteMarker:
    'Dòng {row}: dấu chú thích ở cột số liệu được giữ làm ghi chú, không tính là số liệu.',
  w_hiddenRow: 'Dòng {row}: dòng bị ẩn, không đọc vào bảng.',
  w_foldedRow:
    'Dòng {row}: dòng bị ẩn do thu gọn nhóm hoặc do bộ lọc, vẫn đọc vào bảng (các dòng tổng tính cả dòng này).',
  w_formulaNoValue:
    'Dòng {row}: {detail} ô là công thức được lưu không kèm giá trị; đã đọc theo kết quả công thức, không coi là số liệu ghi sẵn.',
  w_formulaNotComputed:
    'Dòng {row}: {detail} ô là công thức được lưu không kèm giá trị mà chương trình không tính được (hàm khác, liên kết tới tệp hoặc trang tính khác); để trống, không dùng để kiểm tra.',
  w_belowTable: 'Dòng {row}: phần ghi chú dưới bảng (từ dòng này), giữ làm chữ của trang tính.',
  w_nextTable:
    'Dòng {row}: một bảng khác bắt đầu từ đây (tiêu đề và hàng tiêu đề cột riêng); các dòng từ đây không thuộc bảng trên, được đọc thành trang “{detail}”.',
  w_movedFigure: 'Dòng {row}: số liệu trên dòng không có tên, đã gộp vào dòng trên.',
  w_strayZeros: 'Dòng {row}: dòng chỉ có số 0 và không có tên, không đọc thành một dòng của bảng.',
  importAppendices:
    'Tệp có {count} phụ lục ({names}), tất cả sẽ được nhập; bản xem trước dưới đây là của {first}.',
  intakeProblem_wrongUnit: 'Máy chủ từ chối: hồ sơ ghi một đơn vị khác với đơn vị gửi ({detail}).',
};

export const enWarnings: Record<keyof typeof viWarnings, string> = {
  w_footnoteMarker:
    'Line {row}: a footnote marker in a figure column was kept as a note, not a figure.',
  w_hiddenRow: 'Line {row}: a hidden row, not read as part of the table.',
  w_foldedRow:
    'Line {row}: a row hidden by a collapsed group or a filter, read as part of the table (the totals count it).',
  w_formulaNoValue:
    'Line {row}: {detail} cell(s) are formulas saved without their values; read as the formulas compute them, not as stated figures.',
  w_formulaNotComputed:
    'Line {row}: {detail} cell(s) are formulas saved without their values that cannot be computed here (another function, a link to another file or sheet); left empty, not used by the checks.',
  w_belowTable: "Line {row}: notes below the table from here on, kept as the sheet's text.",
  w_nextTable:
    'Line {row}: another table starts here (its own title and header); its lines are not rows of the table above, read as sheet “{detail}”.',
  w_movedFigure: 'Line {row}: figures on a row without a label were joined to the row above.',
  w_strayZeros: 'Line {row}: only zeros on a row without a label; not read as a table row.',
  importAppendices:
    'The file holds {count} appendices ({names}), all of which are imported; the preview below is of {first}.',
  intakeProblem_wrongUnit:
    'The server refused: the file states another unit than the one sending it ({detail}).',
};
