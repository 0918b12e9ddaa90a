/**
 * More of what departments do to a table they return (beyond departmentEdits.ts and
 * departmentChanges.ts): whole sections reordered and renumbered (one project moved with them), a
 * project-code column (`Mã dự án`) both files have, names shortened or completed, the file in
 * another money unit, the plan rolled forward one year, a project deleted and the rest
 * renumbered with a blank line and a repeated header put in. Each keeps `from[r]`.
 */
import type { RawCell, RawGrid } from '../../io/appendix/grid';
import { followedBy, type Edited, numberStyle, reordered, unchanged } from './departmentEdits';
import { type Layout, moveOne } from './departmentChanges';
import { reverseWithin } from './departmentEdits';

const text = (c: RawCell | undefined) => (c?.text ?? '').trim();
const cellOf = (v: string | number): RawCell => ({ text: String(v), value: v });
const rowsOf = (g: RawGrid) => g.rows.map((_, i) => i);

/** The top sections holding projects, each a block of rows up to the next one (or the data's end). */
function topBlocks(L: Layout): { start: number; end: number }[] {
  const level = Math.min(...L.sections.map((s) => s.level));
  const tops = L.sections.filter((s) => s.level === level);
  const blocks = tops.map((s, k) => ({ start: s.row, end: tops[k + 1]?.row ?? L.endRow }));
  return blocks.filter((b) => L.items.some((x) => x.row > b.start && x.row < b.end));
}

/**
 * The last two top sections with projects swapped (III put before II), their numbers (`II`,
 * `III`) left where they stood: the department renumbers them. With `move`, a project first moved
 * to another section (`II.3` → `III.1`).
 */
export function sectionsSwapped(g: RawGrid, L: Layout, move = false): Edited | null {
  const first = move ? moveOne(g, L) : unchanged(g);
  const blocks = topBlocks(L);
  if (!first || blocks.length < 2) return null;
  const [p, q] = blocks.slice(-2);
  if (p.end !== q.start || L.totals.some((t) => t > p.start && t < q.end)) return null;
  // rows of the moved grid: the blocks found again by where their section rows went
  const at = (r: number) => first.from.indexOf(r);
  const [ps, qs, qe] = [
    at(p.start),
    at(q.start),
    q.end >= g.rows.length ? g.rows.length : at(q.end),
  ];
  if (ps < 0 || qs < 0 || qe < 0) return null;
  const order = rowsOf(first.grid);
  order.splice(ps, qe - ps, ...order.slice(qs, qe), ...order.slice(ps, qs));
  const grid = reordered(first.grid, order);
  // the section numbers stay in place (renumbered): the first cell of each section row
  const col = g.rows[p.start].findIndex((c) => text(c) !== '');
  const roman = (r: number) => /^[IVXL]+\.?$/.test(text(first.grid.rows[r][col]));
  if (roman(ps) && roman(qs)) {
    const [x, y] = [ps, ps + qe - qs];
    [grid.rows[x], grid.rows[y]] = [grid.rows[x].slice(), grid.rows[y].slice()];
    [grid.rows[x][col], grid.rows[y][col]] = [first.grid.rows[ps][col], first.grid.rows[qs][col]];
  }
  const e = followedBy(first, { grid, from: order, changed: [] });
  return move ? { ...e, moved: first.moved } : e;
}

/** Projects in the middle of their section with figures, each row the whole project. */
function middles(g: RawGrid, L: Layout) {
  const starts = new Set([...L.items.map((x) => x.row), ...L.sections.map((s) => s.row)]);
  return L.items.filter(
    (x, k) =>
      k > 0 &&
      !x.part &&
      starts.has(x.row + 1) &&
      L.items[k - 1].parent === x.parent &&
      L.items[k + 1]?.parent === x.parent &&
      g.rows[x.row].some((c, j) => j > x.nameCol && typeof c?.value === 'number'),
  );
}

/** `g` with a `Mã dự án` column right of the names: a TABMIS code (`7012345`) or `DA-01` per project. */
export function withCodes(g: RawGrid, L: Layout, header: number, tabmis: boolean): RawGrid {
  const at = L.items[0].nameCol + 1;
  const codeOf = new Map(
    L.items.map((x, k) => [
      x.row,
      tabmis ? String(7_012_345 + 17 * k) : `DA-${String(k + 1).padStart(2, '0')}`,
    ]),
  );
  const rows = g.rows.map((cells, r) => {
    const out = cells.slice();
    while (out.length < at) out.push({ text: '' });
    const t = r === header ? 'Mã dự án' : (codeOf.get(r) ?? '');
    out.splice(at, 0, t ? cellOf(t) : { text: '' });
    return out;
  });
  const merges = g.merges.map((m) => ({
    ...m,
    c0: m.c0 >= at ? m.c0 + 1 : m.c0,
    c1: m.c1 >= at ? m.c1 + 1 : m.c1,
  }));
  const hiddenCols = g.hiddenCols && new Set([...g.hiddenCols].map((c) => (c >= at ? c + 1 : c)));
  return { ...g, rows, merges, hiddenCols };
}

/**
 * Both files with project codes: one project renamed outright (its code kept: the same project),
 * or two projects' rows swapped but the codes left in their places (a code column pasted in
 * order: the names and figures say which project is which, not the codes).
 */
export function codedCopy(
  g: RawGrid,
  L: Layout,
  header: number,
  way: 'renamed' | 'swapped',
): Edited | null {
  const [x, y] = middles(g, L);
  if (!x || (way === 'swapped' && (!y || y.parent !== x.parent))) return null;
  const base = withCodes(g, L, header, way === 'renamed');
  const order = rowsOf(g);
  if (way === 'swapped') [order[x.row], order[y.row]] = [y.row, x.row];
  const grid = reordered(base, order);
  const code = x.nameCol + 1;
  for (const r of [x.row, y?.row ?? x.row]) grid.rows[r] = grid.rows[r].slice();
  if (way === 'swapped')
    [grid.rows[x.row][code], grid.rows[y.row][code]] = [
      base.rows[x.row][code],
      base.rows[y.row][code],
    ];
  else grid.rows[x.row][x.nameCol] = cellOf('Trụ sở làm việc Ban quản lý dự án đầu tư xây dựng');
  return { grid, from: order, changed: [], base };
}

/** A copy with codes the first file does not have (they say nothing), its sections' rows reversed. */
export function codesInCopyOnly(g: RawGrid, L: Layout, header: number): Edited {
  const e = reverseWithin(g, L.items);
  const items = L.items.map((x) => ({ ...x, row: e.from.indexOf(x.row) }));
  return { ...e, grid: withCodes(e.grid, { ...L, items }, header, true) };
}

/**
 * Names shortened or completed in turn: `Dự án: ` or `Công trình: ` put before, a place put after
 * (`, huyện Triệu Phong`), the leading `Xây dựng` or the place after the last comma dropped; a
 * phase (`(giai đoạn 2)`) always kept. A name never made another project's.
 */
export function namesReworded(g: RawGrid, L: Layout): Edited {
  const e = unchanged(g);
  const fold = (t: string) => t.toLowerCase().replace(/\s+/g, ' ');
  const names = new Set(L.items.map((x) => fold(text(g.rows[x.row][x.nameCol]))));
  L.items.forEach((x, k) => {
    const name = text(g.rows[x.row][x.nameCol]);
    const [, body, phase = ''] = /^(.*?)(\s*\(giai đoạn[^)]*\))?$/iu.exec(name)!;
    const ways = [
      `Dự án: ${body}`,
      `${body}, huyện Triệu Phong`,
      body.replace(/^Xây dựng\s+/u, '').replace(/,[^,]*$/u, ''),
      `Công trình: ${body}`,
    ];
    const t = ways[k % 4] + phase;
    if (body.split(/\s+/).length < 3 || x.part || t === name || names.has(fold(t))) return;
    const cells = (e.grid.rows[x.row] = e.grid.rows[x.row].slice());
    cells[x.nameCol] = cellOf(t);
  });
  return e;
}

/**
 * The copy in another money unit (`tỷ đồng`, `đồng`) where the table's is `triệu đồng`: its unit
 * line rewritten, every figure right of the names converted; one figure also changed.
 */
export function otherUnit(g: RawGrid, L: Layout, unit: 'tỷ đồng' | 'đồng'): Edited | null {
  const line = g.rows
    .slice(0, L.firstRow)
    .findIndex((cells) =>
      cells.some((c) => /^\(?\s*(đơn vị( tính)?|đvt)\s*[:.]\s*triệu đồng/iu.test(text(c))),
    );
  if (line < 0) return null;
  const k = unit === 'đồng' ? 1e6 : 1e-3;
  const conv = (v: number) => Number((v * k).toPrecision(15));
  const e = unchanged(g);
  e.grid.rows[line] = g.rows[line].map((c) =>
    /triệu đồng/iu.test(text(c)) ? cellOf(text(c).replace(/triệu đồng/iu, unit)) : c,
  );
  const [x] = middles(g, L);
  const nameCol = Math.min(...L.items.map((t) => t.nameCol));
  // ratios and counts are no money: never converted (`Tỷ lệ phân chia`, `%`, `Số lượng`), the
  // header read through its merged cells
  const head = (r: number, j: number) => {
    const m = g.merges.find((x) => x.r0 <= r && r <= x.r1 && x.c0 <= j && j <= x.c1);
    return text(m ? g.rows[m.r0][m.c0] : g.rows[r][j]);
  };
  const ratio = (j: number) =>
    rowsOf(g)
      .slice(0, L.firstRow)
      .some((r) => /tỷ lệ|%|so sánh|số lượng/iu.test(head(r, j)));
  for (let r = L.firstRow; r < L.endRow; r++)
    e.grid.rows[r] = g.rows[r].map((c, j) => {
      if (j <= nameCol || typeof c?.value !== 'number' || !c.value || ratio(j)) return c;
      if (r !== x?.row || e.changed.length) return cellOf(conv(c.value));
      const after = Number((c.value + Math.max(1, Math.round(Math.abs(c.value) / 10))).toFixed(6));
      e.changed.push({ row: r, col: j, before: c.value, after });
      return cellOf(conv(after));
    });
  return e;
}

/**
 * The plan rolled forward one year: the first year column (a header cell `2021`, `Năm 2021`
 * beside two or more other years) dropped, a column for the year after the last added after it
 * with a figure on every project. Null without such years.
 */
export function yearRolled(g: RawGrid, L: Layout): Edited | null {
  const year = (c: RawCell | undefined) => /^(năm\s*)?(20\d\d)$/iu.exec(text(c));
  const h = g.rows
    .slice(0, L.firstRow)
    .findIndex((cells) => cells.filter((c) => year(c)).length >= 3);
  if (h < 0) return null;
  const cols = g.rows[h].flatMap((c, j) => (year(c) ? [j] : []));
  const [drop, last] = [cols[0], cols[cols.length - 1]];
  const items = new Set(L.items.map((x) => x.row));
  const next = text(g.rows[h][last]).replace(/\d{4}/, (y) => String(Number(y) + 1));
  const rows = g.rows.map((cells, r) => {
    const out = cells.slice();
    while (out.length <= last) out.push({ text: '' });
    const add = r === h ? cellOf(next) : items.has(r) ? cellOf(500 + r) : { text: '' };
    out.splice(last + 1, 0, add);
    out.splice(drop, 1);
    return out;
  });
  const shift = (c: number) => c - (c > drop ? 1 : 0) + (c > last ? 1 : 0);
  const merges = g.merges
    .filter((m) => m.c0 !== drop || m.c1 !== drop)
    .map((m) => ({ ...m, c0: shift(m.c0), c1: shift(m.c1) }));
  const e = unchanged(g);
  return { ...e, grid: { ...e.grid, rows, merges, hiddenCols: undefined } };
}

/**
 * A project in the middle of a numbered section deleted and the projects after it renumbered
 * (`5` → `4`), a blank line put after the first project and the header repeated (as on a new
 * printed page) before the last section's first project.
 */
export function renumbered(g: RawGrid, L: Layout, header: number): Edited | null {
  const x = middles(g, L).find((t) => numberStyle(g, t) === 'digit');
  if (!x) return null;
  const order = rowsOf(g).filter((r) => r !== x.row);
  const grid = reordered(g, order);
  for (const t of L.items)
    if (t.row > x.row && t.parent === x.parent && numberStyle(g, t) === 'digit') {
      const r = order.indexOf(t.row);
      const n = text(g.rows[t.row][t.numberCol!]);
      grid.rows[r] = grid.rows[r].slice();
      grid.rows[r][t.numberCol!] = cellOf(n.replace(/\d+/, (d) => String(Number(d) - 1)));
    }
  const first = order.indexOf(L.items[0].row);
  const lastOne = order.indexOf(
    L.items.filter((t) => t.parent === L.items[L.items.length - 1].parent)[0].row,
  );
  const head = rowsOf(g)
    .slice(header, L.firstRow)
    .filter((r) => g.rows[r].some((c) => text(c)));
  const ins = grid.rows.map((_, i) => i);
  ins.splice(lastOne, 0, ...head.map(() => -2));
  ins.splice(first + 1, 0, -1);
  const rows = ins.map((r, i) =>
    r === -1
      ? []
      : r === -2
        ? g.rows[head[ins.slice(0, i).filter((q) => q === -2).length]]
        : grid.rows[r],
  );
  const from = ins.map((r) => (r < 0 ? -1 : order[r]));
  return {
    grid: {
      ...grid,
      rows,
      lineOf: rows.map((_, i) => i + 1),
      merges: grid.merges.filter((m) => m.r1 <= first),
    },
    from,
    changed: [],
  };
}

/** The families' edits of a table, by name (`header`: the first header line). */
export function familyEdits(g: RawGrid, L: Layout, header: number): [string, Edited | null][] {
  return [
    ['sections swapped', sectionsSwapped(g, L)],
    ['sections swapped, one moved', sectionsSwapped(g, L, true)],
    ['codes, one renamed', codedCopy(g, L, header, 'renamed')],
    ['codes, rows swapped', codedCopy(g, L, header, 'swapped')],
    ['codes in the copy only', codesInCopyOnly(g, L, header)],
    ['names shortened or completed', namesReworded(g, L)],
    ['in tỷ đồng', otherUnit(g, L, 'tỷ đồng')],
    ['in đồng', otherUnit(g, L, 'đồng')],
    ['rolled one year', yearRolled(g, L)],
    ['deleted, renumbered', renumbered(g, L, header)],
  ];
}
