/** The row tree, kept as an ordered list with levels: spans, parents, numbering. */
import type { Row } from './types';

/**
 * Index one past the last descendant of row `i` (rows after it with a greater level).
 * Projects and total rows have no descendants.
 */
export function subtreeEnd(rows: readonly Row[], i: number): number {
  const r = rows[i];
  if (r.kind !== 'section') return i + 1;
  let j = i + 1;
  while (j < rows.length && rows[j].kind !== 'total' && rows[j].level > r.level) j++;
  return j;
}

/**
 * Direct children of section i that add into it (rows one level below it, inside its subtree;
 * *of which* and ratio rows are never added).
 */
export function childRows(rows: readonly Row[], i: number): number[] {
  const end = subtreeEnd(rows, i);
  const level = rows[i].level + 1;
  const out: number[] = [];
  for (let j = i + 1; j < end; j++) if (rows[j].level === level && !rows[j].part) out.push(j);
  return out;
}

/**
 * Index one past the rows a section heading placed at index `at` at `level` heads: the rows after
 * it, as printed, up to the next heading of its level or above, a total row, or the end of the
 * enclosing section (a row less deep). A heading inserted among projects takes the projects below
 * it, as a reader of the printed form sees them under it; nothing when a heading follows at once.
 */
export function headedEnd(rows: readonly Row[], at: number, level: number): number {
  let j = at;
  while (j < rows.length) {
    const r = rows[j];
    if (r.kind === 'total' || r.level < level) break;
    if (r.level === level && r.kind === 'section') break;
    j++;
  }
  return j;
}

/** Index of the parent section of row `i`, or -1 at top level. */
export function parentIndex(rows: readonly Row[], i: number): number {
  const level = rows[i].level;
  for (let j = i - 1; j >= 0; j--) {
    if (rows[j].kind === 'section' && rows[j].level < level) return j;
  }
  return -1;
}

/** Normalises levels so the list is a valid tree: each row at most one level below the section above. */
export function normaliseLevels(rows: readonly Row[]): Row[] {
  let prev: Row | undefined;
  return rows.map((r) => {
    const max = maxLevelAfter(prev);
    const level = r.kind === 'total' ? 0 : Math.max(0, Math.min(r.level, max));
    const out = level === r.level ? r : { ...r, level };
    prev = out;
    return out;
  });
}

/** Allowed level for a row placed after `prev`: a child of a section, else a sibling. */
export function maxLevelAfter(prev: Row | undefined): number {
  if (!prev || prev.kind === 'total') return 0;
  return prev.kind === 'section' ? prev.level + 1 : prev.level;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 4 → IV. */
export function toRoman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}

export type NumberingStyle = 'letter' | 'roman' | 'arabic' | 'dotted' | 'dash' | 'plus';

/**
 * Guesses the numbering style of a label as written, alone: a capital letter (`A`…`Y`, `Đ`) is a
 * letter, but `I`, `V`, `X`, `L`, read as roman numerals (their sequence tells them apart, see
 * `sequenceStyles` in rowNumbering.ts).
 */
export function numberingStyle(label: string): NumberingStyle | null {
  const s = label.trim().replace(/[.)]$/, '');
  if (/^[A-HJKM-UWYZĐ]$/.test(s)) return 'letter';
  if (/^[IVXLC]+$/.test(s)) return 'roman';
  if (/^\d+$/.test(s)) return 'arabic';
  if (/^\d+(\.\d+)+$/.test(s)) return 'dotted';
  if (s === '-' || s === '–') return 'dash';
  if (s === '+') return 'plus';
  return null;
}
