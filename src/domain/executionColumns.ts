/**
 * The meaning of a column of a plan or an execution report from its header texts (outermost
 * first), in the words of circular 15/2021/TT-BTC and of the Treasury's and provinces' forms:
 * `Mã dự án`, `Lũy kế vốn đã bố trí đến hết năm 2023`, `Lũy kế giải ngân từ khởi công đến
 * 31/12/2023`, `Kế hoạch vốn năm 2023 kéo dài`, `Kế hoạch vốn năm 2024`, `Giải ngân từ 01/01/2024
 * đến 31/03/2024` (total, of the carried-over plan, of the year's plan), `Giải ngân trong tháng`,
 * `Tỷ lệ giải ngân (%)`, `Ghi chú`; sources (`Vốn NSTW`, `Vốn ĐTPT`) and totals (`Tổng số`).
 */
import { canonicalSource, fold } from './sources';
import { datesIn, yearsIn } from './executionText';
import type { ColumnLeaf, ColumnNode, Workbook } from './types';

/** What a column holds. */
export type Measure =
  | 'code' // Mã dự án
  | 'name'
  | 'lead'
  | 'notes'
  | 'plan' // allocation of year N (kế hoạch vốn năm N)
  | 'carry' // allocation of N−1 carried over (kéo dài)
  | 'priorAllocated' // cumulative allocation to the end of N−1
  | 'allocatedToDate' // cumulative allocation to the end of N (year N included)
  | 'priorDisbursed' // cumulative disbursement from the start to 31/12 of N−1
  | 'ytd' // disbursed from 01/01 of N to the end of the period
  | 'sinceStart' // disbursed from the start of the project to the end of the period
  | 'inPeriod' // disbursed in the month or quarter
  | 'yearAllocation' // allocation of another year (a plan's year columns)
  | 'rate'
  | 'other';

/** Which allocation a disbursement figure is of: both, the year-N plan, or the carried-over one. */
export type Part = 'all' | 'plan' | 'carry';

export interface ColumnMeaning {
  measure: Measure;
  part: Part;
  /** Capital source (canonical code when known, else the header's words); null for a total. */
  source: string | null;
  /** For `yearAllocation` and cumulative allocations: the year the figure is of (or ends with). */
  year?: number;
  /** An estimate (`Ước giải ngân`), used only when no actual figure is given. */
  estimate?: boolean;
}

const DISB =
  /\b(giai ngan|thanh toan|da chi|thuc chi|kiem soat chi|rut von|disburs|payments?|paid)\b|\bthuc hien\b/;
const ALLOC =
  /\b(ke hoach|kh|khv|du toan|bo tri|phan bo|giao|allocat|plan|budget|kinh phi|von nam)\b/;
const CARRY = /\b(keo dai|chuyen nguon|chuyen sang|carr(y|ied) over)\b/;
const CUMUL = /\b(luy ke|cumulative|tu khoi cong|tu dau du an)\b/;
const YTD = /\b(tu dau nam|tu 0?1 ?\/ ?0?1|nam nay|year to date|ytd)\b/;
const IN_PERIOD =
  /\b(trong (thang|ky|quy|tuan)|thang nay|ky nay|quy nay|phat sinh|in the (month|period|quarter))\b/;
const START = /\b(tu khoi cong|tu dau du an|khoi cong den|since (the )?start)\b/;
const PRIOR = /\b(nam truoc|n ?- ?1)\b/;
const TOTAL = /^(tong so|tong cong|cong|tong|total|so tien|gia tri|so von|trong do)$/;

/** Reads one header segment's source, or null. */
function sourceOf(seg: string): string | null {
  const f = fold(seg)
    .replace(/^trong do\s*:?\s*/, '')
    .replace(/[():]/g, ' ')
    .trim();
  return canonicalSource(f);
}

/**
 * The meaning of a column from its header path (outermost first) and the report's year `year`
 * (null when not known yet). `leafSource` is the source the reader found, if any.
 */
export function classifyColumn(
  path: readonly string[],
  year: number | null,
  leafSource?: string,
): ColumnMeaning {
  const segs = path.map((p) => fold(p).replace(/\s+/g, ' ').trim()).filter(Boolean);
  const all = segs.join(' | ');
  const last = segs[segs.length - 1] ?? '';
  let source: string | null = leafSource ?? null;
  if (!source) for (let i = segs.length - 1; i >= 0 && !source; i--) source = sourceOf(segs[i]);
  const base = { part: 'all' as Part, source };
  const of = (measure: Measure, extra: Partial<ColumnMeaning> = {}): ColumnMeaning => ({
    ...base,
    measure,
    ...extra,
  });
  if (
    /^(ma|ma so|ma du an|ma da|ma cong trinh|ma dtxd|ma dadt|ma du an dau tu|ma so du an|project code|code)\b/.test(
      last,
    ) ||
    /^ma (so )?(du an|da\b|cong trinh)/.test(all)
  )
    return of('code', { source: null });
  if (/\b(ty le|ti le|rate)\b|%|\bso (voi )?(ke hoach|kh)\b/.test(all)) return of('rate');
  if (
    /^(chu dau tu|don vi|co quan|ban quan ly|ban qlda|investor|unit)\b/.test(last) &&
    !DISB.test(all)
  )
    return of('lead', { source: null });
  if (/^(ten|danh muc|noi dung|du an|cong trinh|project)\b/.test(last) && !DISB.test(all))
    return of('name', { source: null });
  if (/\bghi chu\b|\bnotes?\b/.test(all)) return of('notes', { source: null });
  if (
    /\b(tong muc dau tu|tmdt|tong du toan|quyet dinh|so qd|khoi luong|thoi gian|dia diem)\b/.test(
      all,
    )
  )
    return of('other');
  const years = yearsIn(path.join(' | '));
  // a period's figure (`Kế hoạch trung hạn giai đoạn 2021-2025 | Tổng số`), not a year's
  if (!years.length && /\b(trung han|giai doan|(19|20)\d\d ?- ?(19|20)\d\d)\b/.test(all))
    return of('other');
  const dates = datesIn(path.join(' | '));
  const endYear = dates.length
    ? Number(dates[dates.length - 1].slice(0, 4))
    : years.length
      ? years[years.length - 1]
      : null;
  const estimate = /\buoc\b/.test(all) || undefined;
  if (DISB.test(all) && !/\bthuc hien (du an|dau tu)\b/.test(all)) {
    const part: Part = CARRY.test(all)
      ? 'carry'
      : segs.some((s) => !DISB.test(s) && ALLOC.test(s)) ||
          /\b(ke hoach|kh|khv|von) (von )?nam\b/.test(all) ||
          /\b(giai ngan|thanh toan)\b.*\b(ke hoach|kh|khv)\b/.test(all)
        ? 'plan'
        : 'all';
    const priorEnd =
      year !== null && endYear !== null && endYear < year && !YTD.test(all)
        ? true
        : PRIOR.test(all) && !CARRY.test(all);
    let measure: Measure;
    const monthOnly = /\bthang \d{1,2}\b/.test(all) && !/\b(den|tu)\b/.test(all);
    if ((IN_PERIOD.test(all) || monthOnly) && !CUMUL.test(all) && !YTD.test(all))
      measure = 'inPeriod';
    else if (START.test(all) && priorEnd) measure = 'priorDisbursed';
    else if (START.test(all)) measure = 'sinceStart';
    else if (CUMUL.test(all) && priorEnd) measure = 'priorDisbursed';
    else if (priorEnd && /\b(den het nam|den 31 ?\/ ?12|den ngay 31 ?\/ ?12)\b/.test(all))
      measure = 'priorDisbursed';
    else measure = 'ytd';
    return of(measure, { part: measure === 'priorDisbursed' ? 'all' : part, estimate });
  }
  if (CARRY.test(all)) return of('carry', { estimate });
  // `Lũy kế từ đầu năm`, `Từ 01/01 đến 31/3` beside the month's figure: the year's disbursement
  if ((YTD.test(all) || /\btu 0?1 ?\/ ?0?1\b/.test(all)) && !ALLOC.test(all))
    return of('ytd', { estimate });
  const allocWords = ALLOC.test(all) || /\b(von|nguon von|so von)\b/.test(all);
  if (CUMUL.test(all) && (allocWords || /\bvon\b/.test(all))) {
    if (year !== null && endYear !== null && endYear >= year)
      return of('allocatedToDate', { year: endYear });
    return of('priorAllocated', endYear !== null ? { year: endYear } : {});
  }
  // a year column of a plan (`Năm 2024` under `Kế hoạch trung hạn 2021-2025`), or `KH vốn năm 2024`
  const colYear = years.length ? years[years.length - 1] : null;
  if (colYear !== null && (allocWords || /^(nam )?(19|20)\d\d$/.test(last) || segs.length > 1)) {
    if (year !== null && colYear === year - 1 && /\b(chuyen|keo)\b/.test(all)) return of('carry');
    if (year === null || colYear === year) return of('plan', { year: colYear, estimate });
    return of('yearAllocation', { year: colYear });
  }
  if (allocWords && !/\b(tong muc|du toan duoc duyet)\b/.test(all)) return of('plan', { estimate });
  if (TOTAL.test(last) || source) return of('other');
  return of('other');
}

/** A leaf with the header texts above it, outermost first. */
export interface LeafPath {
  leaf: ColumnLeaf;
  path: string[];
}

/** Every leaf of a column tree with its header path. */
export function leafPaths(nodes: ColumnNode[], above: string[] = []): LeafPath[] {
  const out: LeafPath[] = [];
  for (const n of nodes) {
    if (n.kind === 'leaf') out.push({ leaf: n, path: [...above, n.label] });
    else out.push(...leafPaths(n.children, [...above, n.label]));
  }
  return out;
}

/** The meaning of a plan leaf for year N (the reader's year and source win over the words). */
export function planLeafMeaning(lp: LeafPath, year: number): ColumnMeaning {
  const { leaf } = lp;
  if (leaf.role === 'amount' && leaf.year !== undefined) {
    const source = leaf.source ?? null;
    if (leaf.year === year) return { measure: 'plan', part: 'all', source, year };
    return { measure: 'yearAllocation', part: 'all', source, year: leaf.year };
  }
  if (leaf.role !== 'amount' && leaf.role !== 'stated' && leaf.role !== 'value') {
    // a text column may be the project code (`Mã dự án`: the reader keeps it as text, never a figure)
    const text = classifyColumn([leaf.label], year);
    return text.measure === 'code' ? text : { measure: 'other', part: 'all', source: null };
  }
  const path = lp.path.some((p) => p.trim()) ? lp.path : [leaf.label];
  return classifyColumn(path, year, leaf.source);
}

/** Years a plan has allocation columns for (from the reader's years and from header words). */
export function planYears(wb: Workbook): number[] {
  const years = new Set<number>(wb.meta.years);
  for (const s of wb.sheets)
    for (const lp of leafPaths(s.columns)) {
      const m = planLeafMeaning(lp, 0);
      if ((m.measure === 'yearAllocation' || m.measure === 'plan') && m.year) years.add(m.year);
    }
  return [...years].sort((a, b) => a - b);
}
