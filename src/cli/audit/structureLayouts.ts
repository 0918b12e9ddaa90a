/**
 * Structural layout variants of an audited table, as offices really lay out the same figures: no
 * number column (the numbering written in the name cell), section rows merged across the number
 * and name columns (or all the text columns), line breaks inside cells (Alt+Enter) with stray
 * spaces, `x`/`-` written for "not applicable" in figure cells and zeros written or left blank,
 * a hidden column of stale figures. None changes a figure or a rule: the checks must say the
 * same of each (see layouts.ts).
 */
import { colIndex } from '../../domain/formulaRefs';
import type { RawCell, RawGrid, RawMerge } from '../../io/appendix/grid';
import { insertCols, labelCol, type SheetAudit } from './hostileLayouts';

type Variant = (g: RawGrid, a: SheetAudit) => RawGrid | null;

const colsOf = (a: SheetAudit, kinds: string[]) =>
  Object.entries(a.columns ?? {})
    .filter(([, k]) => kinds.includes(k))
    .map(([c]) => colIndex(c))
    .sort((x, y) => x - y);
const isFigure = (c: RawCell | undefined) => typeof c?.value === 'number';
const blank = (c: RawCell | undefined) => !(c?.text ?? '').trim() && c?.value == null;
/** Whether cell (r, k) lies under a merge past its first cell: hidden, no officer types there. */
const covered = (g: RawGrid, r: number, k: number) =>
  g.merges.some((m) => m.r0 <= r && r <= m.r1 && m.c0 <= k && k <= m.c1 && (m.r0 < r || m.c0 < k));

/** The table's rows, its number and label columns (the number column left of the label). */
function shape(g: RawGrid, a: SheetAudit) {
  const d0 = g.lineOf.indexOf(a.data?.first ?? -1);
  const d1 = g.lineOf.indexOf(a.data?.last ?? -1);
  const nc = colsOf(a, ['number'])[0];
  if (d0 < 0 || d1 < 0 || nc === undefined) return null;
  const lc = labelCol(g, d0, d1);
  const heads = new Set([...(a.totals ?? []), ...((a as { sections?: number[] }).sections ?? [])]);
  const headRows = [...heads].map((l) => g.lineOf.indexOf(l)).filter((r) => r >= 0);
  return nc < lc ? { d0, d1, nc, lc, headRows } : null;
}

/** The grid's rows copied, cell `(r, c)` set to `cell` (the row padded). */
function put(rows: RawCell[][], r: number, c: number, cell: RawCell): void {
  rows[r] = Array.from(
    { length: Math.max(rows[r].length, c + 1) },
    (_, k) => rows[r][k] ?? { text: '' },
  );
  rows[r][c] = cell;
}

/** The number cell's marker as written inside a name (`I` → `I.`, `a` → `a)`, `-` kept). */
const marker = (t: string, dash: boolean) =>
  /[.)]$|^[-+*•–]$/.test(t) ? t : dash ? '-' : /^[a-zđ]$/.test(t) ? `${t})` : `${t}.`;

/**
 * The arabic-numbered rows written `- …`: those of a run of arabic siblings (between two rows
 * numbered higher) none of which has lines under it (a `- …` list of items, as offices write it).
 */
function dashRows(g: RawGrid, d0: number, d1: number, nc: number): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  let leaves = true;
  const close = () => {
    if (leaves) run.forEach((r) => out.add(r));
    [run, leaves] = [[], true];
  };
  let last = -1; // the last arabic row, whose next line tells whether it has lines under it
  for (let r = d0; r <= d1 + 1; r++) {
    const row = g.rows[r] ?? [];
    if (r <= d1 && !row.some((c) => (c?.text ?? '').trim())) continue;
    const t = r > d1 ? 'I' : (row[nc]?.text ?? '').trim();
    if (last >= 0 && !/^(\d+|[IVX]+|[A-Z])$/.test(t)) leaves = false;
    last = -1;
    if (/^\d+$/.test(t)) [run, last] = [[...run, r], r];
    else if (/^([IVX]+|[A-Z])$/.test(t)) close();
  }
  return out;
}

/** The number column removed, its marker written before the name (`dash`: arabic leaves `- `). */
const numberInName =
  (dash: boolean): Variant =>
  (g, a) => {
    const s = shape(g, a);
    if (!s) return null;
    const rows = g.rows.map((r) => r.slice());
    const dashes = dash ? dashRows(g, s.d0, s.d1, s.nc) : new Set<number>();
    for (let r = s.d0; r <= s.d1; r++) {
      const t = (rows[r][s.nc]?.text ?? '').trim();
      if (!t) continue;
      const name = (rows[r][s.lc]?.text ?? '').trim();
      const m = marker(t, dashes.has(r));
      put(rows, r, s.lc, { ...rows[r][s.lc], text: name ? `${m} ${name}` : m });
    }
    // the title lines above the header and the notes below the table, typed in the first column,
    // stay (a table without a number column keeps them in its new first column)
    const h0 = g.lineOf.indexOf(a.header?.first ?? -1);
    for (let r = 0; r < rows.length; r++) {
      if ((r >= h0 && r <= s.d1) || blank(rows[r][s.nc]) || !blank(rows[r][s.nc + 1])) continue;
      put(rows, r, s.nc + 1, rows[r][s.nc]);
    }
    const gone = (m: RawMerge) => m.c0 === s.nc && m.c1 === s.nc;
    const at = (c: number) => (c > s.nc ? c - 1 : c);
    return {
      ...g,
      rows: rows.map((row) => row.filter((_, k) => k !== s.nc)),
      merges: g.merges
        .filter((m) => !gone(m))
        .map((m) => ({ ...m, c0: at(m.c0), c1: m.c1 >= s.nc ? m.c1 - 1 : m.c1 })),
      hiddenCols: g.hiddenCols && new Set([...g.hiddenCols].filter((c) => c !== s.nc).map(at)),
    };
  };

/** The total and section rows merged from the number column to `end`, the label in the first. */
const mergedHeads =
  (toText: boolean): Variant =>
  (g, a) => {
    const s = shape(g, a);
    const fig = colsOf(a, ['amount', 'ratio'])[0];
    if (!s || fig === undefined) return null;
    const end = toText ? fig - 1 : s.lc;
    const rows = g.rows.slice();
    const merges = g.merges.slice();
    for (const r of s.headRows) {
      const row = rows[r] ?? [];
      const texts = Array.from({ length: end - s.nc + 1 }, (_, k) =>
        (row[s.nc + k]?.text ?? '').trim(),
      );
      const busy = merges.some((m) => m.r0 <= r && m.r1 >= r && m.c1 >= s.nc && m.c0 <= end);
      if (busy || texts.slice(1).filter(Boolean).length > 1 || !texts.some(Boolean)) continue;
      rows[r] = row.slice();
      const no = texts[0];
      const name = texts.slice(1).find(Boolean) ?? '';
      for (let c = s.nc; c <= end; c++) put(rows, r, c, { text: '' });
      put(rows, r, s.nc, {
        ...row[s.lc],
        text: no && name ? `${marker(no, false)} ${name}` : no || name,
      });
      merges.push({ r0: r, r1: r, c0: s.nc, c1: end });
    }
    return merges.length > g.merges.length ? { ...g, rows, merges } : null;
  };

const BREAKS = [' \n', '\n ', '\n', ' \n  '];
/** A text with a line break (and a stray space) at the space nearest its middle. */
function broken(t: string, k: number): string | null {
  const mid = Math.floor(t.length / 2);
  const spaces = [...t.matchAll(/ /g)].map((m) => m.index!);
  if (!spaces.length) return null;
  const at = spaces.sort((x, y) => Math.abs(x - mid) - Math.abs(y - mid))[0];
  return `${t.slice(0, at)}${BREAKS[k % BREAKS.length]}${t.slice(at + 1)}`;
}

/** Every cell of rows r0..r1 that `f` rewrites (null: kept); null when none is. */
function rewrite(
  g: RawGrid,
  r0: number,
  r1: number,
  f: (c: RawCell, r: number, k: number) => RawCell | null,
) {
  let n = 0;
  const rows = g.rows.map((row, r) =>
    r < r0 || r > r1
      ? row
      : row.map((c, k) => {
          const v = f(c ?? { text: '' }, r, k);
          if (v) n++;
          return v ?? c;
        }),
  );
  return n ? { ...g, rows } : null;
}

/** A hidden copy of column `src` at `at` (its header copied, as Ctrl+C copies it), its figures older (×2 + 7). */
function staleColumn(g: RawGrid, src: number, at: number, from: number): RawGrid {
  const v = insertCols(g, at, 1);
  const s = src >= at ? src + 1 : src;
  const rows = v.rows.map((row, r) => {
    const c = row[s];
    if (!c || blank(c)) return row;
    const out = row.slice();
    while (out.length <= at) out.push({ text: '' });
    // the header copied as it stands, its column code too: a code typed as a number (`1`, `3`) is
    // no figure to age (a hidden column under a code of its own is another column of the table,
    // Plan_2012 M08 `11=4+9+10`: no reader, human or program, could tell it stale)
    if (r < from) out[at] = isFigure(c) ? { text: c.text, value: c.value } : { text: c.text };
    else if (!isFigure(c)) out[at] = c;
    else {
      const old = (c.value as number) * 2 + 7;
      out[at] = { text: String(old), value: old };
    }
    return out;
  });
  return { ...v, rows, hiddenCols: new Set([...(v.hiddenCols ?? []), at]) };
}

export const structureVariants: Record<string, Variant> = {
  'no number column, the numbering written in the name cell (`I. …`, `1. …`, `a) …`)':
    numberInName(false),
  'no number column, the numbering in the name cell, the items written `- …`': numberInName(true),
  'a hidden column of stale figures before an amount column': (g, a) => {
    const figs = colsOf(a, ['amount']);
    const h0 = g.lineOf.indexOf(a.header?.first ?? -1);
    const d0 = g.lineOf.indexOf(a.data?.first ?? -1);
    const src = figs[Math.min(1, figs.length - 1)];
    if (src === undefined || h0 < 0 || d0 < 0) return null;
    return staleColumn(g, src, src, d0);
  },
  'a hidden stale column at the right end of the table': (g, a) => {
    const figs = colsOf(a, ['amount']);
    const d0 = g.lineOf.indexOf(a.data?.first ?? -1);
    if (!figs.length || d0 < 0) return null;
    const w = Math.max(...g.rows.map((r) => r.length));
    return staleColumn(g, figs[0], w, d0);
  },
  'total and section rows merged across the number and name columns': mergedHeads(false),
  'total and section rows merged across all the text columns': mergedHeads(true),
  'header labels broken over lines inside the cell (`Vốn \\nĐTPT`)': (g, a) => {
    const h0 = g.lineOf.indexOf(a.header?.first ?? -1);
    const h1 = g.lineOf.indexOf(a.header?.last ?? -1);
    const code = g.lineOf.indexOf(a.header?.codeRow ?? -1);
    if (h0 < 0 || h1 < 0) return null;
    let k = 0;
    return rewrite(g, h0, h1, (c, r) =>
      r === code || isFigure(c) || !/\p{L}/u.test(c.text)
        ? null
        : ((t) => (t ? { ...c, text: t } : null))(broken(c.text.trim(), k++)),
    );
  },
  'long names broken over lines inside the cell, stray spaces around the break': (g, a) => {
    const s = shape(g, a);
    if (!s) return null;
    let k = 0;
    return rewrite(g, s.d0, s.d1, (c, _r, col) =>
      col !== s.lc || c.text.trim().length < 25
        ? null
        : ((t) => (t ? { ...c, text: t } : null))(broken(c.text.trim(), k++)),
    );
  },
  '`x` in the blank figure cells of the total and section rows': (g, a) => {
    const s = shape(g, a);
    const figs = colsOf(a, ['amount', 'ratio']);
    if (!s) return null;
    const heads = new Set(s.headRows);
    return rewrite(g, s.d0, s.d1, (c, r, k) =>
      heads.has(r) && figs.includes(k) && blank(c) ? { text: 'x' } : null,
    );
  },
  '`x` or `-` in blank figure cells of project rows': (g, a) => {
    const s = shape(g, a);
    const figs = colsOf(a, ['amount']);
    if (!s) return null;
    const heads = new Set(s.headRows);
    let n = 0;
    return rewrite(g, s.d0, s.d1, (c, r, k) =>
      !heads.has(r) && figs.includes(k) && blank(c) && (g.rows[r] ?? []).some(isFigure)
        ? { text: n++ % 2 ? '-' : 'x' }
        : null,
    );
  },
  'zeros written `0` or left blank, mixed': (g, a) => {
    const s = shape(g, a);
    const figs = colsOf(a, ['amount']);
    if (!s) return null;
    const heads = new Set(s.headRows);
    let n = 0;
    return rewrite(g, s.d0, s.d1, (c, r, k) => {
      if (!figs.includes(k)) return null;
      if (c.value === 0 && !c.formula) return n++ % 2 ? { text: '' } : null;
      const item = !heads.has(r) && (g.rows[r] ?? []).some(isFigure);
      return item && blank(c) && !covered(g, r, k) && n++ % 2 ? { text: '0', value: 0 } : null;
    });
  },
};

/**
 * Structural layouts not yet read the same by all sheets (kept out of the audit's count; run them
 * with `npx tsx scripts/audit/layouts.ts --open`): none now. The tables without a number column
 * (their items written `- …` too) are read the same since a bullet ends an of-which block only as
 * an open section's style (rowNesting.ts); the hidden stale columns since their header is copied
 * as it stands.
 */
export const structureOpenVariants: Record<string, Variant> = {};
