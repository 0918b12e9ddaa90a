/**
 * Column moves for the layout variants of unitLayouts.ts: whole columns reordered (merges and hidden
 * columns following), the code row renumbered left to right with its sums rewritten
 * (`3=4+5, 4, 5` moved to `3, 4, 5=3+4`), the year groups of a header.
 */
import type { RawGrid } from '../../io/appendix/grid';

/** A cell of a header row with the columns its merge spans, and its leading code number. */
export interface Span {
  c0: number;
  c1: number;
  cols: number[];
  text: string;
  code?: number;
}

/** The non-empty cells of row `r`, each with its merge's columns, left to right. */
export function spansOf(g: RawGrid, r: number): Span[] {
  const out: Span[] = [];
  (g.rows[r] ?? []).forEach((c, k) => {
    const text = c?.text.trim() ?? '';
    if (!text) return;
    const m = g.merges.find((x) => x.r0 <= r && x.r1 >= r && x.c0 === k);
    const c1 = m ? m.c1 : k;
    const code = /^\(?\s*(\d+)/.exec(text);
    out.push({
      c0: k,
      c1,
      cols: Array.from({ length: c1 - k + 1 }, (_, i) => k + i),
      text,
      ...(code ? { code: Number(code[1]) } : {}),
    });
  });
  return out;
}

/** The numbers written in a code (`4 + 5` → [4, 5]). */
export const codeNumbers = (s: string): number[] => (s.match(/\d+/g) ?? []).map(Number);

/**
 * The grid with the columns `order` (a run of columns, listed in their new order) moved; null when
 * a merge would no longer be one block.
 */
export function moveColumns(g: RawGrid, order: number[]): RawGrid | null {
  const lo = Math.min(...order);
  if (new Set(order).size !== order.length || Math.max(...order) !== lo + order.length - 1)
    return null;
  const to = new Map(order.map((old, i) => [old, lo + i]));
  const at = (c: number) => to.get(c) ?? c;
  const merges = [];
  for (const m of g.merges) {
    const cs = Array.from({ length: m.c1 - m.c0 + 1 }, (_, i) => at(m.c0 + i));
    const c0 = Math.min(...cs);
    const c1 = Math.max(...cs);
    if (c1 - c0 !== m.c1 - m.c0) return null;
    merges.push({ ...m, c0, c1 });
  }
  const rows = g.rows.map((row) => {
    if (row.length <= lo) return row;
    const out = row.slice();
    while (out.length < lo + order.length) out.push({ text: '' });
    order.forEach((old, i) => (out[lo + i] = row[old] ?? { text: '' }));
    return out;
  });
  const hiddenCols = g.hiddenCols && new Set([...g.hiddenCols].map(at));
  return { ...g, rows, merges, hiddenCols };
}

/**
 * The code row `cr` renumbered left to right (the same numbers, in column order), its sums
 * rewritten with the new numbers; null when two cells share a code.
 */
export function renumberCodes(g: RawGrid, cr: number): RawGrid | null {
  const spans = spansOf(g, cr).filter((s) => s.code !== undefined);
  const old = spans.map((s) => s.code!);
  if (new Set(old).size !== old.length) return null;
  const sorted = [...old].sort((x, y) => x - y);
  const next = new Map(old.map((c, i) => [c, sorted[i]]));
  const row = (g.rows[cr] ?? []).slice();
  for (const s of spans) {
    const cell = row[s.c0];
    const text = cell.text.replace(/\d+/g, (n) => String(next.get(Number(n)) ?? n));
    row[s.c0] = {
      ...cell,
      text,
      ...(typeof cell.value === 'number' ? { value: Number(text) } : {}),
    };
  }
  return { ...g, rows: g.rows.map((r, k) => (k === cr ? row : r)) };
}

/**
 * Two side-by-side header groups naming a year (`Dự toán 2009` | `Ước thực hiện 2010`) in rows
 * `h0..d0-1`, as their columns; null when there are none.
 */
export function yearBlocks(g: RawGrid, h0: number, d0: number): [number[], number[]] | null {
  for (let r = h0; r < d0; r++) {
    const years = spansOf(g, r).filter((s) => /\b(19|20)\d\d\b/.test(s.text));
    for (let i = 1; i < years.length; i++)
      if (years[i].c0 === years[i - 1].c1 + 1) return [years[i - 1].cols, years[i].cols];
  }
  return null;
}
