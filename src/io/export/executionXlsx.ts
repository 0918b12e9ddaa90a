/**
 * The execution report as a styled `.xlsx` (circular 15/2021/TT-BTC columns): title block, a
 * two-level header and a code row, the total, source and section rows as SUM formulas, per line the
 * disbursement total, rates, cumulative since the start, what remains and the period's own figure as
 * formulas; sheets by unit (SUMIF over the form) and by period (against the target curve), and the
 * report lines not in the plan apart (their own sheet, never in the form's totals). Every
 * formula carries the value Planbook computed, and the file asks to be recalculated on opening.
 */
import writeXlsxFile, { type Sheet } from 'write-excel-file/universal';
import type { AnnualPlan } from '../../domain/execution';
import type { OutsideLine } from '../../domain/executionOutside';
import {
  type ExecutionForm,
  executionForm,
  FORM_CODES,
  formHeaders,
  type FormRow,
} from '../../domain/executionForm';
import { viDate } from '../../domain/executionText';
import { clean } from '../../domain/numbers';
import { colName, withCachedValues } from './appendixSheet';
import { OUTSIDE_WIDTHS, outsideSheet, outsideSheetName } from './executionOutside';
import { num, pctFmt, PERIOD_WIDTHS, periodSheet, ratio, unitSheet } from './executionSheets';
import { safeText } from './csv';
import { type Cell, head, heading } from './sheetCells';

export interface ExecutionExportInput {
  plan: AnnualPlan;
  lang?: 'vi' | 'en';
  /** Report lines not in the plan: a sheet of their own when there are any (never in the form). */
  outside?: readonly OutsideLine[];
}

export interface ExecutionExport {
  bytes: Uint8Array;
  /** Computed value of every formula, by sheet name and A1 address. */
  formulas: Map<string, Map<string, number | string>>;
  names: string[];
}

const WIDTH = 18;
/** Columns (0-based) typed on line rows; the others are formulas on every row. */
const INPUTS: Record<number, keyof FormRow['values']> = {
  4: 'priorAllocated',
  5: 'priorDisbursed',
  6: 'carry',
  7: 'plan',
  9: 'ytdCarry',
  10: 'ytdPlan',
  15: 'previous',
};

type Formulas = Map<string, number | string>;

/** The formula cells of a form row (r: 1-based sheet row) and their values. */
function derived(r: number, v: FormRow['values']): [number, string, number | string, boolean][] {
  const ytd = v.ytdCarry + v.ytdPlan;
  return [
    [8, `J${r}+K${r}`, clean(ytd), false],
    [11, `IF(G${r}=0,"",J${r}/G${r})`, ratio(v.ytdCarry, v.carry), true],
    [12, `IF(H${r}=0,"",K${r}/H${r})`, ratio(v.ytdPlan, v.plan), true],
    [13, `F${r}+I${r}`, clean(v.priorDisbursed + ytd), false],
    [14, `H${r}-K${r}`, clean(v.plan - v.ytdPlan), false],
    [16, `I${r}-P${r}`, clean(ytd - v.previous), false],
  ];
}

function formSheet(f: ExecutionForm, plan: AnnualPlan, lang: 'vi' | 'en', formulas: Formulas) {
  const vi = lang === 'vi';
  const title = (t: string, extra: Record<string, unknown> = {}) => heading(t, WIDTH, extra);
  const rows: Cell[][] = [
    title(
      vi
        ? `BÁO CÁO TÌNH HÌNH GIẢI NGÂN KẾ HOẠCH VỐN NĂM ${f.year}`
        : `DISBURSEMENT REPORT ${f.year}`,
      {
        fontWeight: 'bold',
        fontSize: 14,
      },
    ),
    title(plan.title, { fontWeight: 'bold' }),
    title(
      f.asOf
        ? vi
          ? `(Số liệu đến hết ngày ${viDate(f.asOf)})`
          : `(Figures to ${viDate(f.asOf)})`
        : '',
      { fontStyle: 'italic' },
    ),
    title(`${vi ? 'Đơn vị' : 'Unit'}: ${plan.unit}`, { fontStyle: 'italic', align: 'right' }),
  ];
  const headers = formHeaders(f, lang);
  const h1: Cell[] = [];
  const h2: Cell[] = [];
  for (let c = 0; c < headers.length; c++) {
    const h = headers[c];
    if (!h.group) {
      h1.push(head(h.label, { rowSpan: 2 }));
      h2.push(null);
    } else if (headers[c - 1]?.group !== h.group) {
      let span = 1;
      while (headers[c + span]?.group === h.group) span++;
      h1.push(head(h.group, { columnSpan: span }));
      h2.push(head(h.label));
    } else {
      h1.push(null);
      h2.push(head(h.label));
    }
  }
  const codes: Cell[] = FORM_CODES.map((code) => ({
    value: code,
    type: String,
    fontStyle: 'italic',
    align: 'center',
    borderStyle: 'thin',
  }));
  rows.push(h1, h2, codes);
  const first = rows.length; // 0-based index of the first body row
  f.rows.forEach((row, i) => {
    const r = first + i + 1;
    const bold = row.kind !== 'line' ? { fontWeight: 'bold' } : {};
    const text = (value: string, extra: Record<string, unknown> = {}): Cell => ({
      value: value || null,
      type: String,
      borderStyle: 'thin',
      ...bold,
      ...extra,
    });
    const out: Cell[] = [
      text(row.number, { align: 'center' }),
      text(row.name, { wrap: true, indent: Math.max(0, row.level) }),
      text(row.code),
      text(row.unit, { wrap: true }),
    ];
    const formula = (c: number, fx: string, value: number | string, pct: boolean): Cell => {
      formulas.set(`${colName(c)}${r}`, value);
      return { type: 'Formula', value: fx, ...(pct ? pctFmt : num(value)), ...bold };
    };
    for (let c = 4; c < WIDTH - 1; c++) {
      const key = INPUTS[c];
      if (key === undefined) {
        out.push(null);
        continue;
      }
      if (row.kind === 'line') {
        const v = clean(row.values[key]);
        out.push({ value: v, type: Number, ...num(v) });
        continue;
      }
      const refs = row.children.map((j) => `${colName(c)}${first + j + 1}`);
      out.push(
        refs.length
          ? formula(c, `SUM(${refs.join(',')})`, clean(row.values[key]), false)
          : { value: 0, type: Number, ...num(0), ...bold },
      );
    }
    for (const [c, fx, value, pct] of derived(r, row.values)) out[c] = formula(c, fx, value, pct);
    out.push(
      text(row.behind ? (vi ? 'Chậm so với mục tiêu' : 'Behind the target') : '', { wrap: true }),
    );
    rows.push(out);
  });
  return { rows, first };
}

/** Writes the execution report; resolves with the bytes and every formula's computed value. */
export async function exportExecutionXlsx(input: ExecutionExportInput): Promise<ExecutionExport> {
  const lang = input.lang ?? 'vi';
  const f = executionForm(input.plan, lang);
  const outside = input.outside ?? [];
  const names = [
    ...(lang === 'vi'
      ? ['Biểu giải ngân', 'Theo chủ đầu tư', 'Theo kỳ']
      : ['Disbursement', 'By investor', 'By period']),
    ...(outside.length ? [outsideSheetName(lang)] : []),
  ];
  const formulas = new Map<string, Formulas>(names.map((n) => [n, new Map()]));
  const form = formSheet(f, input.plan, lang, formulas.get(names[0])!);
  const sheets: Sheet<Blob>[] = [
    {
      sheet: names[0],
      data: form.rows as Sheet<Blob>['data'],
      columns: [6, 44, 12, 28, ...Array(WIDTH - 5).fill(13), 22].map((width) => ({ width })),
      stickyRowsCount: form.first,
      orientation: 'landscape',
    },
    {
      sheet: names[1],
      data: unitSheet(
        f,
        names[0],
        form.first,
        lang,
        formulas.get(names[1])!,
      ) as Sheet<Blob>['data'],
      columns: [6, 40, 10, 16, 16, 12, 16, 16, 12].map((width) => ({ width })),
      stickyRowsCount: 2,
    },
    {
      sheet: names[2],
      data: periodSheet(
        f,
        names[0],
        form.first,
        lang,
        formulas.get(names[2])!,
      ) as Sheet<Blob>['data'],
      columns: PERIOD_WIDTHS.map((width) => ({ width })),
      stickyRowsCount: 2,
    },
  ];
  if (outside.length)
    sheets.push({
      sheet: names[3],
      data: outsideSheet(
        outside,
        input.plan.unit,
        lang,
        formulas.get(names[3])!,
      ) as Sheet<Blob>['data'],
      columns: OUTSIDE_WIDTHS.map((width) => ({ width })),
      stickyRowsCount: 4,
    });
  const blob = await writeXlsxFile(sheets, {
    fontFamily: 'Times New Roman',
    fontSize: 12,
    features: [
      {
        files: {
          transform: {
            'xl/worksheets/sheet{id}.xml': {
              transform: (content, _o, { sheetIndex }) =>
                withCachedValues(content, formulas.get(names[sheetIndex]) ?? new Map()),
            },
            'xl/workbook.xml': {
              transform: (content) =>
                /<calcPr[^>]*\/>/.test(content)
                  ? content.replace(
                      /<calcPr[^>]*\/>/,
                      '<calcPr calcId="191029" fullCalcOnLoad="1"/>',
                    )
                  : content.replace(
                      '</workbook>',
                      '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
                    ),
            },
          },
        },
      },
    ],
  }).toBlob();
  return { bytes: new Uint8Array(await blob.arrayBuffer()), formulas, names };
}

function field(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** UTF-8 CSV (with BOM) of the form: header labels, then every row with its computed figures. */
export function executionCsv(plan: AnnualPlan, lang: 'vi' | 'en' = 'vi'): string {
  const f = executionForm(plan, lang);
  const headers = formHeaders(f, lang).map((h) => (h.group ? `${h.group} - ${h.label}` : h.label));
  const lines = [headers.map((h) => field(safeText(h))).join(',')];
  f.rows.forEach((row, i) => {
    const cells: string[] = [row.number, row.name, row.code, row.unit].map((t) =>
      field(safeText(t)),
    );
    const values: (number | string)[] = [];
    for (let c = 4; c < WIDTH - 1; c++) values[c] = INPUTS[c] ? clean(row.values[INPUTS[c]]) : '';
    for (const [c, , value] of derived(i + 1, row.values)) values[c] = value;
    for (let c = 4; c < WIDTH - 1; c++) cells.push(String(values[c]));
    cells.push(
      row.behind ? field(lang === 'vi' ? 'Chậm so với mục tiêu' : 'Behind the target') : '',
    );
    lines.push(cells.join(','));
  });
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
