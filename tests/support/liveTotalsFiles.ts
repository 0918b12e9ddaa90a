/**
 * Small department appendices as an Excel user writes them (a total row above, sections I and 1,
 * two projects), with section and total figures as SUM formulas (and their cached values) or plain
 * numbers: for the live-totals tests (src/app/liveImport.test.ts, tests/e2e/liveTotals.test.ts).
 */
import * as XLSX from '@e965/xlsx';

export type Cell = string | number | { f: string; v: number };

/** An appendix as an Excel user writes it: total row above, sections I and 1, two projects. */
export function file(rows: Cell[][]): Uint8Array {
  const head: Cell[][] = [
    ['DANH MỤC DỰ ÁN'],
    ['ĐVT: triệu đồng'],
    ['STT', 'Tên dự án', 'Đơn vị thực hiện', 'Năm 2025', '', 'Tổng mức đầu tư'],
    ['', '', '', 'Vốn ĐTPT', 'Vốn SN', ''],
  ];
  const all = [...head, ...rows];
  const ws = XLSX.utils.aoa_to_sheet(all.map((r) => r.map((c) => (typeof c === 'object' ? 0 : c))));
  all.forEach((r, i) =>
    r.forEach((c, j) => {
      if (typeof c === 'object') ws[XLSX.utils.encode_cell({ r: i, c: j })] = { t: 'n', ...c };
    }),
  );
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Phụ lục 1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

export const sum = (f: string, v: number) => ({ f, v });
/** Lines 5–9: Tổng cộng, I, 1, Dự án A, Dự án B; `top` the figures of the three total lines. */
export const plan = (
  top: [Cell, Cell, Cell][],
  a: number[] = [4000, 100, 4100],
  b = [5000, 200, 5200],
) =>
  file([
    ['', 'Tổng cộng', '', ...top[0]],
    ['I', 'Hạ tầng', '', ...top[1]],
    ['1', 'Giao thông', '', ...top[2]],
    ['-', 'Dự án A', 'Sở GTVT', ...a],
    ['-', 'Dự án B', 'Sở GTVT', ...b],
  ]);

/** The usual case: every section and total figure a SUM over its own block. */
export const withSums = () =>
  plan([
    [sum('D6', 9000), sum('E6', 300), sum('F6', 9300)],
    [sum('D7', 9000), sum('E7', 300), sum('F7', 9300)],
    [sum('SUM(D8:D9)', 9000), sum('SUM(E8:E9)', 300), sum('SUM(F8:F9)', 9300)],
  ]);
