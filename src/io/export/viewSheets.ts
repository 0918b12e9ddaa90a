/**
 * The unit and year views as sheets of the submission workbook, their figures formulas over the
 * exported appendix sheet (SUMIFS by lead unit; references to its computed total row), each with the
 * value Planbook computed.
 */
import { columnLetter } from '../../domain/columns';
import { formLeaves } from '../../domain/totals';
import type { AppendixSheet } from '../../domain/types';
import type { AppendixLayout } from './appendixLayout';

/**
 * The grand total of export column c of an appendix, as a reference: its computed total row, or
 * (when the plan has total rows of its own, which may merge a year's sources) the sum of its
 * top-level rows.
 */
function grandOf(l: AppendixLayout, S: string): (c: number) => string {
  if (l.totalRows.length) {
    const r = l.totalRows[l.totalRows.length - 1] + 1;
    return (c) => `${S}${columnLetter(c)}${r}`;
  }
  const top = l.topRows ?? [];
  return (c) =>
    top.length ? `SUM(${top.map((r) => `${S}${columnLetter(c)}${r}`).join(',')})` : '0';
}
import { type Cell, head, heading } from './sheetCells';

/** What the views show, as the app computed it (amounts in the appendix's amount-column order). */
export interface ViewsExport {
  sheet: AppendixSheet;
  /** The appendix's name in the exported file. */
  sheetName: string;
  layout: AppendixLayout;
  units: { name: string; exact: string[]; count: number; amounts: number[]; total: number }[];
  years: {
    year: number;
    bySource: {
      amount: number;
      share: number;
      cumulative: number;
      ceiling: number | null;
      gap: number | null;
    }[];
    all: { amount: number; share: number; cumulative: number };
  }[];
  sources: string[];
}

export interface ViewSheet {
  data: Cell[][];
  cached: Map<string, number | string>;
  widths: number[];
}

const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;
/** A criterion that matches exactly this text (no wildcard, no operator). */
const exact = (s: string) => `"=${s.replace(/[~*?]/g, '~$&').replace(/"/g, '""')}"`;

/** A formula cell writer that records each cell's computed value (by A1 address) in `cached`. */
function formulaCell(cached: Map<string, number | string>, base: Record<string, unknown>) {
  return (r: number, c: number, formula: string, value: number | string, style = base): Cell => {
    cached.set(`${columnLetter(c)}${r + 1}`, value);
    return { type: 'Formula', value: formula, ...style };
  };
}

/** The sheet's heading, the plan's title and the unit line. */
function titleBlock(
  heading_: string,
  title: string,
  unit: string,
  width: number,
  lang: 'vi' | 'en',
): Cell[][] {
  return [
    heading(heading_, width, { fontWeight: 'bold', fontSize: 14 }),
    heading(title, width, { fontStyle: 'italic' }),
    heading(`${lang === 'vi' ? 'ĐVT' : 'Unit'}: ${unit}`, width, {
      align: 'right',
      fontStyle: 'italic',
    }),
  ];
}

/** The unit view sheet. */
export function unitSheet(
  v: ViewsExport,
  title: string,
  unit: string,
  lang: 'vi' | 'en',
): ViewSheet {
  const ls = formLeaves(v.sheet.columns);
  const amount = ls.flatMap((l, i) => (l.role === 'amount' ? [{ l, i }] : []));
  const lead = ls.findIndex((l) => l.role === 'lead');
  const first = v.layout.firstRow + 1;
  const last = v.layout.firstRow + v.sheet.rows.length;
  const S = `${quote(v.sheetName)}!`;
  const range = (c: number) => `${S}$${columnLetter(c)}$${first}:$${columnLetter(c)}$${last}`;
  const grand = grandOf(v.layout, S);
  const width = 3 + amount.length + 1;
  const cached = new Map<string, number | string>();
  const num = { format: '#,##0', borderStyle: 'thin' };
  const f = formulaCell(cached, num);
  const data: Cell[][] = titleBlock(
    lang === 'vi' ? 'TỔNG HỢP THEO ĐƠN VỊ THỰC HIỆN' : 'BY LEAD UNIT',
    title,
    unit,
    width,
    lang,
  );
  const h1: Cell[] = [
    head('STT', { rowSpan: 2 }),
    head(lang === 'vi' ? 'Đơn vị thực hiện' : 'Lead unit', { rowSpan: 2 }),
    head(lang === 'vi' ? 'Số dự án' : 'Projects', { rowSpan: 2 }),
  ];
  const h2: Cell[] = [null, null, null];
  let c = 0;
  while (c < amount.length) {
    const y = amount[c].l.year;
    let n = 1;
    while (c + n < amount.length && amount[c + n].l.year === y) n++;
    h1.push(
      head(y ? String(y) : '', n > 1 ? { columnSpan: n } : {}),
      ...Array<Cell>(n - 1).fill(null),
    );
    for (let k = 0; k < n; k++) h2.push(head(amount[c + k].l.label));
    c += n;
  }
  h1.push(head(lang === 'vi' ? 'Tổng cộng' : 'Total', { rowSpan: 2 }));
  h2.push(null);
  data.push(h1, h2);
  const top = data.length;
  v.units.forEach((u, k) => {
    const r = data.length;
    const row: Cell[] = [
      { value: k + 1, type: Number, borderStyle: 'thin', align: 'center' },
      {
        value: u.name || (lang === 'vi' ? '(Chưa ghi đơn vị)' : '(No unit)'),
        type: String,
        borderStyle: 'thin',
      },
    ];
    const sum = (col: number) =>
      u.exact.map((s) => `SUMIFS(${range(col)},${range(lead)},${exact(s)})`).join('+');
    // a criterion is a formula string literal: Excel takes at most 255 characters, no control ones
    // eslint-disable-next-line no-control-regex -- control characters cannot stand in a formula
    const criteriaOk = u.exact.every((s) => s.length <= 250 && !/[\u0000-\u001F]/.test(s));
    if (u.exact.length && lead >= 0 && criteriaOk) {
      row.push(
        f(r, 2, u.exact.map((s) => `COUNTIFS(${range(lead)},${exact(s)})`).join('+'), u.count, {
          borderStyle: 'thin',
          align: 'center',
        }),
      );
      amount.forEach(({ i }, j) => row.push(f(r, 3 + j, sum(i), u.amounts[j])));
    } else if (u.exact.length) {
      // a unit whose name cannot be a criterion: its figures as computed
      row.push({ value: u.count, type: Number, borderStyle: 'thin', align: 'center' });
      amount.forEach((_, j) => row.push({ value: u.amounts[j], type: Number, ...num }));
    } else {
      // projects without a unit: the plan's total less every named unit's
      row.push({ value: u.count, type: Number, borderStyle: 'thin', align: 'center' });
      amount.forEach(({ i }, j) => {
        const col = columnLetter(3 + j);
        const others = v.units.length > 1 ? `-SUM(${col}${top + 1}:${col}${r})` : '';
        row.push(f(r, 3 + j, `${grand(i)}${others}`, u.amounts[j]));
      });
    }
    row.push(
      f(
        r,
        width - 1,
        `SUM(${columnLetter(3)}${r + 1}:${columnLetter(width - 2)}${r + 1})`,
        u.total,
      ),
    );
    data.push(row);
  });
  const r = data.length;
  const total: Cell[] = [
    { value: null, borderStyle: 'thin' },
    {
      value: lang === 'vi' ? 'TỔNG CỘNG' : 'TOTAL',
      type: String,
      fontWeight: 'bold',
      borderStyle: 'thin',
    },
  ];
  for (let col = 2; col < width; col++) {
    const L = columnLetter(col);
    const value = v.units.reduce(
      (a, u) => a + (col === 2 ? u.count : col === width - 1 ? u.total : u.amounts[col - 3]),
      0,
    );
    total.push(f(r, col, `SUM(${L}${top + 1}:${L}${r})`, value, { ...num, fontWeight: 'bold' }));
  }
  data.push(total);
  return { data, cached, widths: [6, 36, 10, ...amount.map(() => 13), 15] };
}

/** The year view sheet (ceilings as the user entered them). */
export function yearSheet(
  v: ViewsExport,
  title: string,
  unit: string,
  lang: 'vi' | 'en',
): ViewSheet {
  const ls = formLeaves(v.sheet.columns);
  const S = `${quote(v.sheetName)}!`;
  const grand = grandOf(v.layout, S);
  const W = 5;
  const width = 1 + v.sources.length * W + 3;
  const cached = new Map<string, number | string>();
  const num = { format: '#,##0', borderStyle: 'thin' };
  const pct = { format: '0.0%', borderStyle: 'thin' };
  const f = formulaCell(cached, num);
  const labels =
    lang === 'vi'
      ? ['Kế hoạch', 'Tỷ trọng', 'Lũy kế', 'Trần vốn', 'Chênh lệch']
      : ['Planned', 'Share', 'Cumulative', 'Ceiling', 'Gap'];
  const data: Cell[][] = titleBlock(
    lang === 'vi' ? 'TỔNG HỢP THEO NĂM' : 'BY YEAR',
    title,
    unit,
    width,
    lang,
  );
  const h1: Cell[] = [head(lang === 'vi' ? 'Năm' : 'Year', { rowSpan: 2 })];
  const h2: Cell[] = [null];
  for (const s of v.sources) {
    h1.push(head(`Vốn ${s}`, { columnSpan: W }), ...Array<Cell>(W - 1).fill(null));
    h2.push(...labels.map((x) => head(x)));
  }
  h1.push(head(lang === 'vi' ? 'Tổng cộng' : 'Total', { columnSpan: 3 }), null, null);
  h2.push(...labels.slice(0, 3).map((x) => head(x)));
  data.push(h1, h2);
  const top = data.length;
  const bottom = top + v.years.length; // 1-based row of the last year
  // a year's total: the appendix's computed totals of every amount column of that year
  const yearTotal = (year: number) => {
    const cols = ls.flatMap((l, i) => (l.role === 'amount' && l.year === year ? [i] : []));
    return cols.length ? `SUM(${cols.map((i) => grand(i)).join(',')})` : '0';
  };
  v.years.forEach((y) => {
    const r = data.length;
    const row: Cell[] = [{ value: y.year, type: Number, borderStyle: 'thin', align: 'center' }];
    const cell = (c: number, rr = r) => `${columnLetter(c)}${rr + 1}`;
    v.sources.forEach((s, j) => {
      const a = 1 + j * W;
      const leaf = ls.findIndex((l) => l.role === 'amount' && l.year === y.year && l.source === s);
      const x = y.bySource[j];
      const col = columnLetter(a);
      row.push(
        leaf >= 0 ? f(r, a, grand(leaf), x.amount) : { value: 0, type: Number, ...num },
        f(
          r,
          a + 1,
          `IF(SUM(${col}${top + 1}:${col}${bottom})=0,0,${cell(a)}/SUM(${col}${top + 1}:${col}${bottom}))`,
          x.share,
          pct,
        ),
        f(r, a + 2, `SUM(${col}${top + 1}:${cell(a)})`, x.cumulative),
        x.ceiling === null
          ? { value: null, borderStyle: 'thin' }
          : { value: x.ceiling, type: Number, ...num },
        f(r, a + 4, `IF(ISBLANK(${cell(a + 3)}),"",${cell(a + 3)}-${cell(a)})`, x.gap ?? '', num),
      );
    });
    const t = 1 + v.sources.length * W;
    const tc = columnLetter(t);
    row.push(
      f(r, t, yearTotal(y.year), y.all.amount),
      f(
        r,
        t + 1,
        `IF(SUM(${tc}${top + 1}:${tc}${bottom})=0,0,${cell(t)}/SUM(${tc}${top + 1}:${tc}${bottom}))`,
        y.all.share,
        pct,
      ),
      f(r, t + 2, `SUM(${tc}${top + 1}:${cell(t)})`, y.all.cumulative),
    );
    data.push(row);
  });
  return { data, cached, widths: [8, ...v.sources.flatMap(() => [13, 9, 13, 13, 13]), 14, 9, 14] };
}
