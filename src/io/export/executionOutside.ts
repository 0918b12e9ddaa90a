/**
 * The execution report's sheet of report lines not in the plan (_Dòng báo cáo không có trong kế
 * hoạch_): each line with the figures its report states, in the tracking's unit, and their own
 * sum; apart from the form, whose totals never include them.
 */
import type { OutsideLine } from '../../domain/executionOutside';
import { clean } from '../../domain/numbers';
import { colName } from './appendixSheet';
import { num } from './executionSheets';
import { type Cell, head, heading } from './sheetCells';

type Formulas = Map<string, number | string>;

/** Column widths of the sheet. */
export const OUTSIDE_WIDTHS = [6, 30, 8, 44, 12, 28, 16, 16, 16, 24];

/** The sheet's name in the workbook. */
export const outsideSheetName = (lang: 'vi' | 'en') =>
  lang === 'vi' ? 'Ngoài kế hoạch' : 'Not in the plan';

/** The sheet's rows (row 4 the header, then one per line, then their sum as formulas). */
export function outsideSheet(
  lines: readonly OutsideLine[],
  unit: string,
  lang: 'vi' | 'en',
  formulas: Formulas,
): Cell[][] {
  const vi = lang === 'vi';
  const w = OUTSIDE_WIDTHS.length;
  const rows: Cell[][] = [
    heading(vi ? 'Dòng báo cáo không có trong kế hoạch' : 'Report lines not in the plan', w, {
      fontWeight: 'bold',
      fontSize: 14,
    }),
    heading(
      vi
        ? '(Các dòng của báo cáo không thuộc dự án nào của kế hoạch; số liệu không cộng vào số liệu của kế hoạch)'
        : "(Lines of the reports that are no project of the plan; their figures are not in the plan's totals)",
      w,
      { fontStyle: 'italic' },
    ),
    heading(`${vi ? 'Đơn vị' : 'Unit'}: ${unit}`, w, { fontStyle: 'italic', align: 'right' }),
    [
      head('TT'),
      head(vi ? 'Tệp báo cáo' : 'Report file'),
      head(vi ? 'Dòng' : 'Line'),
      head(vi ? 'Tên dự án (báo cáo ghi)' : 'Project (as reported)'),
      head(vi ? 'Mã dự án' : 'Code'),
      head(vi ? 'Chủ đầu tư' : 'Investor'),
      head(vi ? 'Kế hoạch vốn năm (báo cáo ghi)' : 'Year plan (reported)'),
      head(vi ? 'Giải ngân từ 01/01 đến hết kỳ' : 'Disbursed 01/01 to period end'),
      head(vi ? 'Giải ngân trong kỳ' : 'Disbursed in the period'),
      head(vi ? 'Tình trạng' : 'Status'),
    ],
  ];
  const text = (value: string, extra: Record<string, unknown> = {}): Cell => ({
    value: value || null,
    type: String,
    borderStyle: 'thin',
    ...extra,
  });
  const amount = (v: number | null): Cell =>
    v === null ? text('') : { value: v, type: Number, ...num(v) };
  const first = rows.length + 1;
  lines.forEach((l, i) =>
    rows.push([
      { value: i + 1, type: Number, borderStyle: 'thin', align: 'center' },
      text(l.file.split(/[\\/]/).pop() ?? l.file, { wrap: true }),
      { value: l.line, type: Number, borderStyle: 'thin', align: 'center' },
      text(l.name, { wrap: true }),
      text(l.code),
      text(l.lead, { wrap: true }),
      amount(l.plan),
      amount(l.ytd),
      amount(l.inPeriod),
      text(
        l.confirmed
          ? vi
            ? 'Đã xác nhận không có trong kế hoạch'
            : 'Marked as not in the plan'
          : vi
            ? 'Chưa ghép với dự án'
            : 'Not paired yet',
        { wrap: true },
      ),
    ]),
  );
  const r = rows.length + 1;
  const sum = (c: number, k: 'plan' | 'ytd' | 'inPeriod'): Cell => {
    const value = clean(lines.reduce((a, l) => a + (l[k] ?? 0), 0));
    formulas.set(`${colName(c)}${r}`, value);
    const range = `${colName(c)}${first}:${colName(c)}${r - 1}`;
    return { type: 'Formula', value: `SUM(${range})`, ...num(value), fontWeight: 'bold' };
  };
  rows.push([
    text(''),
    text(vi ? 'Cộng' : 'Sum', { fontWeight: 'bold', columnSpan: 5 }),
    null,
    null,
    null,
    null,
    sum(6, 'plan'),
    sum(7, 'ytd'),
    sum(8, 'inPeriod'),
    text(''),
  ]);
  return rows;
}
