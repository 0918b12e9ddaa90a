/**
 * Hostile layout variants of an audited table, as other offices print the same figures: English
 * lines under the Vietnamese labels, a plain numbering row, a signature block, footnote markers in
 * figure cells, a hidden stale row, text columns beside the amounts, labels split over two lines.
 * None changes a figure or a rule: the checks must say the same of each (see layouts.ts).
 */
import { colIndex } from '../../domain/formulaRefs';
import type { RawCell, RawGrid } from '../../io/appendix/grid';

export interface SheetAudit {
  sheet: string;
  table: boolean;
  header?: { first: number; last: number; codeRow?: number | null };
  data?: { first: number; last: number };
  columns?: Record<string, string>;
  totals?: number[];
}

type Variant = (g: RawGrid, a: SheetAudit) => RawGrid | null;

/** The grid with `rows` inserted before grid row `at` (merges and hidden rows shifted). */
export function insertRows(g: RawGrid, at: number, rows: RawCell[][], hidden = false): RawGrid {
  const lineOf = g.lineOf.slice();
  lineOf.splice(at, 0, ...rows.map(() => 0));
  const shift = (r: number) => (r >= at ? r + rows.length : r);
  const hiddenRows = new Set([...(g.hiddenRows ?? [])].map(shift));
  if (hidden) rows.forEach((_, k) => hiddenRows.add(at + k));
  return {
    ...g,
    rows: [...g.rows.slice(0, at), ...rows, ...g.rows.slice(at)],
    lineOf: lineOf.map((l, i) => l || 100000 + i),
    merges: g.merges.map((m) => ({ ...m, r0: shift(m.r0), r1: shift(m.r1) })),
    hiddenRows,
  };
}

/** The grid with `n` empty columns inserted before column `at`. */
export function insertCols(g: RawGrid, at: number, n: number): RawGrid {
  const shift = (c: number) => (c >= at ? c + n : c);
  return {
    ...g,
    rows: g.rows.map((row) =>
      row.length <= at
        ? row.slice()
        : [
            ...row.slice(0, at),
            ...Array.from({ length: n }, () => ({ text: '' })),
            ...row.slice(at),
          ],
    ),
    merges: g.merges.map((m) => ({ ...m, c0: shift(m.c0), c1: m.c1 >= at ? m.c1 + n : m.c1 })),
    hiddenCols: g.hiddenCols && new Set([...g.hiddenCols].map(shift)),
  };
}

const rowsOf = (g: RawGrid, a: SheetAudit) => {
  const d0 = g.lineOf.indexOf(a.data!.first);
  const d1 = g.lineOf.indexOf(a.data!.last);
  return d0 < 0 || d1 < 0 ? null : { d0, d1 };
};
const isFigure = (c: RawCell | undefined) => typeof c?.value === 'number';
const amountCols = (a: SheetAudit) =>
  Object.entries(a.columns ?? {})
    .filter(([, k]) => k === 'amount')
    .map(([c]) => colIndex(c));

/** The label column: the one holding the most texts in the data rows, besides the first. */
export function labelCol(g: RawGrid, d0: number, d1: number): number {
  const count = new Map<number, number>();
  for (let r = d0; r <= d1; r++)
    (g.rows[r] ?? []).forEach((c, k) => {
      if (k > 0 && typeof c?.value !== 'number' && /\p{L}{3}/u.test(c?.text ?? ''))
        count.set(k, (count.get(k) ?? 0) + 1);
    });
  return [...count].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 1;
}

const line = (width: number, cells: Record<number, string>): RawCell[] =>
  Array.from({ length: width }, (_, k) => ({ text: cells[k] ?? '' }));
const widthOf = (g: RawGrid) => Math.max(...g.rows.map((r) => r.length));

/** Rows with figures whose label (in column `lc`) is long enough to split, every `step`. */
function figureRows(g: RawGrid, d0: number, d1: number, lc: number, step: number): number[] {
  const out: number[] = [];
  for (let r = d0; r <= d1; r++) {
    const row = g.rows[r] ?? [];
    if (row.some(isFigure) && (row[lc]?.text ?? '').trim().length > 12) out.push(r);
  }
  return out.filter((_, k) => k % step === 1);
}

/** Inserts a row after each of `at` (last first), made by `make` from the row above. */
function after(g: RawGrid, at: number[], make: (row: RawCell[]) => RawCell[]): RawGrid {
  let v = g;
  for (const r of [...at].reverse()) v = insertRows(v, r + 1, [make(v.rows[r])]);
  return v;
}

export const hostileVariants: Record<string, Variant> = {
  'English lines under the labels': (g, a) => {
    const d = rowsOf(g, a);
    if (!d) return null;
    const lc = labelCol(g, d.d0, d.d1);
    const at = figureRows(g, d.d0, d.d1, lc, 3);
    if (!at.length) return null;
    const w = widthOf(g);
    return after(g, at, () => line(w, { [lc]: 'Expenditure and revenue items in English' }));
  },
  'a label split over two lines': (g, a) => {
    const d = rowsOf(g, a);
    if (!d) return null;
    const lc = labelCol(g, d.d0, d.d1);
    const at = figureRows(g, d.d0, d.d1, lc, 4).filter((r) =>
      / \S/.test((g.rows[r][lc]?.text ?? '').trim()),
    );
    if (!at.length) return null;
    const w = widthOf(g);
    const rows = g.rows.slice();
    const tails: Record<number, string> = {};
    for (const r of at) {
      const t = (rows[r][lc]?.text ?? '').trim();
      const cut = t.indexOf(' ', Math.floor(t.length / 2));
      if (cut < 0) continue;
      rows[r] = rows[r].slice();
      rows[r][lc] = { text: t.slice(0, cut) };
      tails[r] = t.slice(cut + 1);
    }
    const at2 = at.filter((r) => tails[r]);
    if (!at2.length) return null;
    let v: RawGrid = { ...g, rows };
    for (const r of [...at2].reverse()) v = insertRows(v, r + 1, [line(w, { [lc]: tails[r] })]);
    return v;
  },
  'a plain numbering row under the header': (g, a) => {
    if (a.header?.codeRow) return null;
    const d = rowsOf(g, a);
    if (!d) return null;
    const lc = labelCol(g, d.d0, d.d1);
    const cells: Record<number, string> = { 0: 'A', [lc]: 'B' };
    amountCols(a).forEach((c, k) => (cells[c] = String(k + 1)));
    return insertRows(g, d.d0, [line(widthOf(g), cells)]);
  },
  'a signature block below': (g, a) => {
    const d = rowsOf(g, a);
    if (!d) return null;
    const lc = labelCol(g, d.d0, d.d1);
    const far = Math.max(lc + 1, ...amountCols(a));
    const w = Math.max(widthOf(g), far + 1);
    return insertRows(g, g.rows.length, [
      [],
      line(w, { [lc]: 'NGƯỜI LẬP BIỂU', [far]: 'KT. BỘ TRƯỞNG' }),
      line(w, { [far]: 'THỨ TRƯỞNG' }),
      [],
      line(w, { [lc]: 'Nguyễn Văn An', [far]: 'Trần Văn Bình' }),
    ]);
  },
  'footnote markers in figure cells': (g, a) => {
    const d = rowsOf(g, a);
    if (!d) return null;
    const cols = amountCols(a);
    const rows = g.rows.slice();
    const marks = ['(1)', '(*)', '1/'];
    let k = 0;
    for (let r = d.d0; r <= d.d1 && k < marks.length; r += 3) {
      const row = rows[r] ?? [];
      if (!row.some(isFigure)) continue;
      const c = cols.find((x) => !(row[x]?.text ?? '').trim() && row[x]?.value == null);
      if (c === undefined) continue;
      rows[r] = Array.from(
        { length: Math.max(row.length, c + 1) },
        (_, x) => row[x] ?? { text: '' },
      );
      rows[r][c] = { text: marks[k++] };
    }
    return k ? { ...g, rows } : null;
  },
  'a hidden stale row': (g, a) => {
    const d = rowsOf(g, a);
    if (!d || d.d1 - d.d0 < 4) return null;
    const mid = d.d0 + Math.floor((d.d1 - d.d0) / 2);
    const src = g.rows.slice(d.d0, d.d1 + 1).find((row) => row.some(isFigure));
    if (!src) return null;
    const stale = src.map((c) =>
      isFigure(c)
        ? { ...c, value: (c.value as number) * 2 + 7, text: String((c.value as number) * 2 + 7) }
        : c,
    );
    return insertRows(g, mid, [stale], true);
  },
  'text columns beside the amounts': (g, a) => {
    const d = rowsOf(g, a);
    const h0 = a.header ? g.lineOf.indexOf(a.header.first) : -1;
    if (!d || h0 < 0) return null;
    const lc = labelCol(g, d.d0, d.d1);
    const v = insertCols(g, lc + 1, 2);
    const rows = v.rows.slice();
    const set = (r: number, c: number, text: string) => {
      rows[r] = Array.from(
        { length: Math.max(rows[r].length, c + 1) },
        (_, x) => rows[r][x] ?? { text: '' },
      );
      rows[r][c] = { text };
    };
    set(h0, lc + 1, 'Địa điểm xây dựng');
    set(h0, lc + 2, 'Thời gian KC-HT');
    for (let r = d.d0; r <= d.d1; r++)
      if ((g.rows[r] ?? []).some(isFigure)) {
        set(r, lc + 1, r % 2 ? 'Hà Nội' : 'TP. Hồ Chí Minh');
        set(r, lc + 2, r % 3 ? '2011-2015' : '2016');
      }
    return { ...v, rows };
  },
  'a code row writing its sums as ranges (`1=2+…+5`, `1=2÷5`)': (g, a) => {
    const cr = a.header?.codeRow ? g.lineOf.indexOf(a.header.codeRow) : -1;
    if (cr < 0) return null;
    let k = 0;
    const row = g.rows[cr].map((c) => {
      const m = /^(\d+)\s*=\s*(\d+(?:\s*\+\s*\d+)+)$/.exec(c?.text.trim() ?? '');
      const terms = m ? m[2].split('+').map(Number) : [];
      if (terms.length < 3 || terms.some((t, j) => j && t !== terms[j - 1] + 1)) return c;
      const text = `${m![1]}=${terms[0]}${k++ % 2 ? '÷' : '+…+'}${terms[terms.length - 1]}`;
      return { text };
    });
    if (!k) return null;
    const rows = g.rows.slice();
    rows[cr] = row;
    return { ...g, rows };
  },
  'the total row moved below the table': (g, a) => {
    const d = rowsOf(g, a);
    const totals = a.totals ?? [];
    if (!d || totals.length !== 1 || totals[0] !== a.data!.first) return null;
    // an unnumbered one-line total over numbered rows (not a block announcing its of-which rows)
    const next = g.rows[d.d0 + 1] ?? [];
    if (
      (g.rows[d.d0]?.[0]?.text ?? '').trim() ||
      !(next[0]?.text ?? '').trim() ||
      g.merges.some((m) => m.r0 <= d.d0 && m.r1 > d.d0)
    )
      return null;
    const rows = g.rows.slice();
    const [total] = rows.splice(d.d0, 1);
    rows.splice(d.d1, 0, total);
    const lineOf = g.lineOf.slice();
    const [line0] = lineOf.splice(d.d0, 1);
    lineOf.splice(d.d1, 0, line0);
    const at = (r: number) => (r === d.d0 ? d.d1 : r > d.d0 && r <= d.d1 ? r - 1 : r);
    return {
      ...g,
      rows,
      lineOf,
      merges: g.merges.filter((m) => m.r0 > d.d1 || m.r1 < d.d0),
      hiddenRows: g.hiddenRows && new Set([...g.hiddenRows].map(at)),
    };
  },
  'a lone figure displaced onto the row below': (g, a) => {
    const d = rowsOf(g, a);
    if (!d) return null;
    const cols = amountCols(a);
    for (let r = d.d0 + Math.floor((d.d1 - d.d0) / 2); r < d.d1; r++) {
      const row = g.rows[r] ?? [];
      const figs = cols.filter((c) => isFigure(row[c]));
      const next = g.rows[r + 1] ?? [];
      if (figs.length < 2 || !next.some((c) => (c?.text ?? '').trim())) continue;
      const c = figs[figs.length - 1];
      const rows = g.rows.slice();
      rows[r] = row.slice();
      rows[r][c] = { text: '' };
      const lone = line(Math.max(row.length, c + 1), {});
      lone[c] = row[c];
      return insertRows({ ...g, rows }, r + 1, [lone]);
    }
    return null;
  },
};
