/**
 * Grids for the frozen reading comparison (readingSame.test.ts): generated plans as a spreadsheet
 * shows them, random layouts of header words and figures, and fixtures with random lines changed.
 */
import { generatePlan, prng } from '../../src/domain/generate';
import { leaves } from '../../src/domain/columns';
import type { RawCell, RawGrid } from '../../src/io/appendix/grid';

const vn = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 2 });

/** A generated plan as a spreadsheet shows it: a two-line header, figures with their formats. */
export function planGrid(projects: number, seed: number): RawGrid {
  const wb = generatePlan({ projects, seed });
  const sheet = wb.sheets[0];
  const ls = leaves(sheet.columns).filter((l) => l.role !== 'rowTotal');
  const head1 = ls.map((l) =>
    l.role === 'amount' ? (l.source === 'ĐTPT' ? `Năm ${l.year}` : '') : l.label,
  );
  const head2 = ls.map((l) => (l.role === 'amount' ? `Vốn ${l.source}` : ''));
  const text = (s: string): RawCell => ({ text: s });
  const rows: RawCell[][] = [
    [text(wb.meta.title)],
    [text('ĐVT: triệu đồng')],
    head1.map(text),
    head2.map(text),
    ...sheet.rows.map((r) =>
      ls.map((l): RawCell => {
        const v = r.cells[l.id];
        if (typeof v === 'number') return { text: vn(v), value: v, format: '#,##0' };
        return text(v == null ? '' : String(v));
      }),
    ),
  ];
  return { name: 'Phụ lục', rows, merges: [], lineOf: rows.map((_, i) => i + 1) };
}

const WORDS = [
  'Tổng cộng',
  'TỔNG SỐ',
  'Tổng số (A+B)',
  'Cộng',
  'Trong đó:',
  'trong đó',
  'Of which',
  'Tỷ lệ (%)',
  'So sánh (%)',
  'Ghi chú: số liệu sơ bộ',
  'Người lập biểu',
  'Hà Nội, ngày 5 tháng 3 năm 2024',
  'Dự án đường giao thông',
  'xây dựng trường học và',
  'BẮC TRUNG BỘ VÀ',
  'DUYÊN HẢI MIỀN TRUNG',
  'Expenditure on roads',
  'Chi đầu tư phát triển, trong đó:',
  'Tổng cục Thuế',
  '- Học phí',
  '+ Viện phí',
  'Bội chi (C = B - A)',
  '(1)',
  '(*)',
  '1/',
  '*',
  '(a)   1.234',
  '(1) 419.278.223',
  '-',
  '–',
  '#REF!',
  'n/a',
  '  nhiều   khoảng\ttrắng  ',
  'không\u00a0ngắt',
  '0',
  '2021',
  '=SUM(A1:A3)',
];
const NUMBERS = [
  'I',
  'II',
  'IV',
  'A',
  'B',
  '1',
  '2',
  '3',
  '1.1',
  '1.2.1',
  '-',
  '+',
  'a',
  'b)',
  'đ',
  '',
];

/** A random figure cell: a stored number, a text figure, a marker, a dash or a word. */
function figure(rnd: () => number): RawCell {
  const k = rnd();
  const v = Math.round(rnd() * 1e6) / (rnd() < 0.2 ? 100 : 1);
  if (k < 0.5) return { text: vn(v), value: v, ...(rnd() < 0.5 ? { format: '#,##0' } : {}) };
  if (k < 0.6) return { text: `${vn(v)}%`, value: v / 100, format: '0.0%' };
  if (k < 0.75) return { text: vn(v) };
  if (k < 0.8) return { text: '' };
  return { text: WORDS[Math.floor(rnd() * WORDS.length)] };
}

/** A random table: a header (sometimes repeated), numbered and unnumbered lines, odd texts. */
export function randomGrid(seed: number): RawGrid {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const head1 = ['STT', 'Tên dự án', 'Chủ đầu tư', 'Năm 2021', '', 'Năm 2022', 'Ghi chú'];
  const head2 = ['', '', '', 'Vốn ĐTPT', 'Vốn SN', 'Vốn ĐTPT', ''];
  const codes = ['A', 'B', 'C', '1', '2', '3', '4'];
  const rows: RawCell[][] = [[{ text: 'KẾ HOẠCH VỐN' }], [], head1.map((text) => ({ text }))];
  rows.push(head2.map((text) => ({ text })));
  if (rnd() < 0.3) rows.push(codes.map((text) => ({ text })));
  const n = 5 + Math.floor(rnd() * 40);
  const hiddenRows = new Set<number>();
  for (let i = 0; i < n; i++) {
    const k = rnd();
    if (k < 0.05) rows.push(head1.map((text) => ({ text })));
    else if (k < 0.08) rows.push(head2.map((text) => ({ text })));
    else if (k < 0.11) rows.push([]);
    else {
      const tt = pick(NUMBERS);
      const name = rnd() < 0.6 ? `${pick(WORDS.slice(12))} ${i}` : pick(WORDS);
      const figures = rnd() < 0.25 ? [] : [figure(rnd), figure(rnd), figure(rnd)];
      const row: RawCell[] = [
        { text: tt },
        { text: name },
        { text: rnd() < 0.3 ? 'Sở Giao thông' : '' },
        ...figures,
      ];
      if (rnd() < 0.2) row.push({ text: pick(WORDS) });
      rows.push(row);
      if (rnd() < 0.04) hiddenRows.add(rows.length - 1);
    }
  }
  const tail = rnd();
  if (tail < 0.3) rows.push([{ text: pick(WORDS.slice(9, 12)) }], [{ text: 'Nguyễn Văn A' }]);
  return {
    name: `random ${seed}`,
    rows,
    merges: rnd() < 0.5 ? [{ r0: 2, c0: 3, r1: 2, c1: 4 }] : [],
    lineOf: rows.map((_, i) => i + 1),
    ...(hiddenRows.size ? { hiddenRows } : {}),
  };
}

/** A fixture's table with random lines of it repeated, moved, blanked, split or marked. */
export function shuffled(g: RawGrid, seed: number): RawGrid {
  const rnd = prng(seed);
  const rows = g.rows.map((r) => r.slice());
  const edits = 1 + Math.floor(rnd() * 8);
  for (let e = 0; e < edits && rows.length > 2; e++) {
    const r = Math.floor(rnd() * rows.length);
    const k = rnd();
    if (k < 0.25) rows.splice(r, 0, rows[Math.floor(rnd() * Math.min(rows.length, 15))].slice());
    else if (k < 0.4) rows.splice(r, 0, []);
    else if (k < 0.55) rows.splice(r, 0, rows[Math.floor(rnd() * rows.length)].slice());
    else if (rows[r].length) {
      const c = Math.floor(rnd() * rows[r].length);
      const t = rows[r][c]?.text ?? '';
      rows[r][c] =
        k < 0.7
          ? { text: `(1) ${t}` }
          : k < 0.85
            ? { text: WORDS[Math.floor(rnd() * WORDS.length)] }
            : { text: t.replace(/ /g, '  ') };
    }
  }
  return { ...g, rows, merges: [], lineOf: rows.map((_, i) => i + 1), hiddenRows: undefined };
}
