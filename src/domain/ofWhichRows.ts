/**
 * An *of which* breakdown (`Trong đó:` and the lines under it) lists some parts of the row above
 * it: they never add up to it, but together they cannot exceed it (a section of 6.500 `trong đó
 * vốn ODA 7.000` is an error). Checked only where the reading is sure: a flat list of parts
 * numbered one way, figures of money in the row's own unit, none negative, against a figure the
 * owner states. Not checked: a line without its own figure over `gross, refunds, net` (the net
 * stands for it), refunds printed negative, parts counting projects, km or people, ratio and
 * percent figures, lists whose numbering nests (`I, 1, 2, II, …` read flat), and parts under the
 * last item of a list that its section's figure holds (they may be the section's).
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
 * The of-which parts of each section that owns a sure breakdown (see the file's note; the reader
 * makes a line with parts a section): the rows one level under it marked of-which, numbered one
 * way, those naming money.
 */
export function ofWhichGroups(rows: readonly Row[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind !== 'section' || r.part || rows[i + 1]?.level <= r.level) continue;
    const end = subtreeEnd(rows, i);
    const parts: number[] = [];
    for (let j = i + 1; j < end; j++)
      if (rows[j].level === r.level + 1 && rows[j].part === 'ofWhich') parts.push(j);
    if (!parts.length || notMoney(r)) continue;
    // `I, II, 1, 2, III, 1, …` read as one flat list: parts of parts counted twice
    const styles = new Set(parts.map((j) => styleOf(String(rows[j].cells.tt ?? ''))));
    styles.delete(null);
    if (styles.size > 1) continue;
    const money = parts.filter((j) => !notMoney(rows[j]));
    if (money.length) out.set(i, money);
  }
  return out;
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
    // a stated 0 over parts is a placeholder printing blank; no figure: the line stands for them
    const e = num(r.cells[l.id]);
    if (e === null || e === 0) continue;
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
