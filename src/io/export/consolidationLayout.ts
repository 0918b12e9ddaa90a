/**
 * The consolidated appendix as a printed form: title block, a header of years → sources → the
 * figures (requested by the unit, proposed, difference; or proposed only), sections with a
 * subtotal row per unit, projects, and the grand total. Every subtotal, total, difference and row
 * total is a formula carrying the value Planbook computed; amounts in the form's unit.
 */
import { columnLetter } from '../../domain/columns';
import { type ConsolidatedTable, type Filled, isBlank, isBlankRow } from '../../domain/consolidate';
import type { ConsolidationForm, FormColumn } from '../../domain/consolidateTypes';
import { clean } from '../../domain/numbers';
import type { AppendixLayout, OutCell } from './appendixLayout';
import { type PrintStrips, stripsOf } from './appendixPrint';
import { rowHeights } from './layoutParts';

export type Figure = 'requested' | 'proposed' | 'difference';

const WORDS = {
  vi: {
    tt: 'TT',
    name: 'Tên dự án, nhiệm vụ',
    unit: 'Đơn vị đề xuất',
    lead: 'Đơn vị thực hiện',
    notes: 'Ghi chú',
    total: 'Tổng cộng',
    grand: 'TỔNG CỘNG',
    noYear: 'Không ghi năm',
    noSource: 'Chưa phân nguồn',
    year: (y: number) => `Năm ${y}`,
    figures: { requested: 'Đơn vị đề nghị', proposed: 'Đề xuất', difference: 'Chênh lệch' },
    unitLine: (u: string) => `ĐVT: ${u}`,
  },
  en: {
    tt: 'No.',
    name: 'Project',
    unit: 'Submitted by',
    lead: 'Lead unit',
    notes: 'Notes',
    total: 'Total',
    grand: 'GRAND TOTAL',
    noYear: 'No year',
    noSource: 'No source',
    year: (y: number) => `${y}`,
    figures: { requested: 'Requested', proposed: 'Proposed', difference: 'Difference' },
    unitLine: (u: string) => `Unit: ${u}`,
  },
};

const SOURCE_NAMES: Record<string, string> = { ĐTPT: 'Vốn ĐTPT', SN: 'Vốn SN' };

/** What the layout needs besides the table. */
export interface ConsolidationLayoutInput {
  table: ConsolidatedTable;
  form: ConsolidationForm;
  /** Line under the title (e.g. the number of submissions). */
  subtitle: string;
  proposedOnly?: boolean;
  /** A note per project row key (duplicates, merges). */
  notes?: Map<string, string>;
  lang?: 'vi' | 'en';
}

const FIXED = 4; // TT, name, submitted by, lead

/** Lays the consolidated appendix out for export. */
export function layoutConsolidation(input: ConsolidationLayoutInput): AppendixLayout {
  const { table, form } = input;
  const w = WORDS[input.lang ?? 'vi'];
  const figures: Figure[] = input.proposedOnly
    ? ['proposed']
    : ['requested', 'proposed', 'difference'];
  const F = figures.length;
  const cols = table.columns;
  const totalAt = FIXED + cols.length * F;
  const notesAt = totalAt + F;
  const width = notesAt + 1;
  const depth = F > 1 ? 3 : 2;
  const widths = [6, 46, 20, 18, ...new Array<number>(cols.length * F + F).fill(12), 24];
  const years = groupsOf(cols);
  const print = consolidationStrips(years, F, widths);
  // in strips the title lines lie over the first strip (appendixPrint.ts)
  const span = print ? print.ranges[0][1] : width;
  const out: (OutCell | null)[][] = [];
  const line = (cell: OutCell) => out.push([{ ...cell, colSpan: span }]);
  line({ kind: 'title', text: form.title, align: 'center' });
  line({ kind: 'subtitle', text: input.subtitle, align: 'center' });
  line({ kind: 'unit', text: form.unit ? w.unitLine(form.unit) : '', align: 'right' });
  const headerStart = out.length;
  const head: (OutCell | null)[][] = Array.from({ length: depth }, () =>
    new Array(width).fill(null),
  );
  const h = (r: number, c: number, text: string, colSpan = 1, rowSpan = 1) => {
    head[r][c] = {
      kind: 'header',
      text,
      align: 'center',
      ...(colSpan > 1 ? { colSpan } : {}),
      ...(rowSpan > 1 ? { rowSpan } : {}),
    };
  };
  [w.tt, w.name, w.unit, w.lead].forEach((t, c) => h(0, c, t, 1, depth));
  // years, then sources under them, then the figures
  let c = FIXED;
  for (const g of years) {
    h(0, c, g.year === null ? w.noYear : w.year(g.year), g.cols.length * F);
    for (const col of g.cols) {
      h(1, c, sourceLabel(col, w.noSource), F);
      if (F > 1) figures.forEach((f, k) => h(2, c + k, w.figures[f]));
      c += F;
    }
  }
  h(0, totalAt, w.total, F, F > 1 ? 1 : depth);
  if (F > 1) figures.forEach((f, k) => h(1, totalAt + k, w.figures[f], 1, depth - 1));
  h(0, notesAt, w.notes, 1, depth);
  // each header row as tall as its wrapped labels (`Đơn vị đề nghị` in a 12-wide column: 2 lines)
  rowHeights(head, widths, head.length);
  out.push(...head);
  const first = out.length;
  const decimals = table.rows.some((r) =>
    r.requested.concat(r.proposed).some((v) => !Number.isInteger(v)),
  );
  const format = decimals ? '#,##0.##' : '#,##0';
  const figureCols = (k: number) => cols.map((_, j) => FIXED + j * F + k);
  const children = childrenOf(table.rows.map((r) => r.level));
  const top = table.rows.flatMap((r, i) => (r.level === 0 ? [i] : []));
  const rowCells = (
    i: number,
    kind: 'section' | 'project' | 'total',
    texts: string[],
    requested: number[],
    proposed: number[],
    sumOf: number[] | null,
    note: string,
    filled: Filled | undefined,
  ): OutCell[] => {
    const n = first + i + 1;
    const cells: OutCell[] = texts.map((t, k) => ({
      kind,
      ...(t ? { text: t } : {}),
      align: k === 0 ? 'center' : 'left',
      ...(k === 1 ? { indent: kind === 'total' ? 0 : (table.rows[i]?.level ?? 0) } : {}),
    }));
    const value = (f: Figure, j: number) =>
      f === 'requested'
        ? requested[j]
        : f === 'proposed'
          ? proposed[j]
          : clean(proposed[j] - requested[j]);
    const sums: Record<Figure, number> = {
      requested: clean(requested.reduce((a, b) => a + b, 0)),
      proposed: clean(proposed.reduce((a, b) => a + b, 0)),
      difference: 0,
    };
    sums.difference = clean(sums.proposed - sums.requested);
    cols.forEach((_, j) =>
      figures.forEach((f, k) => {
        const at = FIXED + j * F + k;
        const base: OutCell = { kind, numeric: true, align: 'right' };
        // a figure no unit filled is left blank, as the units' files leave it (a typed 0 stays 0)
        if (isBlank(filled, f, j)) cells[at] = base;
        else if (f === 'difference') {
          const p = columnLetter(at - 1);
          const r = columnLetter(at - 2);
          cells[at] = { ...base, formula: `=${p}${n}-${r}${n}`, value: value(f, j) };
        } else if (sumOf)
          cells[at] = { ...base, formula: sumFormula(at, sumOf, first), value: value(f, j) };
        else cells[at] = { ...base, number: value(f, j) };
      }),
    );
    figures.forEach((f, k) => {
      const range = figureCols(k);
      if (isBlankRow(filled, f)) {
        cells[totalAt + k] = { kind, numeric: true, align: 'right' };
        return;
      }
      cells[totalAt + k] = {
        kind,
        numeric: true,
        align: 'right',
        formula: range.length
          ? `=SUM(${columnLetter(range[0])}${n}${range.length > 1 ? rangeTail(range, n) : ''})`
          : undefined,
        value: sums[f],
      };
    });
    cells[notesAt] = { kind, ...(note ? { text: note } : {}), align: 'left' };
    return cells;
  };
  table.rows.forEach((r, i) => {
    const group = r.kind !== 'project';
    out.push(
      rowCells(
        i,
        group ? 'section' : 'project',
        [r.number, r.name, group ? '' : r.unit, group ? '' : r.lead],
        r.requested,
        r.proposed,
        group ? children[i] : null,
        [r.note, input.notes?.get(r.key)].filter(Boolean).join('; '),
        r.filled,
      ),
    );
  });
  const totalRows = [out.length];
  out.push(
    rowCells(
      table.rows.length,
      'total',
      ['', w.grand, '', ''],
      table.total.requested,
      table.total.proposed,
      top,
      '',
      table.total.filled,
    ),
  );
  for (let r = first; r < out.length; r++) {
    const row = out[r];
    const name = row[1]?.text ?? '';
    const lines = Math.max(
      1,
      Math.ceil(name.length / 48),
      Math.ceil((row[2]?.text ?? '').length / 20),
    );
    if (lines > 1 && row[0]) row[0] = { ...row[0], height: 15 * lines };
  }
  return {
    rows: out,
    widths,
    firstRow: first,
    headerStart,
    formats: widths.map((_, i) => (i >= FIXED && i < notesAt ? format : '@')),
    totalRows,
    ...(print ? { print } : {}),
  };
}

/**
 * The consolidated table's strips: cut before each year, before a year's sources when one year is
 * too wide alone, and before the total; TT and name repeated.
 */
function consolidationStrips(
  years: { cols: FormColumn[] }[],
  F: number,
  widths: number[],
): PrintStrips | null {
  const cuts: number[] = [];
  const fine: number[] = [];
  let c = FIXED;
  for (const g of years) {
    cuts.push(c);
    for (let k = 0; k < g.cols.length; k++, c += F) fine.push(c);
  }
  if (!cuts.length) return null;
  return stripsOf(widths, 2, [...cuts, c], c, fine);
}

/** `:X9` when the columns are contiguous, else `,X9,Y9…` (a SUM's tail after its first cell). */
function rangeTail(cols: number[], n: number): string {
  const contiguous = cols.every((c, k) => k === 0 || c === cols[k - 1] + 1);
  return contiguous
    ? `:${columnLetter(cols[cols.length - 1])}${n}`
    : cols
        .slice(1)
        .map((c) => `,${columnLetter(c)}${n}`)
        .join('');
}

function sumFormula(c: number, rows: number[], first: number): string | undefined {
  if (!rows.length) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const a = `${columnLetter(c)}${rows[i] + first + 1}`;
    parts.push(i === j ? a : `${a}:${columnLetter(c)}${rows[j] + first + 1}`);
    i = j + 1;
  }
  return `=SUM(${parts.join(',')})`;
}

/** Direct children of each row (rows one level deeper, inside its subtree). */
function childrenOf(levels: number[]): number[][] {
  return levels.map((lv, i) => {
    const out: number[] = [];
    for (let j = i + 1; j < levels.length && levels[j] > lv; j++)
      if (levels[j] === lv + 1) out.push(j);
    return out;
  });
}

function groupsOf(cols: readonly FormColumn[]): { year: number | null; cols: FormColumn[] }[] {
  const out: { year: number | null; cols: FormColumn[] }[] = [];
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last && last.year === c.year) last.cols.push(c);
    else out.push({ year: c.year, cols: [c] });
  }
  return out;
}

function sourceLabel(c: FormColumn, none: string): string {
  return c.source ? (SOURCE_NAMES[c.source] ?? c.source) : none;
}
