/**
 * Disbursement reports as treasuries and departments send them, built from a year's plan for the
 * execution-pairs audit (executionPairs.ts): the plan's projects with their true disbursement,
 * laid out by a `ReportShape` (unit, cumulative or in-period figures, code column, names respelled
 * or with the lead unit folded in, lines reordered or regrouped, lines outside the plan, a project
 * left out, title and signature blocks, headers repeated at page breaks, subtotals, a rate column).
 */
import type { RawCell, RawGrid } from '../../io/appendix/grid';
import { ABBREVIATIONS } from './departmentEdits';

/** One line a report may list: a project of the plan (`id`) or one outside it (`id` ''). */
export interface ReportItem {
  id: string;
  name: string;
  lead: string;
  code: string;
  /** The source section a report by source lists it under. */
  source: string;
  /** Year's plan and disbursement from 01/01 to the period's end, in the plan's unit. */
  plan: number;
  ytd: number;
  /** Disbursement from 01/01 to the end of the month before (for in-period figures). */
  before: number;
}

/** How a report is laid out. */
export interface ReportShape {
  /** The report's unit in đồng (1e6: triệu đồng) and whether its title states it. */
  scale: number;
  unitStated: boolean;
  /** Cumulative from 01/01, in the period (the month) alone, or both columns. */
  figures: 'ytd' | 'inPeriod' | 'both';
  code: boolean;
  names: 'same' | 'abbreviated' | 'writtenOut' | 'upper' | 'nfd' | 'leadFolded' | 'leadFirst';
  order: 'plan' | 'reversed' | 'byLead' | 'bySource';
  outside: boolean;
  /** The ids of plan projects the report leaves out. */
  missing: readonly string[];
  blocks: boolean;
  pageHeaders: boolean;
  subtotals: boolean;
  rate: boolean;
  /** The unit the title states when not the figures' (a unit line copied from another report). */
  statedScale?: number;
  /** A year's plan column beside the disbursement. */
  planColumn: boolean;
  /** Figures as typed text only (a `.csv` export), not stored numbers. */
  textFigures: boolean;
  /** The in-period column's words: the month's (`trong tháng 6`) or the period's (`trong kỳ`). */
  periodWords: 'month' | 'period';
}

/** The plain report: triệu đồng stated, cumulative figures, no code, the plan's order. */
export const BASE_SHAPE: ReportShape = {
  scale: 1e6,
  unitStated: true,
  figures: 'ytd',
  code: false,
  names: 'same',
  order: 'plan',
  outside: false,
  missing: [],
  blocks: false,
  pageHeaders: false,
  subtotals: false,
  rate: false,
  textFigures: false,
  planColumn: true,
  periodWords: 'month',
};

const UNIT_TEXT: Record<number, string> = { 1: 'đồng', 1e6: 'triệu đồng', 1e9: 'tỷ đồng' };

/** A number as a Vietnamese sheet shows it (`4.000`, `1,25`). */
export function viNumber(n: number): string {
  const [int, dec] = Math.abs(n).toFixed(3).replace(/0+$/, '').replace(/\.$/, '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${dec ? `,${dec}` : ''}`;
}

const num = (v: number): RawCell => ({ text: viNumber(v), value: v });
const txt = (t: string): RawCell => ({ text: t, value: t || undefined });

/** A name as another hand abbreviates it (the usual abbreviations, a long name cut short). */
export function abbreviated(name: string): string {
  let out = name;
  for (const [re, to] of ABBREVIATIONS.filter((_, i) => i % 2 === 0)) out = out.replace(re, to);
  const words = out.split(/\s+/);
  return words.length > 14 ? `${words.slice(0, 12).join(' ')}…` : out;
}

/** A name with its abbreviations written out (`UBND` → `Ủy ban nhân dân`, `XD` → `Xây dựng`). */
export function writtenOut(name: string): string {
  let out = name;
  for (const [re, to] of ABBREVIATIONS.filter((_, i) => i % 2 === 1)) out = out.replace(re, to);
  return out;
}

function nameOf(it: ReportItem, s: ReportShape): string {
  switch (s.names) {
    case 'abbreviated':
      return abbreviated(it.name);
    case 'upper':
      return it.name.toUpperCase();
    case 'nfd':
      return it.name.normalize('NFD');
    case 'writtenOut':
      return writtenOut(it.name);
    case 'leadFolded':
      return it.lead ? `${it.name} (${it.lead})` : it.name;
    case 'leadFirst':
      return it.lead ? `${it.lead} - ${it.name}` : it.name;
    default:
      return it.name;
  }
}

/** Lines grouped under headings (by lead unit or by source), or one group in the given order. */
function groupsOf(items: ReportItem[], s: ReportShape): { head: string; items: ReportItem[] }[] {
  if (s.order === 'plan') return [{ head: '', items }];
  if (s.order === 'reversed') return [{ head: '', items: [...items].reverse() }];
  const key = (it: ReportItem) => (s.order === 'byLead' ? it.lead : it.source) || 'Khác';
  const groups = new Map<string, ReportItem[]>();
  for (const it of items) groups.set(key(it), [...(groups.get(key(it)) ?? []), it]);
  return [...groups].map(([head, xs]) => ({ head, items: xs }));
}

/**
 * The report of period `end` (ISO date) of year `year` with its items in the plan's unit
 * (`planScale` in đồng) laid out by `s`: a grid as the reader gets it from a file, and the item
 * of each of its lines (1-based).
 */
export function reportGrid(
  items: readonly ReportItem[],
  s: ReportShape,
  year: number,
  end: string,
  planScale: number,
): { grid: RawGrid; itemAt: Map<number, ReportItem> } {
  const itemAt = new Map<number, ReportItem>();
  const k = planScale / s.scale;
  const amount = (v: number) => {
    const c = num(Math.round(v * k * 1000) / 1000);
    return s.textFigures ? txt(c.text) : c;
  };
  const [, mm, dd] = end.split('-');
  const listed = items.filter((it) => !s.missing.includes(it.id));
  const head: string[] = ['STT'];
  if (s.code) head.push('Mã dự án');
  head.push('Tên dự án');
  const leadColumn = s.names !== 'leadFolded' && s.names !== 'leadFirst';
  if (leadColumn) head.push('Chủ đầu tư');
  if (s.planColumn) head.push(`Kế hoạch vốn năm ${year}`);
  if (s.figures !== 'ytd')
    head.push(
      s.periodWords === 'month' ? `Giải ngân trong tháng ${Number(mm)}` : 'Giải ngân trong kỳ',
    );
  if (s.figures !== 'inPeriod') head.push(`Lũy kế giải ngân từ đầu năm đến ${dd}/${mm}/${year}`);
  if (s.rate) head.push('Tỷ lệ giải ngân so với kế hoạch (%)');
  const width = head.length;
  const rows: RawCell[][] = [];
  const blank = () => rows.push(Array.from({ length: width }, () => txt('')));
  const line = (cells: RawCell[]) =>
    rows.push([...cells, ...Array.from({ length: width - cells.length }, () => txt(''))]);
  if (s.blocks) {
    line([txt('KHO BẠC NHÀ NƯỚC TỈNH'), txt(''), txt('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')]);
    line([txt('Số: 125/BC-KBNN'), txt(''), txt('Độc lập - Tự do - Hạnh phúc')]);
    blank();
  }
  line([txt(`BÁO CÁO TÌNH HÌNH GIẢI NGÂN VỐN ĐẦU TƯ CÔNG NĂM ${year}`)]);
  line([txt(`(Số liệu đến ngày ${dd}/${mm}/${year})`)]);
  if (s.unitStated) line([txt(`Đơn vị tính: ${UNIT_TEXT[s.statedScale ?? s.scale]}`)]);
  const header = () => {
    line(head.map(txt));
    line(head.map((_, i) => txt(String(i + 1))));
  };
  header();
  const figures = (plan: number, ytd: number, before: number): RawCell[] => {
    const out = s.planColumn ? [amount(plan)] : [];
    if (s.figures !== 'ytd') out.push(amount(ytd - before));
    if (s.figures !== 'inPeriod') out.push(amount(ytd));
    if (s.rate) out.push(num(plan ? Math.round((ytd / plan) * 10000) / 100 : 0));
    return out;
  };
  const sum = (xs: ReportItem[], f: (x: ReportItem) => number) => xs.reduce((a, x) => a + f(x), 0);
  const totalOf = (label: string, xs: ReportItem[]) =>
    line([
      txt(''),
      ...(s.code ? [txt('')] : []),
      txt(label),
      ...(leadColumn ? [txt('')] : []),
      ...figures(
        sum(xs, (x) => x.plan),
        sum(xs, (x) => x.ytd),
        sum(xs, (x) => x.before),
      ),
    ]);
  const all = [...listed, ...(s.outside ? outsideItems(year) : [])];
  totalOf('TỔNG CỘNG', all);
  const groups = groupsOf(all, s);
  let n = 0;
  groups.forEach((g, gi) => {
    if (g.head) line([txt(ROMAN[gi] ?? String(gi + 1)), ...(s.code ? [txt('')] : []), txt(g.head)]);
    g.items.forEach((it) => {
      n++;
      if (s.pageHeaders && n % 6 === 0) header();
      line([
        txt(String(n)),
        ...(s.code ? [txt(it.code)] : []),
        txt(nameOf(it, s)),
        ...(leadColumn ? [txt(s.order === 'byLead' ? '' : it.lead)] : []),
        ...figures(it.plan, it.ytd, it.before),
      ]);
      itemAt.set(rows.length, it);
    });
    if (s.subtotals && g.head) totalOf(`Cộng ${g.head}`, g.items);
  });
  if (s.subtotals && !groups.some((g) => g.head)) {
    // subtotals by unit after the lines, as a department adds them below its own table
    const byLead = new Map<string, ReportItem[]>();
    for (const it of all) byLead.set(it.lead, [...(byLead.get(it.lead) ?? []), it]);
    for (const [lead, xs] of byLead) if (lead) totalOf(`Cộng ${lead}`, xs);
  }
  if (s.blocks) {
    blank();
    line([txt(''), txt(''), txt(`Quảng Trị, ngày 05 tháng ${Number(mm) + 1} năm ${year}`)]);
    line([txt('NGƯỜI LẬP BIỂU'), txt(''), txt('KẾ TOÁN TRƯỞNG'), txt(''), txt('GIÁM ĐỐC')]);
    blank();
    line([txt('Nguyễn Văn An'), txt(''), txt('Trần Thị Bình'), txt(''), txt('Lê Văn Cường')]);
  }
  return { grid: { name: 'Sheet1', rows, merges: [], lineOf: rows.map((_, i) => i + 1) }, itemAt };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Two lines no plan of the corpus holds (a report lists projects of other plans too). */
export function outsideItems(year: number): ReportItem[] {
  return [
    {
      id: '',
      name: `Cải tạo trụ sở Hạt Kiểm lâm huyện Hướng Hóa năm ${year}`,
      lead: 'Chi cục Kiểm lâm',
      code: '7990001',
      source: 'Vốn đầu tư phát triển',
      plan: 1500,
      ytd: 600,
      before: 400,
    },
    {
      id: '',
      name: 'Đường giao thông nội đồng xã Triệu Độ',
      lead: 'UBND huyện Triệu Phong',
      code: '7990002',
      source: 'Vốn đầu tư phát triển',
      plan: 2300,
      ytd: 0,
      before: 0,
    },
  ];
}
