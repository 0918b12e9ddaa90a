/**
 * The header row of the check report (*Kiểm tra* / *Checks*), apart from the report's writer: the
 * reader recognises the report in an exported workbook without loading the export code.
 */

/** The report's column headers, by language. */
export const REPORT_HEADERS: Record<'vi' | 'en', string[]> = {
  vi: [
    'STT',
    'Quy tắc',
    'Mức',
    'Dòng',
    'Nội dung',
    'Phạm vi',
    'Số ghi',
    'Tính được',
    'Chênh lệch',
    'Giải thích',
  ],
  en: [
    'No.',
    'Rule',
    'Severity',
    'Row',
    'Label',
    'Scope',
    'Stated',
    'Computed',
    'Difference',
    'Explanation',
  ],
};
