/**
 * More layout variants of an audited table, as other offices and other programs write the same
 * figures: the table shifted right past empty columns or far down, header merges unmerged (label
 * repeated in every cell, or kept in the first only), zeros as dash placeholders, negatives in
 * parentheses or with a Unicode minus, thousands split by (no-break) spaces, a whole sheet typed
 * in the English style (four-digit figures ungrouped or not), numbering written
 * `I.`/`1.`/`1)`/`a)`/`ii.`, capital letters further down the list (`I`, `K`, `L`), the unit line
 * moved right of the title, labels decomposed (NFD) with stray spaces, a second small table below
 * the first (its own title and header: its `Cộng` totals its own lines). None changes a figure or
 * a rule: the checks must say the same of each (see layouts.ts).
 */
import type { RawCell, RawGrid } from '../../io/appendix/grid';
import { insertRows, type SheetAudit } from './hostileLayouts';

type Variant = (g: RawGrid, a: SheetAudit) => RawGrid | null;

const isFigure = (c: RawCell | undefined) => typeof c?.value === 'number';

/** The grid with every cell of rows `r0..r1` passed through `f` (null: unchanged). */
function mapCells(
  g: RawGrid,
  r0: number,
  r1: number,
  f: (c: RawCell, r: number, k: number) => RawCell | null,
): RawGrid | null {
  let changed = 0;
  const rows = g.rows.map((row, r) =>
    r < r0 || r > r1
      ? row
      : row.map((c, k) => {
          const v = c && f(c, r, k);
          if (!v) return c;
          changed++;
          return v;
        }),
  );
  return changed ? { ...g, rows } : null;
}

const dataRows = (g: RawGrid, a: SheetAudit) => {
  const d0 = g.lineOf.indexOf(a.data!.first);
  const d1 = g.lineOf.indexOf(a.data!.last);
  return d0 < 0 || d1 < 0 ? null : { d0, d1 };
};
const headerRows = (g: RawGrid, a: SheetAudit) => {
  const h0 = g.lineOf.indexOf(a.header!.first);
  const h1 = g.lineOf.indexOf(a.header!.last);
  return h0 < 0 || h1 < 0 ? null : { h0, h1 };
};

/** A figure's digits as printed (`#,##0` → `61,600`), or null when it is not a plain number. */
const printed = (c: RawCell): string | null => {
  const t = c.text.trim();
  return isFigure(c) && /^-?[\d,]+(\.\d+)?$/.test(t) ? t : null;
};

/**
 * The capital letters `A`…`E` of a table's sections six further down a Vietnamese list (which has
 * no `F`, `J`: … G, H, I, K, L), the roman numerals under them left as they are.
 */
const FURTHER: Record<string, string> = { A: 'G', B: 'H', C: 'I', D: 'K', E: 'L' };

/** The number column's marker rewritten by `f` (`I` → `I.`), in the data rows. */
const renumber =
  (f: (t: string) => string | null): Variant =>
  (g, a) => {
    const d = dataRows(g, a);
    if (!d) return null;
    const cols = Object.entries(a.columns ?? {})
      .filter(([, kind]) => kind === 'number')
      .map(([l]) => l.charCodeAt(0) - 65);
    return mapCells(g, d.d0, d.d1, (c, _r, k) => {
      if (!cols.includes(k)) return null;
      const t = c.text.trim();
      const to = t && f(t);
      return to && to !== t ? { text: to } : null;
    });
  };

/**
 * A small table of its own inserted below the data (after `before`, blank lines or a signature
 * block): `title`, a header of `labels` (STT, name, then figure columns from the first amount's
 * column on), two lines and a total. The checks of the audited table must say the same.
 */
const secondTable =
  (before: RawCell[][], title: string, labels: string[], total: string): Variant =>
  (g, a) => {
    const d = dataRows(g, a);
    const amount = Object.entries(a.columns ?? {}).find(([, k]) => k === 'amount');
    if (!d || !amount) return null;
    const fc = amount[0].charCodeAt(0) - 65;
    const lc = fc > 1 ? 1 : 0;
    const figs = labels.length - 2;
    const row = (cells: Record<number, RawCell>) =>
      Array.from({ length: fc + figs }, (_, k) => cells[k] ?? { text: '' });
    const n = (v: number) => ({ text: String(v), value: v });
    const line = (no: string, name: string, vs: number[]) =>
      row({
        0: { text: no },
        [lc]: { text: name },
        ...Object.fromEntries(vs.map((v, k) => [fc + k, n(v)])),
      });
    const xs = [1200, 950].slice(0, figs);
    const ys = [800, 650].slice(0, figs);
    return insertRows(g, d.d1 + 1, [
      ...before,
      row({ [lc]: { text: title } }),
      row({
        0: { text: labels[0] },
        [lc]: { text: labels[1] },
        ...Object.fromEntries(labels.slice(2).map((t, k) => [fc + k, { text: t }])),
      }),
      line('1', 'Vốn đối ứng ODA', xs),
      line('2', 'Vốn trái phiếu Chính phủ', ys),
      line(
        '',
        total,
        xs.map((x, k) => x + ys[k]),
      ),
    ]);
  };

export const officeVariants: Record<string, Variant> = {
  'a second small table below, with its own title and header': secondTable(
    [[], []],
    'Biểu 2: VỐN ĐỐI ỨNG CÁC DỰ ÁN ODA',
    ['STT', 'Nội dung', 'Số tiền'],
    'Cộng',
  ),
  'a second table after a signature block, its header of other columns': secondTable(
    [[], [{ text: 'NGƯỜI LẬP BIỂU' }, { text: '' }, { text: 'THỦ TRƯỞNG ĐƠN VỊ' }], []],
    'PHỤ LỤC 2: KẾ HOẠCH VÀ THỰC HIỆN VỐN ĐỐI ỨNG',
    ['TT', 'Tên nguồn vốn', 'Kế hoạch', 'Thực hiện'],
    'Tổng cộng',
  ),
  'a second table straight under the first, titled `II.`, no blank line': secondTable(
    [],
    'II. DỰ KIẾN NGUỒN VỐN ĐỐI ỨNG',
    ['TT', 'Danh mục', 'Số vốn'],
    'Tổng số',
  ),
  'the table shifted right past two empty columns': (g) => ({
    ...g,
    rows: g.rows.map((row) => (row.length ? [{ text: '' }, { text: '' }, ...row] : row)),
    merges: g.merges.map((m) => ({ ...m, c0: m.c0 + 2, c1: m.c1 + 2 })),
    hiddenCols: g.hiddenCols && new Set([...g.hiddenCols].map((c) => c + 2)),
  }),
  'the table starting 12 rows down': (g) =>
    insertRows(
      g,
      0,
      Array.from({ length: 12 }, () => []),
    ),
  'header merges unmerged, the label repeated in every cell': (g, a) => {
    const h = headerRows(g, a);
    if (!h) return null;
    const inside = g.merges.filter((m) => m.r0 <= h.h1 && m.r1 >= h.h0);
    if (!inside.length) return null;
    const rows = g.rows.map((r) => r.slice());
    for (const m of inside) {
      const cell = g.rows[m.r0]?.[m.c0] ?? { text: '' };
      for (let r = m.r0; r <= m.r1; r++)
        for (let c = m.c0; c <= m.c1; c++) {
          while (rows[r].length <= c) rows[r].push({ text: '' });
          rows[r][c] = { ...cell };
        }
    }
    return { ...g, rows, merges: g.merges.filter((m) => !inside.includes(m)) };
  },
  'header merges unmerged, the label in the first cell only': (g, a) => {
    const h = headerRows(g, a);
    if (!h) return null;
    const inside = g.merges.filter((m) => m.r0 <= h.h1 && m.r1 >= h.h0);
    if (!inside.length) return null;
    const rows = g.rows.map((r) => r.slice());
    for (const m of inside)
      for (let r = m.r0; r <= m.r1; r++)
        for (let c = m.c0; c <= m.c1; c++)
          if ((r !== m.r0 || c !== m.c0) && rows[r][c]) rows[r][c] = { text: '' };
    return { ...g, rows, merges: g.merges.filter((m) => !inside.includes(m)) };
  },
  'zeros written as dash placeholders (`-`, `–`)': (g, a) => {
    const d = dataRows(g, a);
    if (!d) return null;
    let k = 0;
    return mapCells(g, d.d0, d.d1, (c) =>
      c.value === 0 && !c.formula ? { text: k++ % 2 ? '–' : '-' } : null,
    );
  },
  'negatives in parentheses or with a Unicode minus': (g, a) => {
    const d = dataRows(g, a);
    if (!d) return null;
    let k = 0;
    return mapCells(g, d.d0, d.d1, (c) => {
      if (!isFigure(c) || (c.value as number) >= 0) return null;
      const t = (printed(c) ?? '')
        .replace(/^-/, '')
        .replace(/[.,]/g, (x) => (x === ',' ? '.' : ','));
      if (!t) return null;
      return { text: k++ % 2 ? `−${t}` : `(${t})` };
    });
  },
  'thousands split by no-break or thin spaces (`61 600`)': (g, a) => {
    const d = dataRows(g, a);
    if (!d) return null;
    return mapCells(g, d.d0, d.d1, (c, r) => {
      const t = printed(c);
      if (!t || !t.includes(',')) return null;
      return { text: t.replace(/,/g, r % 2 ? '\u00a0' : '\u202f').replace('.', ',') };
    });
  },
  'the whole sheet typed as text in the English style (`61,600.5`)': (g, a) => {
    const d = dataRows(g, a);
    if (!d) return null;
    return mapCells(g, d.d0, d.d1, (c) => {
      const t = printed(c);
      return t ? { text: t } : null;
    });
  },
  // (few `61,600` beside plain figures: the sums the table states tell the style, numberStyle.ts)
  'the whole sheet typed as text in the English style, four-digit figures ungrouped (`9500`)': (
    g,
    a,
  ) => {
    const d = dataRows(g, a);
    if (!d) return null;
    return mapCells(g, d.d0, d.d1, (c) => {
      const t = printed(c);
      if (!t) return null;
      return { text: Math.abs(c.value as number) < 10000 ? t.replace(/,/g, '') : t };
    });
  },
  'numbering written with a dot (`I.`, `1.`, `a.`)': renumber((t) =>
    /^([IVXivx]+|\d+|[a-zđ])$/.test(t) ? `${t}.` : null,
  ),
  'numbering written with a parenthesis (`1)`, `a)`)': renumber((t) =>
    /^(\d+|[a-zđ])$/.test(t) ? `${t})` : null,
  ),
  // (`i.` is also a letter: read in the sequence of the sheet's numbers, domain/rowNumbering.ts)
  'roman numerals in lower case with a dot (`ii.`)': renumber((t) =>
    /^[IVX]+$/.test(t) ? `${t.toLowerCase()}.` : null,
  ),
  // (`I` after `H` a letter when the list goes on to `K`, the first numeral when `II` follows; `L`
  // after `K` a letter: read in the sequence of the sheet's numbers, domain/rowNumbering.ts)
  // (the rules the labels state, `Tổng số (A+B+C)`, name the letters as the table writes them)
  'capital letters further down a longer list (`A` → `G` … `C` → `I`, `E` → `L`)': (g, a) => {
    const moved = renumber((t) => FURTHER[t] ?? null)(g, a);
    const d = moved && dataRows(moved, a);
    if (!moved || !d) return moved;
    const rule = /\(([A-E](?:\s*[-+=−–]\s*[A-E])+)\)/g;
    const letters = (x: string) => x.replace(/[A-E]/g, (l) => FURTHER[l]);
    return (
      mapCells(moved, d.d0, d.d1, (c) => {
        const t = isFigure(c) ? c.text : c.text.replace(rule, (_, x: string) => `(${letters(x)})`);
        return t === c.text ? null : { text: t };
      }) ?? moved
    );
  },
  'the unit line moved right of the title': (g, a) => {
    const h = headerRows(g, a);
    if (!h) return null;
    let at = -1;
    let col = -1;
    for (let r = 0; r < h.h0 && at < 0; r++)
      (g.rows[r] ?? []).forEach((c, k) => {
        if (/^\(?\s*(đvt|đơn vị)/i.test(c?.text.trim() ?? '')) [at, col] = [r, k];
      });
    const title = g.rows.findIndex(
      (row, r) => r < at && row.some((c) => /\p{Lu}{4}/u.test(c?.text ?? '')),
    );
    if (at < 0 || title < 0 || title === at) return null;
    const rows = g.rows.map((r) => r.slice());
    const unit = rows[at][col];
    rows[at][col] = { text: '' };
    const w = Math.max(...g.rows.map((r) => r.length));
    while (rows[title].length < w) rows[title].push({ text: '' });
    rows[title][w - 1] = unit;
    return { ...g, rows, merges: g.merges.filter((m) => !(m.r0 <= title && m.r1 >= title)) };
  },
  'labels decomposed (NFD) with double and trailing spaces': (g, a) => {
    const d = dataRows(g, a);
    const h = headerRows(g, a);
    if (!d || !h) return null;
    return mapCells(g, h.h0, d.d1, (c) => {
      if (isFigure(c) || !/\p{L}{2}/u.test(c.text)) return null;
      const t = c.text.normalize('NFD').replace(/ /, '  ');
      return t === c.text ? null : { text: `${t} ` };
    });
  },
};

/**
 * Layouts the reading does not yet read the same (kept out of the audit's count; run them with
 * `npx tsx scripts/audit/layouts.ts --open`): none at present.
 */
export const openVariants: Record<string, Variant> = {};
