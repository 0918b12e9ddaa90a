/**
 * What departments change beyond spelling and order (departmentEdits.ts): a project removed and a
 * new one put in its place (another name, or a similar name of another place), a project moved to
 * another section, two projects given one name in two sections, names typed without diacritics,
 * only the department's own section returned, a project split in two phases and two merged. Each
 * edit keeps `from[r]` and says what the comparison should report (moved, groups, outside).
 */
import type { RawCell, RawGrid } from '../../io/appendix/grid';
import { bigramDice, bigrams } from '../../domain/matchNames';
import {
  type Edited,
  type ItemRow,
  numberStyle,
  reordered,
  reverseWithin,
  unchanged,
} from './departmentEdits';

/** A table's structure: its project rows, its section rows and the first row of its data. */
export interface Layout {
  items: ItemRow[];
  /** Section rows (grid row, depth, row id), in order. */
  sections: { row: number; level: number; id: string }[];
  /** Rows of totals (a grand total), left out of a department's own part. */
  totals: number[];
  /** The first row read as data (rows above are the title and the header). */
  firstRow: number;
  /** The row after the last row read as data. */
  endRow: number;
}

const text = (c: RawCell | undefined) => (c?.text ?? '').trim();
const cellOf = (v: string | number): RawCell => ({ text: String(v), value: v });

/** Items whose row is the whole project: the next row is another project or a section. */
function singleRows(L: Layout): ItemRow[] {
  const starts = new Set([...L.items.map((x) => x.row), ...L.sections.map((s) => s.row)]);
  return L.items.filter((x) => starts.has(x.row + 1));
}

/** Columns right of the name holding a figure that is not 0. */
const figureCols = (cells: RawCell[], it: ItemRow) =>
  cells.flatMap((c, j) =>
    j > it.nameCol && typeof c?.value === 'number' && c.value !== 0 ? [j] : [],
  );

/** A row with its name written `name` and every figure changed by `f` (formulas dropped). */
function rewritten(cells: RawCell[], it: ItemRow, name: string, f: (v: number) => number) {
  const out = cells.slice();
  out[it.nameCol] = { ...cells[it.nameCol], text: name, value: name };
  for (const j of figureCols(cells, it)) out[j] = cellOf(f(cells[j].value as number));
  return out;
}

/** Words of other places: the last word of a name replaced by one makes another place's name. */
const PLACES = ['Nam', 'Tây', 'Bắc', 'Đông'];

/**
 * A similar name of another thing: the last word, if a number, the next one; else another place
 * not a respelling of the last one (`HÀ GIANG` → `HÀ NAM`, `Trường THCS xã A` → `Trường THCS xã
 * Nam`, `việc làm` → `việc Tây`). Null for a one-word name.
 */
export function similarName(name: string): string | null {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return null;
  const last = words[words.length - 1];
  const caps = name === name.toUpperCase();
  if (/^\d+$/.test(last))
    words[words.length - 1] = String(Number(last) + 1).padStart(last.length, '0');
  else {
    // another word, not the same one respelled (`làm` → `Nam` is one letter: a typo)
    const fold = (w: string) => withoutDiacritics(w).toLowerCase();
    const place = PLACES.find(
      (p) =>
        !fold(name).includes(fold(p)) && bigramDice(bigrams(fold(p)), bigrams(fold(last))) < 0.5,
    )!;
    words[words.length - 1] = caps ? place.toUpperCase() : place;
  }
  return words.join(' ');
}

/** A new project's figures: each figure of the old one raised by about a third. */
const newFigure = (v: number) => v + Math.max(1, Math.round(Math.abs(v) * 0.3));

/**
 * A project in the middle of a section removed and a new one written at its place, with other
 * figures: named otherwise (`similar` false) or by `similarName`. Null without such a project.
 */
export function replaceOne(g: RawGrid, L: Layout, similar: boolean): Edited | null {
  const single = new Set(singleRows(L));
  const it = L.items.find(
    (x, k) =>
      k > 0 &&
      single.has(x) &&
      L.items[k - 1].parent === x.parent &&
      L.items[k + 1]?.parent === x.parent &&
      figureCols(g.rows[x.row], x).length > 0,
  );
  if (!it) return null;
  const name = similar
    ? similarName(text(g.rows[it.row][it.nameCol]))
    : 'Trụ sở làm việc Ban quản lý dự án đầu tư xây dựng';
  if (!name) return null;
  const e = unchanged(g);
  e.grid.rows[it.row] = rewritten(g.rows[it.row], it, name, newFigure);
  e.from[it.row] = -1;
  return e;
}

/**
 * A project re-classified: taken out of its section (which keeps others) and written after the
 * last project of another section numbered alike (never inside an *of which* list).
 */
export function moveOne(g: RawGrid, L: Layout): Edited | null {
  const single = singleRows(L);
  // never taken from or written inside an *of which* list (`Trong đó: - Tổng số thu`, `- Số
  // hoàn thuế`, Final_2009 M03+): the list would go on past the project put there, read as its
  const at = new Map(L.items.map((t) => [t.row, t]));
  const listGoesOn = (t: ItemRow) => {
    const next = at.get(t.row + 1);
    return !!next && next.parent === t.parent && (t.part || next.part);
  };
  const count = (p: string | null) => L.items.filter((x) => x.parent === p).length;
  for (const x of single) {
    if (count(x.parent) < 2 || listGoesOn(x)) continue;
    const style = numberStyle(g, x);
    const y = [...single]
      .reverse()
      .find(
        (t) =>
          t.parent !== x.parent &&
          t.nameCol === x.nameCol &&
          numberStyle(g, t) === style &&
          !listGoesOn(t),
      );
    if (!y) continue;
    const order = g.rows.map((_, i) => i).filter((r) => r !== x.row);
    order.splice(order.indexOf(y.row) + 1, 0, x.row);
    return { grid: reordered(g, order), from: order, changed: [], moved: [x.row] };
  }
  return null;
}

/**
 * Two projects of one name (`Nâng cấp hệ thống …` in two districts): a project of another section
 * given the name of the first project, then each section's projects reversed.
 */
export function sameNameTwice(g: RawGrid, L: Layout): Edited | null {
  const x = L.items[0];
  const y = L.items.find((t) => t.parent !== x?.parent);
  if (!x || !y) return null;
  const base = { ...g, rows: g.rows.slice() };
  const name = g.rows[x.row][x.nameCol];
  base.rows[y.row] = base.rows[y.row].slice();
  base.rows[y.row][y.nameCol] = {
    ...base.rows[y.row][y.nameCol],
    text: name.text,
    value: name.value,
  };
  return { ...reverseWithin(base, L.items), base };
}

/** A text as typed without a Vietnamese keyboard: no diacritics, `Đ` as `D`. */
export const withoutDiacritics = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** Every project's name (and every section's text, if `sections`) typed without diacritics. */
export function dropDiacritics(g: RawGrid, L: Layout, sections = false): Edited {
  const e = unchanged(g);
  const strip = (c: RawCell | undefined) =>
    c && typeof c.value === 'string'
      ? { ...c, text: withoutDiacritics(c.text), value: withoutDiacritics(c.value) }
      : c;
  for (const it of L.items) {
    const cells = (e.grid.rows[it.row] = e.grid.rows[it.row].slice());
    cells[it.nameCol] = strip(cells[it.nameCol])!;
  }
  if (sections)
    for (const s of L.sections) e.grid.rows[s.row] = e.grid.rows[s.row].map((c) => strip(c)!);
  return e;
}

/**
 * The department's own part: the title and header, then one section (the second of the first
 * depth where projects stand in two or more), under its enclosing sections; no grand total. None
 * when projects stand beside the sections of that depth (`I` beside `II` and its parts, Plan_2017
 * M06): the table is not divided into parts there, as `outsidePart` reads it.
 */
export function ownPart(g: RawGrid, L: Layout): Edited | null {
  // each project's enclosing sections, outermost first
  const all = [
    ...L.sections.map((s) => ({ ...s, item: false })),
    ...L.items.map((x) => ({ row: x.row, level: Infinity, id: '', item: true })),
  ].sort((p, q) => p.row - q.row);
  const stack: { row: number; level: number }[] = [];
  const chains = new Map<number, { row: number; level: number }[]>();
  for (const r of all) {
    if (r.item) {
      chains.set(r.row, stack.slice());
      continue;
    }
    while (stack.length && stack[stack.length - 1].level >= r.level) stack.pop();
    stack.push(r);
  }
  for (let depth = 0; depth < 4; depth++) {
    const at = new Map<number, number[]>();
    for (const [row, chain] of chains) {
      const s = chain[depth];
      if (s) at.set(s.row, [...(at.get(s.row) ?? []), row]);
    }
    // projects beside the sections of this depth: the table is not divided here (outsidePart)
    if (depth > 0 && [...chains.values()].some((chain) => !chain[depth])) return null;
    if (at.size < 2) continue;
    const [start, rows] = [...at][1];
    const level = L.sections.find((s) => s.row === start)!.level;
    // up to the next section as high, or the next project not under it
    const next = Math.min(
      L.sections.find((s) => s.row > start && s.level <= level)?.row ?? L.endRow,
      ...[...chains].filter(([r, c]) => r > start && c[depth]?.row !== start).map(([r]) => r),
    );
    const outer = chains
      .get(rows[0])!
      .slice(0, depth)
      .map((s) => s.row);
    const order = [
      ...g.rows.map((_, i) => i).slice(0, L.firstRow),
      ...outer,
      ...g.rows.map((_, i) => i).slice(start, next),
    ].filter((r) => !L.totals.includes(r));
    const kept = new Set(order);
    return {
      grid: reordered(g, order),
      from: order,
      changed: [],
      outside: L.items.filter((x) => !kept.has(x.row)).map((x) => x.row),
    };
  }
  return null;
}

/**
 * A project split in two phases (`(giai đoạn 1)`, `(giai đoạn 2)`), its figures shared 40 / 60,
 * or two projects of a section merged (`A và B`, their figures added).
 */
export function splitOrMerge(g: RawGrid, L: Layout, kind: 'split' | 'merge'): Edited | null {
  const single = singleRows(L);
  for (const [k, x] of single.entries()) {
    const cells = g.rows[x.row];
    if (!figureCols(cells, x).length) continue;
    const name = text(cells[x.nameCol]);
    const order = g.rows.map((_, i) => i);
    if (kind === 'split') {
      order.splice(x.row, 1, -1, -1);
      const grid = reordered(g, order);
      const part = (v: number) => Math.round(v * 0.4);
      grid.rows[x.row] = rewritten(cells, x, `${name} (giai đoạn 1)`, part);
      grid.rows[x.row + 1] = rewritten(cells, x, `${name} (giai đoạn 2)`, (v) =>
        Number((v - part(v)).toFixed(6)),
      );
      const groups = [{ kind, a: [x.row], b: [x.row, x.row + 1] }];
      return { grid, from: order, changed: [], groups };
    }
    const y = single[k + 1];
    if (!y || y.row !== x.row + 1 || y.parent !== x.parent || y.nameCol !== x.nameCol) continue;
    const other = g.rows[y.row];
    if (!figureCols(other, y).length) continue;
    order.splice(x.row, 2, -1);
    const grid = reordered(g, order);
    const sum = (v: number, j: number) =>
      Number(
        (v + (typeof other[j]?.value === 'number' ? (other[j].value as number) : 0)).toFixed(6),
      );
    const merged = cells.map((c, j) =>
      j > x.nameCol && typeof c?.value === 'number' ? cellOf(sum(c.value, j)) : c,
    );
    for (const j of figureCols(other, y))
      if (typeof cells[j]?.value !== 'number') merged[j] = other[j];
    merged[x.nameCol] = cellOf(`${name} và ${text(other[y.nameCol])}`);
    grid.rows[x.row] = merged;
    return { grid, from: order, changed: [], groups: [{ kind, a: [x.row, y.row], b: [x.row] }] };
  }
  return null;
}
