/**
 * The adjustment table (*Biểu điều chỉnh*) as a styled `.xlsx` form: title block, a header of years
 * → sources → the four figures, a column-code row, projects with the figure after adjustment as the
 * formula assigned + increase − decrease, and section and grand totals as SUM formulas, every
 * formula with the value Planbook computed. Printed A4 landscape: one page wide when that stays
 * readable (title block and header rows on every page), else in strips of whole years at 70 % or
 * more (printStrips.ts; title block on the first page, header rows on every page), the TT and name
 * columns repeated on every page, names wrapped in rows tall enough to show them whole
 * (adjustmentPrint.ts).
 */
import type { Sheet } from 'write-excel-file/universal';
import type { AdjustmentTable, Quad } from '../../domain/adjustment';
import { formatAmount } from '../../domain/numbers';
import { cellFormat } from './cellFormat';
import { colName, withCachedValues } from './appendixSheet';
import { columnPoints, printSetup, printTitles, rowHeight, wrappedLines } from './adjustmentPrint';
import { planStrips, type StripPlan } from './printStrips';
import { type Cell, head, heading } from './sheetCells';
import { writeBook } from './writeBook';

/** What the adjustment export needs besides the table. */
export interface AdjustmentExportInput {
  table: AdjustmentTable;
  title: string;
  /** Labels of the two versions (before, after). */
  before: string;
  after: string;
  unit: string;
  lang?: 'vi' | 'en';
}

const MEASURES = {
  vi: ['Kế hoạch đã giao', 'Điều chỉnh tăng', 'Điều chỉnh giảm', 'Kế hoạch sau điều chỉnh'],
  en: ['Assigned', 'Increase', 'Decrease', 'After adjustment'],
};

const FIXED = 3; // TT, name, lead
const TITLE_ROWS = 4; // the title block above the header
/** Body and header text size, in points (the code row is smaller). */
const SIZE = 12;
const CODE_SIZE = 10;

/**
 * Sets each row's height to show its tallest cell whole: the wrapped lines of its texts in their
 * columns (spans included) at their size.
 */
function fitHeights(rows: Cell[][], widths: number[]): void {
  for (const row of rows) {
    let lines = 1;
    let size = SIZE;
    row.forEach((cell, c) => {
      if (!cell || cell.type !== String || typeof cell.value !== 'string') return;
      const span = Number(cell.columnSpan ?? 1);
      const width = widths.slice(c, c + span).reduce((t, w) => t + w, 0);
      const indent = Number(cell.indent ?? 0) * 9;
      const cellSize = Number(cell.fontSize ?? SIZE);
      const n = cell.wrap
        ? wrappedLines(
            cell.value,
            columnPoints(width) - indent,
            cellSize,
            cell.fontWeight === 'bold',
          )
        : 1;
      if (n * cellSize > lines * size) {
        lines = n;
        size = cellSize;
      }
    });
    const first = row.find((x) => x !== null);
    if (first) first.height = rowHeight(lines, size);
  }
}

/** Writes the adjustment table; resolves with the file's bytes and every formula's computed value. */
export async function exportAdjustmentXlsx(
  input: AdjustmentExportInput,
): Promise<{ bytes: Uint8Array; formulas: Map<string, number>; firstRow: number }> {
  const { table } = input;
  const lang = input.lang ?? 'vi';
  // a column one version lacks says whose it is (its other side is absent, not 0)
  const only = (c: AdjustmentTable['columns'][number]) => {
    const file = c.absent === 'a' ? input.after : input.before;
    return lang === 'vi' ? ` (chỉ «${file}» có cột này)` : ` (only “${file}” has this column)`;
  };
  const groups = [
    ...table.columns.map((c) => (c.absent ? c.label + only(c) : c.label)),
    lang === 'vi' ? 'Tổng cộng' : 'Total',
  ];
  const width = FIXED + groups.length * 4;
  // figures as wide as the longest one printed (at least a code like 47=44+45-46 in small type)
  const longest = Math.max(
    ...table.total.flat().map((v) => formatAmount(v, 'en').length),
    ...table.rows.flatMap((r) => r.values.flat().map((v) => formatAmount(v, 'en').length)),
  );
  const widths = [5, 38, 16, ...Array<number>(groups.length * 4).fill(Math.max(10, longest + 2))];
  const plan = stripPlan(table.columns, widths);
  // the title block is centred over the first page's columns only, a long title wrapped there
  const title = (value: string, extra: Record<string, unknown> = {}) =>
    heading(value, plan.breaks[0] ?? width, { wrap: true, ...extra });
  const rows: Cell[][] = [
    title(lang === 'vi' ? 'BIỂU ĐIỀU CHỈNH KẾ HOẠCH' : 'PLAN ADJUSTMENT TABLE', {
      fontWeight: 'bold',
      fontSize: 14,
    }),
    title(input.title, { fontWeight: 'bold' }),
    title(`${input.before} → ${input.after}`, { fontStyle: 'italic' }),
    title(`${lang === 'vi' ? 'ĐVT' : 'Unit'}: ${input.unit}`, {
      fontStyle: 'italic',
      align: 'right',
    }),
  ];
  const h1: Cell[] = [
    head('TT', { rowSpan: 2 }),
    head(lang === 'vi' ? 'Tên dự án' : 'Project', { rowSpan: 2 }),
    head(lang === 'vi' ? 'Đơn vị thực hiện' : 'Lead unit', { rowSpan: 2 }),
  ];
  const h2: Cell[] = [null, null, null]; // under the merged cells above
  for (const g of groups) {
    h1.push(head(g, { columnSpan: 4 }), null, null, null);
    h2.push(...MEASURES[lang].map((m) => head(m)));
  }
  const codes: Cell[] = [];
  for (let c = 0; c < width; c++) {
    const k = c + 1;
    const rule =
      c >= FIXED && (c - FIXED) % 4 === 3 ? `${k}=${k - 3}+${k - 2}-${k - 1}` : String(k);
    codes.push({
      value: rule,
      type: String,
      fontStyle: 'italic',
      fontSize: CODE_SIZE,
      align: 'center',
      alignVertical: 'center',
      borderStyle: 'thin',
      wrap: true,
    });
  }
  rows.push(h1, h2, codes);
  const firstRow = rows.length; // 0-based index of the first body row
  const formulas = new Map<string, number>();
  const formula = (
    r: number,
    c: number,
    f: string,
    value: number,
    style: Record<string, unknown>,
  ) => {
    formulas.set(`${colName(c)}${r + 1}`, value);
    return { type: 'Formula', value: f, ...style };
  };
  const decimals = table.rows.some((r) =>
    r.values.some((q) => q.some((v) => !Number.isInteger(v))),
  );
  const num = {
    // zero figures print blank, as on a form filled in by hand
    format: decimals ? '#,##0.##;-#,##0.##;""' : '#,##0;-#,##0;""',
    borderStyle: 'thin',
    alignVertical: 'top',
  };
  const all = [...table.rows.map((r) => ({ ...r, total: false })), totalRow(table, lang)];
  all.forEach((row, i) => {
    const r = firstRow + i;
    const bold = row.kind === 'section' || row.total ? { fontWeight: 'bold' } : {};
    const top = { alignVertical: 'top' };
    const out: Cell[] = [
      {
        value: row.number || null,
        type: String,
        borderStyle: 'thin',
        align: 'center',
        ...top,
        ...bold,
      },
      {
        value: row.name,
        type: String,
        borderStyle: 'thin',
        wrap: true,
        indent: row.kind === 'project' ? 1 : 0,
        ...top,
        ...bold,
      },
      { value: row.lead || null, type: String, borderStyle: 'thin', wrap: true, ...top, ...bold },
    ];
    const children = row.total
      ? topLevel(all)
      : row.kind === 'section'
        ? directChildren(all, i)
        : [];
    row.values.forEach((q: Quad, g) => {
      for (let k = 0; k < 4; k++) {
        const c = FIXED + g * 4 + k;
        const L = colName(c);
        const style = { ...num, format: cellFormat(num.format, q[k]), ...bold };
        if (k === 3) {
          const f = `${colName(c - 3)}${r + 1}+${colName(c - 2)}${r + 1}-${colName(c - 1)}${r + 1}`;
          out.push(formula(r, c, f, q[3], style));
        } else if (row.kind === 'section' || row.total) {
          const refs = children.map((j) => `${L}${firstRow + j + 1}`).join(',');
          out.push(
            refs
              ? formula(r, c, `SUM(${refs})`, q[k], style)
              : { value: 0, type: Number, ...style },
          );
        } else if (g === groups.length - 1) {
          // the row's total over every year and source
          const refs = table.columns.map((_, h) => `${colName(FIXED + h * 4 + k)}${r + 1}`);
          out.push(formula(r, c, `SUM(${refs.join(',')})`, q[k], style));
        } else out.push({ value: q[k], type: Number, ...style });
      }
    });
    rows.push(out);
  });
  fitHeights(rows, widths);
  const name = lang === 'vi' ? 'Biểu điều chỉnh' : 'Adjustment';
  const sheet: Sheet<Blob> = {
    sheet: name,
    data: rows as Sheet<Blob>['data'],
    columns: widths.map((w) => ({ width: w })),
    stickyRowsCount: firstRow,
    orientation: 'landscape',
  };
  const bytes = await writeBook([sheet], {
    sheet: (content) => printSetup(withCachedValues(content, formulas), plan),
    // in strips the title block prints on the first page only; each page repeats the header
    workbook: (content) =>
      printTitles(content, name, firstRow, colName(1), plan.scale === null ? 1 : TITLE_ROWS + 1),
  });
  return { bytes, formulas, firstRow };
}

/**
 * The print plan of the table (printStrips.ts): strips cut between years, or between a year's
 * sources when one year is too wide alone; the TT and name columns repeated on every strip.
 */
function stripPlan(columns: AdjustmentTable['columns'], widths: number[]): StripPlan {
  const start = (g: number) => FIXED + g * 4;
  const fine = [...columns.map((_, g) => start(g)), start(columns.length)];
  // a year's first group, and the total group, start a unit
  const cuts = fine.filter(
    (_, g) =>
      g === 0 ||
      g === columns.length ||
      columns[g].year !== columns[g - 1].year ||
      columns[g].year === null,
  );
  return planStrips({ widths, titles: 2, lead: FIXED, cuts, fine });
}

function totalRow(t: AdjustmentTable, lang: 'vi' | 'en') {
  return {
    kind: 'section' as const,
    level: -1,
    number: '',
    name: lang === 'vi' ? 'TỔNG CỘNG' : 'GRAND TOTAL',
    lead: '',
    status: 'section' as const,
    values: t.total,
    total: true,
  };
}

function topLevel(rows: { level: number; total: boolean }[]): number[] {
  return rows.flatMap((r, j) => (r.level === 0 && !r.total ? [j] : []));
}

function directChildren(rows: { level: number }[], i: number): number[] {
  const out: number[] = [];
  for (let j = i + 1; j < rows.length && rows[j].level > rows[i].level; j++)
    if (rows[j].level === rows[i].level + 1) out.push(j);
  return out;
}
