/**
 * The execution report's sheets beside the form: by investor (SUMIF over the form's line rows) and
 * by period (cumulative disbursement against the target curve), formulas with their values.
 */
import type { ExecutionForm } from '../../domain/executionForm';
import { periodLabel } from '../../domain/executionPeriods';
import { viDate } from '../../domain/executionText';
import { clean } from '../../domain/numbers';
import { colName } from './appendixSheet';
import { figureFormat } from './cellFormat';
import { type Cell, head, heading } from './sheetCells';

/**
 * A figure's look: `#,##0.##` (a thousandth `#,##0.###`, a whole figure `#,##0`), as the views
 * show it (cellFormat.ts `figureFormat`).
 */
export const num = (value: unknown) => ({
  format: figureFormat('#,##0.##', value),
  borderStyle: 'thin' as const,
});
export const pctFmt = { format: '0.00%', borderStyle: 'thin' };

type Formulas = Map<string, number | string>;

/** A ratio's value as a formula `IF(b=0,"",a/b)` computes it. */
export const ratio = (a: number, b: number) => (Math.abs(b) > 1e-12 ? clean(a / b) : '');

/** The unit sheet: SUMIF over the form's line rows by investor, rates as formulas. */
export function unitSheet(
  f: ExecutionForm,
  formName: string,
  first: number,
  lang: 'vi' | 'en',
  formulas: Formulas,
) {
  const vi = lang === 'vi';
  const last = first + f.rows.length;
  const q = `'${formName.replace(/'/g, "''")}'`;
  const range = (c: string) => `${q}!$${c}$${first + 1}:$${c}$${last}`;
  const rows: Cell[][] = [
    heading(
      vi ? `GIẢI NGÂN THEO CHỦ ĐẦU TƯ NĂM ${f.year}` : `DISBURSEMENT BY INVESTOR ${f.year}`,
      9,
      { fontWeight: 'bold' },
    ),
    [
      head('TT'),
      head(vi ? 'Chủ đầu tư' : 'Investor'),
      head(vi ? 'Số dự án' : 'Projects'),
      head(vi ? `Kế hoạch vốn năm ${f.year}` : `Plan ${f.year}`),
      head(vi ? `Giải ngân KH năm ${f.year}` : 'Disbursed'),
      head(vi ? 'Tỷ lệ (%)' : 'Rate (%)'),
      head(vi ? `KH năm ${f.year - 1} kéo dài` : 'Carried over'),
      head(vi ? 'Giải ngân vốn kéo dài' : 'Disbursed (carried over)'),
      head(vi ? 'Số dự án chậm' : 'Behind'),
    ],
  ];
  const lines = f.rows.filter((r) => r.kind === 'line');
  f.units.forEach((u, i) => {
    const r = rows.length + 1;
    const own = lines.filter((l) => l.unit === u.label);
    const sum = (k: 'plan' | 'ytdPlan' | 'carry' | 'ytdCarry') =>
      clean(own.reduce((a, l) => a + l.values[k], 0));
    const crit = `B${r}`;
    const cell = (c: number, fx: string, value: number | string, pct = false): Cell => {
      formulas.set(`${colName(c)}${r}`, value);
      return { type: 'Formula', value: fx, ...(pct ? pctFmt : num(value)) };
    };
    rows.push([
      { value: i + 1, type: Number, borderStyle: 'thin', align: 'center' },
      { value: u.label || '—', type: String, borderStyle: 'thin', wrap: true },
      { value: u.projects, type: Number, ...num(u.projects) },
      cell(3, `SUMIF(${range('D')},${crit},${range('H')})`, sum('plan')),
      cell(4, `SUMIF(${range('D')},${crit},${range('K')})`, sum('ytdPlan')),
      cell(5, `IF(D${r}=0,"",E${r}/D${r})`, ratio(sum('ytdPlan'), sum('plan')), true),
      cell(6, `SUMIF(${range('D')},${crit},${range('G')})`, sum('carry')),
      cell(7, `SUMIF(${range('D')},${crit},${range('J')})`, sum('ytdCarry')),
      { value: u.behind, type: Number, ...num(u.behind) },
    ]);
  });
  return rows;
}

/** Column widths of the period sheet (characters). */
export const PERIOD_WIDTHS = [16, 14, 20, 18, 12, 12, 14];

/**
 * The period sheet: one row per period, named as the app names it (`Tháng 3/2024`, `Quý I/2024`)
 * beside its last day, its cumulative disbursement against the target curve.
 */
export function periodSheet(
  f: ExecutionForm,
  formName: string,
  first: number,
  lang: 'vi' | 'en',
  formulas: Formulas,
) {
  const vi = lang === 'vi';
  const q = `'${formName.replace(/'/g, "''")}'`;
  const rows: Cell[][] = [
    heading(
      vi ? `TIẾN ĐỘ GIẢI NGÂN THEO KỲ NĂM ${f.year}` : `DISBURSEMENT BY PERIOD ${f.year}`,
      PERIOD_WIDTHS.length,
      { fontWeight: 'bold' },
    ),
    [
      head(vi ? 'Kỳ báo cáo' : 'Period'),
      head(vi ? 'Đến ngày' : 'To'),
      head(vi ? `Giải ngân KH năm ${f.year} (lũy kế)` : 'Disbursed (cumulative)'),
      head(vi ? 'Giải ngân trong kỳ' : 'In the period'),
      head(vi ? 'Tỷ lệ (%)' : 'Rate (%)'),
      head(vi ? 'Mục tiêu (%)' : 'Target (%)'),
      head(vi ? 'Chênh lệch (%)' : 'Gap (%)'),
    ],
  ];
  const planRef = `${q}!$H$${first + 1}`;
  f.series.forEach((p, i) => {
    const r = rows.length + 1;
    const cell = (c: number, fx: string, value: number | string, pct = false): Cell => {
      formulas.set(`${colName(c)}${r}`, value);
      return { type: 'Formula', value: fx, ...(pct ? pctFmt : num(value)) };
    };
    rows.push([
      { value: periodLabel(p, lang), type: String, borderStyle: 'thin' },
      { value: viDate(p.end), type: String, borderStyle: 'thin', align: 'center' },
      { value: p.disbursed, type: Number, ...num(p.disbursed) },
      i === 0 ? cell(3, `C${r}`, p.disbursed) : cell(3, `C${r}-C${r - 1}`, p.inPeriod),
      cell(4, `IF(${planRef}=0,"",C${r}/${planRef})`, p.rate ?? '', true),
      p.target === null ? { value: null } : { value: p.target, type: Number, ...pctFmt },
      p.target === null || p.rate === null
        ? { value: null }
        : cell(6, `E${r}-F${r}`, clean(p.rate - p.target), true),
    ]);
  });
  return rows;
}
