/**
 * UI strings of the import warnings that had none (a warning's text is `w_<code>`; the type of
 * `t` now checks that every code has one), in both languages.
 */
export const viWarnings = {
  w_footnoteMarker:
    'Dòng {row}: dấu chú thích ở cột số liệu được giữ làm ghi chú, không tính là số liệu.',
  w_hiddenRow: 'Dòng {row}: dòng bị ẩn, không đọc vào bảng.',
  w_belowTable: 'Dòng {row}: phần ghi chú dưới bảng (từ dòng này), giữ làm chữ của trang tính.',
  w_movedFigure: 'Dòng {row}: số liệu trên dòng không có tên, đã gộp vào dòng trên.',
  w_strayZeros: 'Dòng {row}: dòng chỉ có số 0 và không có tên, không đọc thành một dòng của bảng.',
};

export const enWarnings: Record<keyof typeof viWarnings, string> = {
  w_footnoteMarker:
    'Line {row}: a footnote marker in a figure column was kept as a note, not a figure.',
  w_hiddenRow: 'Line {row}: a hidden row, not read as part of the table.',
  w_belowTable: "Line {row}: notes below the table from here on, kept as the sheet's text.",
  w_movedFigure: 'Line {row}: figures on a row without a label were joined to the row above.',
  w_strayZeros: 'Line {row}: only zeros on a row without a label; not read as a table row.',
};
