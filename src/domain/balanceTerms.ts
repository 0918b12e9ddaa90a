/**
 * The figures of balance rows (balanceRows.ts): the rows before a balance row it may restate a
 * difference of, the differences of them it may be, and how many of its columns follow one, within
 * the rounding of printed figures.
 */
import { fold } from './sources';
import type { ColumnLeaf, Row } from './types';

export interface BalanceRule {
  /** The rule as the checks print it (`II − I`). */
  text: string;
  terms: { sign: 1 | -1; row: number }[];
  /** Read from the sheet's other balance rows, not from this row's own figures: a gap is to verify. */
  inferred?: true;
}

/** A row's label (its name cell as text). */
export const label = (r: Row) => String(r.cells.name ?? '');
/** The row's label for a rule's text (folded, numbering set aside). */
const text = (r: Row) =>
  fold(label(r))
    .replace(/^[\s\d.)\-–:]+/, '')
    .trim();

/** A stored figure, or null. */
export const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

function decimals(x: number): number {
  for (let d = 0; d <= 6; d++) if (Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) < 1e-7) return d;
  return 6;
}

/** Whether `stated` is `computed` within the rounding of `terms` printed figures. */
function near(stated: number, computed: number, terms: number): boolean {
  return Math.abs(stated - computed) <= terms * 0.5 * 10 ** -decimals(stated) + 1e-9;
}

/** Columns a rule may hold on: those where the row states a figure. */
export function compared(
  rows: readonly Row[],
  i: number,
  cols: readonly ColumnLeaf[],
): ColumnLeaf[] {
  return cols.filter((l) => num(rows[i].cells[l.id]) !== null);
}

/**
 * Figure-bearing rows before row i in its own block, at its level, in order: 2 to 6 of them, else
 * none; the rows looked at are added to `read`.
 */
export function operands(
  rows: readonly Row[],
  i: number,
  derived: Set<number>,
  read: Set<number>,
): number[] {
  const level = rows[i].level;
  const out: number[] = [];
  read.add(i);
  for (let j = i - 1; j >= 0 && out.length < 7; j--) {
    const r = rows[j];
    if (r.kind === 'total' || r.level < level) break;
    if (r.level > level || r.part) continue;
    // a derived row's figures are not read, but whether it is derived may follow its figures
    read.add(j);
    if (derived.has(j)) continue;
    if (Object.entries(r.cells).some(([k, v]) => k !== 'tt' && num(v) !== null)) out.push(j);
  }
  return out.length >= 2 && out.length <= 6 ? out.reverse() : [];
}

/** Σ sign × figure of the terms in one column (a missing figure is 0). */
export function value(rows: readonly Row[], terms: BalanceRule['terms'], colId: string): number {
  let s = 0;
  for (const t of terms) s += t.sign * (num(rows[t.row].cells[colId]) ?? 0);
  return s;
}

/** How many of the row's columns follow the terms, and whether one of them is a non-zero figure. */
export function follows(
  rows: readonly Row[],
  i: number,
  terms: BalanceRule['terms'],
  cols: readonly ColumnLeaf[],
): { holds: number; real: boolean } {
  let holds = 0;
  let real = false;
  for (const l of cols) {
    const e = num(rows[i].cells[l.id])!;
    if (!near(e, value(rows, terms, l.id), terms.length + 1)) continue;
    holds++;
    if (e !== 0) real = true;
  }
  return { holds, real };
}

/** One operand minus the others, with a sign: the shapes a difference of blocks takes. */
export function shapes(ops: number[]): BalanceRule['terms'][] {
  const out: BalanceRule['terms'][] = [];
  for (const k of ops)
    for (const sign of [1, -1] as const)
      out.push(ops.map((row) => ({ row, sign: (row === k ? sign : -sign) as 1 | -1 })));
  return out;
}

/** A rule as the checks print it (`II − I`): the operands' numbers, else their labels' start. */
export function ruleText(rows: readonly Row[], terms: BalanceRule['terms']): string {
  const name = (j: number) => String(rows[j].cells.tt ?? '').trim() || text(rows[j]).slice(0, 20);
  const sorted = [...terms].sort((a, b) => b.sign - a.sign);
  return sorted
    .map(
      (t, k) => `${k === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${name(t.row)}`,
    )
    .join('');
}

/** The sign the table writes its balances with (a deficit printed negative is the same rule). */
export function signed(
  rows: readonly Row[],
  i: number,
  m: BalanceRule['terms'],
  col: ColumnLeaf,
): BalanceRule['terms'] {
  const first = num(rows[i].cells[col.id])!;
  return first < 0 && value(rows, m, col.id) > 0
    ? m.map((t) => ({ ...t, sign: -t.sign as 1 | -1 }))
    : m;
}
