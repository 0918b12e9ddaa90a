/** Finding the header band of a table and building the column tree from it. */
import { canonicalSource, fold, slug } from '../../domain/sources';
import { amountColumnId } from '../../domain/template';
import type { ColumnLeaf, ColumnNode } from '../../domain/types';
import { cellText, gridWidth, type RawGrid } from './grid';
import { roleOf, twiceClaimed } from './leafRoles';
import { isErrorValue } from './rowKinds';

export interface HeaderBand {
  start: number;
  /** First row after the band (data start). */
  end: number;
  /** The column-code row inside the band, if any (`1, 2, 3, 4=2-3`). */
  codeRow: number | null;
}

/** A leaf column and the grid columns that feed it (a merged header may cover several). */
export interface LeafSpec {
  leaf: ColumnLeaf;
  cols: number[];
  /** The grid column where the figures stand (the one holding most numbers). */
  valueCol?: number;
}

const HEADER_WORDS =
  /^(s?tt|t t|so tt|ten\b|noi dung|danh muc|chi tieu|hang muc|don vi|tong|nhu cau|ke hoach|du toan|quyet toan|kinh phi|ghi chu|nam\b|von\b|nguon|tinh|dia phuong|co quan)/;
const YEAR = /^(?:nam\s*)?((?:19|20)\d\d)$/;

function isCode(s: string): boolean {
  return /^\(?[0-9A-Za-z]{1,3}\)?(\s*=\s*[0-9A-Za-z()+\-−–…÷.:/x×*%\s]+)?$/.test(s);
}

/**
 * Whether a row is a column-code row: at least three short codes, two numeric starting low, or
 * `A`, `B` then one number (a table of one figure column).
 */
export function isCodeRow(g: RawGrid, r: number): boolean {
  // an error value (`#REF!` left by a deleted sheet) is no code: an empty cell
  const cells = (g.rows[r] ?? []).map((c) => c.text.trim()).filter((t) => t && !isErrorValue(t));
  if (cells.length < 3 || !cells.every(isCode)) return false;
  const ints = cells.filter((c) => /^\(?\d+\)?$/.test(c) || /^\(?\d+\)?\s*=/.test(c));
  if (ints.length >= 2) return /^\(?(1|A|a|\d+\s*=.*)\)?$/.test(cells[0]);
  // `A | B | 1`: the number and name columns lettered, one figure column numbered
  return ints.length === 1 && /^A$/i.test(cells[0]) && /^B$/i.test(cells[1]);
}

/** `Đơn vị: Triệu đồng`, `ĐVT: tỷ đồng`: the unit line above a table, not a column's name. */
const UNIT_LINE = /^(don vi( tinh)?|dvt)\s*:/;

function headerScore(g: RawGrid, r: number): number {
  let n = 0;
  for (const c of g.rows[r] ?? []) {
    const f = c.text.trim() ? fold(c.text) : '';
    if (f && HEADER_WORDS.test(f) && !UNIT_LINE.test(f)) n++;
  }
  return n;
}

/**
 * A line of a header band above the first one found: texts in two or more cells, no figure, and
 * not a line of the title block (unit, attachment line, motto, table number).
 */
function isHeaderLine(g: RawGrid, r: number): boolean {
  const cells = (g.rows[r] ?? []).filter((c) => c.text.trim());
  if (cells.length < 2 || cells.some((c) => typeof c.value === 'number')) return false;
  return !cells.some((c) =>
    /^(\(?\s*)?(don vi|dvt|kem theo|cong hoa|doc lap|phu luc|bieu|mau|table|unit|ty dong|trieu dong)/.test(
      fold(c.text),
    ),
  );
}

/** Finds the header band: the first row with two header words, then its header-like rows. */
export function findHeaderBand(g: RawGrid): HeaderBand | null {
  const limit = Math.min(g.rows.length, 80);
  let start = -1;
  for (let r = 0; r < limit; r++) {
    if (headerScore(g, r) >= 2) {
      start = r;
      break;
    }
  }
  if (start < 0) return null;
  // header lines stacked above the line with the usual words (`TỔNG CHI`, `TỶ LỆ` over `TT`, `TỈNH`)
  while (start > 0 && isHeaderLine(g, start - 1)) start--;
  let end = start + 1;
  let codeRow: number | null = null;
  while (end < g.rows.length) {
    if (isCodeRow(g, end)) {
      codeRow = end;
      end++;
      continue;
    }
    const first = cellText(g, end, 0);
    const second = cellText(g, end, 1);
    const nonEmpty = (g.rows[end] ?? []).filter((c) => c.text.trim()).length;
    if (nonEmpty === 0 || first || second) break;
    end++;
  }
  // a header typed as wrapped lines (no merges) ends at its column-code row a few rows below
  if (codeRow === null) {
    for (let k = end; k < Math.min(end + 8, g.rows.length); k++) {
      if (isCodeRow(g, k)) return { start, end: k + 1, codeRow: k };
      if ((g.rows[k] ?? []).some((c) => /^[-\d.,\s]+$/.test(c.text.trim()) && /\d/.test(c.text)))
        break;
    }
  }
  return { start, end, codeRow };
}

/** Whether the first data rows under these columns hold mostly numbers. */
function numericBelow(g: RawGrid, band: HeaderBand, cols: number[]): boolean {
  let nums = 0;
  let texts = 0;
  for (let r = band.end; r < Math.min(band.end + 60, g.rows.length); r++) {
    for (const c of cols) {
      const t = cellText(g, r, c);
      if (!t) continue;
      if (/^[-+(]?[\d.,\s]+\)?%?$/.test(t)) nums++;
      else texts++;
    }
  }
  return nums > texts;
}

/** Whether a header text names a year (never joined to another line). */
function isYear(t: string): boolean {
  return YEAR.test(fold(t));
}

/** The band the user marked (rows start..end-1), with its column-code row if it has one. */
export function forcedBand(g: RawGrid, start: number, end: number): HeaderBand {
  let codeRow: number | null = null;
  for (let r = start; r < end; r++) if (isCodeRow(g, r)) codeRow = r;
  if (codeRow === null && isCodeRow(g, end)) return { start, end: end + 1, codeRow: end };
  return { start, end, codeRow };
}

interface Span {
  c0: number;
  c1: number;
  text: string;
}

/** Header spans per band row: a text covers the empty cells to its right, within its parent. */
function bandSpans(g: RawGrid, band: HeaderBand, width: number): Span[][] {
  const out: Span[][] = [];
  let parents: Span[] = [{ c0: 0, c1: width - 1, text: '' }];
  let open = new Map<string, Span>();
  for (let r = band.start; r < band.end; r++) {
    if (r === band.codeRow) continue;
    const spans: Span[] = [];
    for (const p of parents) {
      let cur: Span | null = null;
      for (let c = p.c0; c <= p.c1; c++) {
        const merge = g.merges.find((m) => m.r0 <= r && r <= m.r1 && m.c0 <= c && c <= m.c1);
        const t = merge && (merge.c0 !== c || merge.r0 !== r) ? '' : cellText(g, r, c);
        if (t) {
          if (cur) spans.push(cur);
          cur = { c0: c, c1: c, text: t };
          if (merge && merge.r0 < r) cur.text = '';
        } else if (cur) cur.c1 = c;
      }
      if (cur) spans.push(cur);
    }
    // a line under a text of exactly the same columns continues that text (a wrapped header cell)
    const nextOpen = new Map<string, Span>();
    const kept = spans.filter((sp) => {
      const key = `${sp.c0}:${sp.c1}`;
      const above = open.get(key);
      if (!above || !sp.text || isYear(above.text) || isYear(sp.text)) {
        nextOpen.set(key, sp);
        return true;
      }
      above.text = `${above.text} ${sp.text}`;
      nextOpen.set(key, above);
      return false;
    });
    open = nextOpen;
    spans.length = 0;
    spans.push(...kept);
    out.push(spans);
    // a column with no span in this row keeps its parent as its own span for the next row
    const next: Span[] = [];
    for (const p of parents) {
      const inside = spans.filter((s) => s.c0 >= p.c0 && s.c1 <= p.c1);
      let c = p.c0;
      for (const s of inside) {
        if (s.c0 > c) next.push({ c0: c, c1: s.c0 - 1, text: '' });
        next.push(s);
        c = s.c1 + 1;
      }
      if (c <= p.c1) next.push({ c0: c, c1: p.c1, text: '' });
    }
    parents = next;
  }
  return out;
}

/** Builds the column tree from the band; `numericCols` are grid columns holding numbers below. */
export function buildColumns(
  g: RawGrid,
  band: HeaderBand,
): { columns: ColumnNode[]; specs: LeafSpec[] } {
  const width = gridWidth(g);
  const spans = bandSpans(g, band, width);
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    paths.push(
      spans.map((row) => row.find((s) => s.c0 <= c && c <= s.c1)?.text ?? '').filter(Boolean),
    );
  }
  // consecutive grid columns with the same path make one leaf
  const groups: { path: string[]; cols: number[] }[] = [];
  for (let c = 0; c < width; c++) {
    const prev = groups[groups.length - 1];
    const key = paths[c].join('\u0001');
    if (prev && prev.path.join('\u0001') === key && key !== '') prev.cols.push(c);
    else if (key !== '' || !prev) groups.push({ path: paths[c], cols: [c] });
    else prev.cols.push(c); // trailing unlabelled columns join the leaf on their left
  }
  const firstAmount = groups.findIndex((x) =>
    x.path.some((t) => YEAR.test(fold(t)) || canonicalSource(t)),
  );
  const used = new Set<string>();
  const specs: LeafSpec[] = groups.map((grp, i) => {
    const year = grp.path.map((t) => YEAR.exec(fold(t))?.[1]).find(Boolean);
    const source = grp.path.map((t) => canonicalSource(t)).find(Boolean) ?? undefined;
    let role = year || source ? 'amount' : roleOf(grp.path, i, firstAmount);
    let id: string =
      role === 'number'
        ? 'tt'
        : role === 'amount'
          ? amountColumnId(Number(year ?? 0), source ?? 'total')
          : role;
    if (role === 'amount' && !year) id = `src_${slug(source!)}`;
    if (role === 'value') id = `c${grp.cols[0]}`;
    if (used.has(id)) {
      if (role !== 'amount' && role !== 'value')
        role = numericBelow(g, band, grp.cols) ? 'value' : 'text';
      id = `c${grp.cols[0]}`;
    }
    used.add(id);
    const leaf: ColumnLeaf = {
      kind: 'leaf',
      id,
      label: grp.path[grp.path.length - 1] ?? '',
      role: role as ColumnLeaf['role'],
    };
    if (year) leaf.year = Number(year);
    if (source) leaf.source = source;
    if (band.codeRow !== null) {
      const code = grp.cols.map((c) => cellText(g, band.codeRow!, c)).find(Boolean);
      if (code) leaf.code = code;
    }
    return { leaf, cols: grp.cols };
  });
  twiceClaimed(specs);
  return {
    columns: tree(
      specs,
      groups.map((x) => x.path),
    ),
    specs,
  };
}

/** Nests leaves under the header texts above them (year groups get `y<year>` ids). */
function tree(specs: LeafSpec[], paths: string[][]): ColumnNode[] {
  let k = 0;
  const build = (items: { spec: LeafSpec; path: string[] }[], depth: number): ColumnNode[] => {
    const out: ColumnNode[] = [];
    let i = 0;
    while (i < items.length) {
      const it = items[i];
      if (it.path.length <= depth + 1) {
        out.push(it.spec.leaf);
        i++;
        continue;
      }
      const head = it.path[depth];
      let j = i;
      while (j < items.length && items[j].path.length > depth + 1 && items[j].path[depth] === head)
        j++;
      const year = YEAR.exec(fold(head))?.[1];
      const children = build(items.slice(i, j), depth + 1);
      out.push({
        kind: 'group',
        id: year ? `y${year}` : `g${++k}`,
        label: head,
        ...(year ? { year: Number(year) } : {}),
        children,
      });
      i = j;
    }
    return out;
  };
  return build(
    specs.map((spec, i) => ({ spec, path: paths[i] })),
    0,
  );
}
