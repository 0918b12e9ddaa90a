/**
 * An *of which* breakdown (`Trong đó:` and the lines under it) lists some parts of the row above
 * it: they never add up to it, but together they cannot exceed it (a section of 6.500 `trong đó
 * vốn ODA 7.000` is an error). Checked only where the reading is sure: parts numbered one way, or
 * nesting (`I, II, 1, 2, III`: each level against its own line), figures of money in the row's
 * own unit, none negative, against a figure the owner states or, without one, the sum of its own
 * lines. Not checked: a line without its own figure over parts alone or over `gross, refunds, net`
 * (the net stands for it), refunds printed negative, parts counting projects, km or people, ratio
 * and percent figures, lists numbered in two styles that do not nest, and parts under the last
 * item of a list that its section's figure holds (they may be the section's).
 */
import type { Push } from './checkRules';
import { effective, precise } from './checkRules';
import type { SheetContext } from './checkContext';
import type { CheckValues } from './checks';
import { styleOf } from './rowNumbering';
import { parentIndex, subtreeEnd } from './rows';
import { fold } from './sources';
import type { Row } from './types';

/** Numbering that enumerates (`I`, `1`, `a`, `1.1`), not bullets (`-`, `+`) that any level uses. */
const ENUMERATING: readonly (string | null)[] = ['letter', 'roman', 'arabic', 'dotted', 'lower'];

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Labels of figures that are no money in the table's unit: counts (projects, works, people,
 * pupils, beds, households), lengths and areas, ratios, foreign currencies.
 */
const NOT_MONEY = new RegExp(
  [
    /\bso (du an|cong trinh|luong|nguoi|lao dong|hoc sinh|giuong|xa|ho|don vi|doanh nghiep)\b/,
    /\((km|m|m2|m3|ha|nguoi|tan|du an|cong trinh|%|lan|usd|trieu usd)\)/,
    /\b(usd|eur|jpy|ngoai te|ty le|ti le|ty trong|toc do|chi so)\b|%/,
  ]
    .map((x) => x.source)
    .join('|'),
);

/** Whether a row's label names a figure other than money in the table's unit. */
export function notMoney(r: Row): boolean {
  return NOT_MONEY.test(fold(String(r.cells.name ?? '')));
}

/**
 * The of-which parts of each row that owns a sure breakdown (see the file's note; the reader makes
 * a line with parts a section): the rows one level under a section marked of-which, or those
 * after a total row (`TỔNG CHI … Trong đó:`), those naming money. A list numbered one way is flat; one whose numbering nests (`I, II, 1, 2, III, 1, …`, the
 * reader keeps it flat) breaks down each level: the outer parts their line, the parts numbered
 * under an outer part that part (`nestedParts`).
 */
export function ofWhichGroups(rows: readonly Row[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const money = (owner: number, parts: readonly number[]) => {
    const ys = parts.filter((j) => !notMoney(rows[j]));
    if (ys.length && !notMoney(rows[owner])) out.set(owner, ys);
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const parts: number[] = [];
    if (r.kind === 'total') {
      // a total row's parts follow it at its own level (nothing nests under a total)
      for (let j = i + 1; rows[j]?.part === 'ofWhich' && rows[j].level === r.level; j++)
        parts.push(j);
    } else if (r.kind === 'section' && !r.part && rows[i + 1]?.level > r.level) {
      const end = subtreeEnd(rows, i);
      for (let j = i + 1; j < end; j++)
        if (rows[j].level === r.level + 1 && rows[j].part === 'ofWhich') parts.push(j);
    }
    if (!parts.length) continue;
    const styles = new Set(parts.map(styleAt(rows)));
    styles.delete(null);
    if (styles.size <= 1) money(i, parts);
    else for (const [owner, ps] of nestedParts(rows, i, parts) ?? []) money(owner, ps);
  }
  return out;
}

const styleAt = (rows: readonly Row[]) => (j: number) => styleOf(String(rows[j].cells.tt ?? ''));

/** The first number of a list in each style (`1`, `a`, `I`, `A`, `1.1`…): a list under a part restarts. */
const FIRST = /^(1|a|i|A|I|\d+(\.\d+)*\.1)$/;

/**
 * A list of parts whose numbering nests, split by level: the parts numbered as the first (the
 * outer parts, under `owner`) and, under each outer part, the parts after it up to the next one,
 * split the same way. Sure only where every part is numbered, each list under a part is
 * enumerated from its start (`1`, `a`, `I`) or bulleted (`-`, `+`), and each style keeps one
 * level; else null (a list numbered in two styles by mistake, read flat, is no nesting).
 */
export function nestedParts(
  rows: readonly Row[],
  owner: number,
  parts: readonly number[],
): [number, number[]][] | null {
  const style = parts.map(styleAt(rows));
  if (style.some((s) => s === null) || !ENUMERATING.includes(style[0])) return null;
  const depthOf = new Map<string | null, number>();
  const out: [number, number[]][] = [];
  const split = (own: number, from: number, to: number, depth: number): boolean => {
    const s = style[from];
    if ((depthOf.get(s) ?? depth) !== depth) return false;
    depthOf.set(s, depth);
    const tt = String(rows[parts[from]].cells.tt ?? '')
      .trim()
      .replace(/[.)]$/, '');
    if (depth && ENUMERATING.includes(s) && !FIRST.test(tt)) return false;
    const outer: number[] = [];
    for (let k = from; k < to; k++) if (style[k] === s) outer.push(k);
    out.push([own, outer.map((k) => parts[k])]);
    return outer.every((k, n) => {
      const next = outer[n + 1] ?? to;
      return next === k + 1 || (ENUMERATING.includes(s) && split(parts[k], k + 1, next, depth + 1));
    });
  };
  return split(owner, 0, parts.length, 0) ? out : null;
}

/** Names of the parts a finding speaks of, as the table prints them. */
export function partNames(rows: readonly Row[], parts: readonly number[]): string[] {
  return parts.map((j) =>
    String(rows[j].cells.name ?? '')
      .replace(/^\s*trong (đó|do)\s*:?\s*/i, '')
      .replace(/^\s*[-–+•*]\s*/, '')
      .trim(),
  );
}

/**
 * Row i's of-which parts against the figure it states, column by column: their sum (as the engine
 * rounds it) above the row's figure is pushed as `of-which` (its severity is the rounding's).
 */
export function ofWhichFindings(
  rows: readonly Row[],
  i: number,
  v: CheckValues,
  ctx: SheetContext,
  parts: readonly number[],
  push: Push,
): void {
  const r = rows[i];
  const parent = parentIndex(rows, i);
  // the last item of a list: a breakdown after it may be its section's, unless numbered under it
  const own = styleOf(String(r.cells.tt ?? ''));
  const style = parts.map((j) => styleOf(String(rows[j].cells.tt ?? ''))).find((s) => s !== null);
  const nested = !!style && ENUMERATING.includes(style) && style !== own;
  const last =
    !nested &&
    parent >= 0 &&
    (ctx.children.get(parent) ?? []).at(-1) === i &&
    ctx.children.get(parent)!.length > 1;
  for (const l of ctx.additive) {
    if (r.percent?.[l.id] !== undefined) continue;
    const e = ownerFigure(rows, i, v, ctx, l.id);
    if (e === null) continue;
    const ys: number[] = [];
    let negative = false;
    for (const j of parts) {
      if (rows[j].percent?.[l.id] !== undefined) continue;
      const y = effective(rows, v, j, l.id);
      if (y === null) continue;
      if (y < 0) negative = true;
      ys.push(y);
    }
    if (!ys.length || negative) continue;
    const sum = precise(ys.reduce((a, b) => a + b, 0));
    if (sum <= e) continue;
    if (last) {
      const owner = num(rows[parent].cells[l.id]);
      if (owner === null || sum <= owner) continue;
    }
    push('of-which', l, e, sum, ys.length + 1, l.label, 'structure');
  }
}

/**
 * The figure row i's parts are held to in a column: the one it states; else (no figure, or a 0
 * printing blank) the sum of its own lines as computed, where it has two lines or more, none
 * negative (a net of refunds is no sum the gross stays within), some typed. Null otherwise: a
 * line without a figure over parts alone stands for them (and a single line under it may be the
 * net of `gross, refunds, net`).
 */
function ownerFigure(
  rows: readonly Row[],
  i: number,
  v: CheckValues,
  ctx: SheetContext,
  col: string,
): number | null {
  const e = num(rows[i].cells[col]);
  if (e !== null && e !== 0) return e;
  const kids = ctx.children.get(i) ?? [];
  if (kids.length < 2) return null;
  let typed = false;
  for (const k of kids) {
    if (rows[k].percent?.[col] !== undefined) return null;
    const y = effective(rows, v, k, col, ctx);
    if (y !== null && y < 0) return null;
    if (num(rows[k].cells[col]) !== null) typed = true;
  }
  const sum = num(v.value(i, col));
  return typed && sum !== null && sum > 0 ? sum : null;
}
