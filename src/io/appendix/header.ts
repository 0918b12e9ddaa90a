/** Building the column tree of a table from its header band (found in headerBand.ts). */
import { canonicalSource, fold, slug } from '../../domain/sources';
import { amountColumnId } from '../../domain/template';
import type { ColumnLeaf, ColumnNode } from '../../domain/types';
import { cellText, gridWidth, type RawGrid } from './grid';
import { type HeaderBand, YEAR } from './headerBand';
import { roleOf, twiceClaimed } from './leafRoles';
import { isErrorValue } from './rowKinds';

export { findHeaderBand, forcedBand, type HeaderBand, isCodeRow } from './headerBand';

/** A leaf column and the grid columns that feed it (a merged header may cover several). */
export interface LeafSpec {
  leaf: ColumnLeaf;
  cols: number[];
  /** The grid column where the figures stand (the one holding most numbers). */
  valueCol?: number;
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
    if (role === 'value' || role === 'text') id = `c${grp.cols[0]}`;
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
      // an error value (`#VALUE!`, `Err:520`) is a broken formula's, not a code the table prints
      const code = grp.cols
        .map((c) => cellText(g, band.codeRow!, c))
        .find((t) => t && !isErrorValue(t));
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
