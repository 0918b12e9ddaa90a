/**
 * How departments hand back a table they were sent: the same grid with rows reordered, names
 * respelled (abbreviations, case, decomposed diacritics, stray spaces, `1.` → `1)`), a name wrapped
 * onto a second line, a column inserted, a few figures changed. Each edit keeps, for every row of
 * the new grid, the row of the old one it came from, so a comparison can be held to it.
 */
import type { RawCell, RawGrid } from '../../io/appendix/grid';

/** A grid as a department returns it: `from[r]` is the old grid's row of new row r (-1: new). */
export interface Edited {
  grid: RawGrid;
  from: number[];
  /** Figures changed: old row, old column, before and after. */
  changed: { row: number; col: number; before: number; after: number }[];
  /** The old grid as the edit set it up (two projects given one name): compared instead of it. */
  base?: RawGrid;
  /** Old rows of projects put under another section (to be reported as moved). */
  moved?: number[];
  /** Splits and merges made: old rows, new rows (to be reported as such). */
  groups?: { kind: 'split' | 'merge'; a: number[]; b: number[] }[];
  /** Old rows of projects outside the part the department returned (neither removed nor paired). */
  outside?: number[];
}

/** A project row of the old grid: its row, the column of its name and of its numbering. */
export interface ItemRow {
  row: number;
  nameCol: number;
  numberCol: number | null;
  /** Its section (rows of one section may be reordered among themselves). */
  parent: string | null;
  /** An *of which* part (a breakdown of the row above it, not a project of its own). */
  part?: boolean;
}

const text = (c: RawCell | undefined) => (c?.text ?? '').trim();

/** A grid with rows rearranged (`order[r]` is the old row of new row r, -1 a new row). */
export function reordered(g: RawGrid, order: number[]): RawGrid {
  const newOf = new Map(order.map((r, i) => [r, i]));
  const at = (r: number) => newOf.get(r) ?? -1;
  return {
    ...g,
    rows: order.map((r) => g.rows[r] ?? []),
    lineOf: order.map((_, i) => i + 1),
    // merges whose rows stay together keep their cells
    merges: g.merges
      .filter((m) => at(m.r0) >= 0 && at(m.r1) - at(m.r0) === m.r1 - m.r0)
      .map((m) => ({ ...m, r0: at(m.r0), r1: at(m.r1) })),
    hiddenRows: g.hiddenRows && new Set([...g.hiddenRows].map(at).filter((r) => r >= 0)),
  };
}

/** The identity edit: every row from itself, no figure changed. */
export function unchanged(g: RawGrid): Edited {
  return {
    grid: reordered(
      g,
      g.rows.map((_, i) => i),
    ),
    from: g.rows.map((_, i) => i),
    changed: [],
  };
}

/** How an item is numbered: `1`, `1.`, `a)` or a bullet (`-`, `+`, `•`), or null. */
export function numberStyle(g: RawGrid, it: ItemRow): string | null {
  const t = it.numberCol === null ? '' : text(g.rows[it.row][it.numberCol]);
  return /^\d+[.)]?$/.test(t) ? 'digit' : /^[-–+•*]$/.test(t) ? t : null;
}

/**
 * Numbered items of each section reversed, each with the rows under it up to the next one (its
 * parts, an *of which* list, a wrapped name); the numbering stays where it was (the department
 * renumbers), so a row's number never names it. The last item of a run stays in place (where
 * its own rows end is unknown), and so do runs inside a moved block.
 */
export function reverseWithin(g: RawGrid, items: readonly ItemRow[]): Edited {
  const numbered = items.filter((x) => numberStyle(g, x) !== null);
  const order = g.rows.map((_, i) => i);
  // runs of items of one section numbered alike, each item a block up to the next one
  const runs: { start: number; end: number; it: ItemRow }[][] = [[]];
  numbered.forEach((it, k) => {
    const next = numbered[k + 1];
    const alike = next && next.parent === it.parent && numberStyle(g, next) === numberStyle(g, it);
    if (alike) runs[runs.length - 1].push({ start: it.row, end: next.row, it });
    else runs.push([]);
  });
  let covered = -1;
  for (const run of runs) {
    if (run.length < 2 || run[0].start <= covered) continue;
    const end = run[run.length - 1].end;
    const rows = [...run].reverse().flatMap((b) => order.slice(b.start, b.end));
    order.splice(run[0].start, rows.length, ...rows);
    covered = end - 1;
  }
  const grid = reordered(g, order);
  const numberAt = new Map(numbered.map((x) => [x.row, x.numberCol!]));
  grid.rows = grid.rows.map((cells, r) => {
    const col = numberAt.get(r);
    if (col === undefined || numberAt.get(order[r]) !== col || order[r] === r) return cells;
    const out = cells.slice();
    out[col] = g.rows[r][col];
    return out;
  });
  return { grid, from: order, changed: [] };
}

/** Abbreviations of administrative writing, each written the other way. */
export const ABBREVIATIONS: [RegExp, string][] = [
  [/[UỦ][yỷ] ban nhân dân/giu, 'UBND'],
  [/\bUBND\b/gu, 'Ủy ban nhân dân'],
  [/công nghệ thông tin/giu, 'CNTT'],
  [/\bCNTT\b/gu, 'công nghệ thông tin'],
  [/^Xây dựng/iu, 'XD'],
  [/\bXD\b/gu, 'Xây dựng'],
  [/quản lý nhà nước/giu, 'QLNN'],
  [/Thông tin và Truyền thông/giu, 'TT&TT'],
  [/Tài nguyên và Môi trường/giu, 'TN&MT'],
  [/Giáo dục và Đào tạo/giu, 'GD&ĐT'],
  [/Nông nghiệp và Phát triển nông thôn/giu, 'NN&PTNT'],
  [/Kế hoạch và Đầu tư/giu, 'KH&ĐT'],
  [/Khoa học và Công nghệ/giu, 'KH&CN'],
  [/Lao động\s*[-–]\s*Thương binh và Xã hội/giu, 'LĐ-TB&XH'],
  [/Giao thông vận tải/giu, 'GTVT'],
  [/^Thành phố /iu, 'TP. '],
];

/**
 * A name as another hand types it: abbreviations written the other way (`UBND` / `Ủy ban nhân
 * dân`, `CNTT` / `công nghệ thông tin`), then the `k`-th of: case changed, diacritics decomposed
 * (NFD), stray spaces, all three.
 */
export function respelled(name: string, k: number): string {
  let out = name;
  for (const [re, to] of ABBREVIATIONS) if (re.test(out)) out = out.replace(re, to);
  const way = k % 4;
  if (way === 0 || way === 3)
    out =
      out === out.toUpperCase()
        ? out
            .toLowerCase()
            .replace(/(^|\s)(\p{L})/gu, (_, s: string, l: string) => s + l.toUpperCase())
        : out.toUpperCase();
  if (way === 1 || way === 3) out = out.normalize('NFD');
  if (way === 2 || way === 3) out = ` ${out.replace(' ', '  ')}  `;
  return out;
}

/** Every item's name respelled (one way each in turn) and `1.` numbering written `1)`. */
export function respellAll(g: RawGrid, items: readonly ItemRow[]): Edited {
  const e = unchanged(g);
  items.forEach((it, k) => {
    const cells = (e.grid.rows[it.row] = e.grid.rows[it.row].slice());
    const c = cells[it.nameCol];
    const t = respelled(c.text, k);
    cells[it.nameCol] = { ...c, text: t, value: t };
    const n = it.numberCol === null ? undefined : cells[it.numberCol];
    if (n && /^\d+\.?$/.test(text(n))) {
      const t2 = `${text(n).replace('.', '')})`;
      cells[it.numberCol!] = { ...n, text: t2, value: t2 };
    }
  });
  return e;
}

/**
 * The name of one item wrapped: its words from the first one in lower case past the middle (a
 * phrase going on, never a proper name or a bullet) on a line of their own below it.
 */
export function wrapOne(
  g: RawGrid,
  items: readonly ItemRow[],
  figuresBelow = false,
): Edited | null {
  for (const it of items) {
    const words = text(g.rows[it.row][it.nameCol]).split(/\s+/);
    const at = words.findIndex((w, k) => k >= words.length / 2 && /^\p{Ll}/u.test(w));
    if (words.length < 4 || at < 0) continue;
    const order = g.rows.map((_, i) => i);
    order.splice(it.row + 1, 0, -1);
    const grid = reordered(g, order);
    const cells = (grid.rows[it.row] = grid.rows[it.row].slice());
    const head = words.slice(0, at).join(' ');
    const tail = words.slice(at).join(' ');
    cells[it.nameCol] = { ...cells[it.nameCol], text: head, value: head };
    const below: RawCell[] = cells.map(() => ({ text: '' }));
    below[it.nameCol] = { text: tail, value: tail };
    if (figuresBelow)
      cells.forEach((c, j) => {
        if (j > it.nameCol && typeof c?.value === 'number')
          [below[j], cells[j]] = [c, { text: '' }];
      });
    grid.rows[it.row + 1] = below;
    return { grid, from: order, changed: [] };
  }
  return null;
}

/** A text column (`Địa điểm`) inserted right of the names, written on the header line given. */
export function insertColumn(g: RawGrid, items: readonly ItemRow[], headerRow: number): Edited {
  const at = items[0].nameCol + 1;
  const e = unchanged(g);
  const itemRows = new Set(items.map((x) => x.row));
  e.grid.rows = e.grid.rows.map((cells, r) => {
    const out = cells.slice();
    const t = r === headerRow ? 'Địa điểm' : itemRows.has(r) ? 'Tỉnh' : '';
    while (out.length < at) out.push({ text: '' });
    out.splice(at, 0, t ? { text: t, value: t } : { text: '' });
    return out;
  });
  shiftRightFrom(e.grid, g, at);
  return e;
}

/**
 * An amount column (`Vốn khác`) inserted left of the first figure right of the names, written on
 * the header line given, with a figure on every item.
 */
export function insertAmountColumn(
  g: RawGrid,
  items: readonly ItemRow[],
  headerRow: number,
): Edited | null {
  const first = items[0];
  let at = g.rows[first.row].findIndex((c, j) => j > first.nameCol && typeof c?.value === 'number');
  if (at < 0) return null;
  // never inside a merged header: left of the merge
  for (const m of g.merges)
    if (m.r0 <= headerRow && headerRow <= m.r1 && m.c0 < at && at <= m.c1) at = m.c0;
  const e = unchanged(g);
  const itemRows = new Set(items.map((x) => x.row));
  e.grid.rows = e.grid.rows.map((cells, r) => {
    const out = cells.slice();
    while (out.length < at) out.push({ text: '' });
    const cell: RawCell =
      r === headerRow
        ? { text: 'Vốn khác', value: 'Vốn khác' }
        : itemRows.has(r)
          ? { text: String(100 + r), value: 100 + r }
          : { text: '' };
    out.splice(at, 0, cell);
    return out;
  });
  shiftRightFrom(e.grid, g, at);
  return e;
}

/** Every `step`-th item's first figure right of its name raised by a tenth (at least 1). */
export function changeFigures(g: RawGrid, items: readonly ItemRow[], step = 7): Edited {
  const e = unchanged(g);
  items.forEach((it, k) => {
    if (k % step !== 3) return;
    const cells = (e.grid.rows[it.row] = e.grid.rows[it.row].slice());
    const col = cells.findIndex(
      (c, j) => j > it.nameCol && typeof c?.value === 'number' && c.value !== 0,
    );
    if (col < 0) return;
    const before = cells[col].value as number;
    const after = before + Math.max(1, Math.round(Math.abs(before) / 10));
    cells[col] = { ...cells[col], value: after, text: String(after), formula: undefined };
    e.changed.push({ row: it.row, col, before, after });
  });
  return e;
}

/**
 * Rows of an edit of `e`'s grid traced back to `e`'s source: the two edits one after the other.
 * (Not named `then`: a module exporting `then` is a thenable, and importing it awaits it.)
 */
export function followedBy(e: Edited, next: Edited): Edited {
  return {
    grid: next.grid,
    from: next.from.map((r) => (r < 0 ? -1 : e.from[r])),
    changed: [...e.changed, ...next.changed],
  };
}

/**
 * All at once, as a department does: names respelled, figures changed, a column inserted, the
 * rows of each section reversed and a name wrapped.
 */
export function allAtOnce(g: RawGrid, items: readonly ItemRow[], headerRow: number): Edited {
  let e = respellAll(g, items);
  e = followedBy(e, changeFigures(e.grid, items));
  e = followedBy(e, insertColumn(e.grid, items, headerRow));
  e = followedBy(e, reverseWithin(e.grid, items));
  const moved = items
    .map((x) => ({ ...x, row: e.from.indexOf(x.row) }))
    .sort((x, y) => x.row - y.row);
  const wrapped = wrapOne(e.grid, moved);
  return wrapped ? followedBy(e, wrapped) : e;
}

/** The hidden columns (those of `g`) and merges of `grid` moved one right from `at`, a column inserted there. */
function shiftRightFrom(grid: RawGrid, g: RawGrid, at: number): void {
  if (g.hiddenCols) grid.hiddenCols = new Set([...g.hiddenCols].map((c) => (c >= at ? c + 1 : c)));
  grid.merges = grid.merges.map((m) => ({
    ...m,
    c0: m.c0 >= at ? m.c0 + 1 : m.c0,
    c1: m.c1 >= at ? m.c1 + 1 : m.c1,
  }));
}
