/**
 * Rules that a row's label states: `TỔNG SỐ (A+B+C)`, `Bội chi (C = B - A)`, `A=I+II+III`. The
 * terms name other rows by their numbering (TT), the target is the row itself.
 */
import type { Row } from './types';

export interface LabelRule {
  text: string;
  terms: { sign: 1 | -1; tt: string }[];
  /**
   * Terms named in words after the rows (`C = A - B - kết dư NSĐP`): no row of the table, an amount
   * a note below it may state (noteTerms.ts). Absent: every term is a row.
   */
  named?: { sign: 1 | -1; name: string }[];
}

// a Roman numeral before a single letter: `II` is one term, not `I`, `I`
const TERM = String.raw`(?:[IVX]{1,5}(?![A-Z])|[A-Z]|\d{1,2}(?:\.\d{1,2})*)`;
const SUM = String.raw`${TERM}(?:\s*[+\-−–]\s*${TERM})+`;
// a sum that goes on (`C = A - B - kết dư NSĐP`) is not this rule: its last terms are words
const WITH_TARGET = new RegExp(
  String.raw`(?:^|[\s(\[:])(${TERM})\s*=\s*(${SUM})(?!\s*[+\-−–])(?=$|[\s)\],;.])`,
);
const BRACKETED = new RegExp(String.raw`[(\[]\s*(${SUM})\s*[)\]]|^\s*(${SUM})\s*$`);

// a term named in words: a letter and a small one (`kết dư NSĐP`, `Kết dư`), never a row's number
const NAME = String.raw`\p{L}\p{Ll}[\p{L}\p{M} ]*`;
const ROW = String.raw`${TERM}(?!\p{L})`;
const WITH_NAMED = new RegExp(
  String.raw`(?:^|[\s(\[:])(${ROW})\s*=\s*(${ROW}(?:\s*[+\-−–]\s*${ROW})*)((?:\s*[+\-−–]\s*${NAME})+?)\s*(?=$|[)\],;.])`,
  'u',
);

/** `C = A - B - kết dư NSĐP`: a target, terms naming rows, then terms named in words. */
function withNamed(s: string): LabelRule | null {
  const m = WITH_NAMED.exec(s);
  if (!m) return null;
  const terms: LabelRule['terms'] = [];
  for (const t of m[2].matchAll(new RegExp(String.raw`([+\-−–]?)\s*(${TERM})`, 'g')))
    terms.push({ sign: t[1] && t[1] !== '+' ? -1 : 1, tt: t[2] });
  const named: NonNullable<LabelRule['named']> = [];
  for (const t of m[3].matchAll(/([+\-−–])\s*([^+\-−–]+)/gu))
    named.push({ sign: t[1] === '+' ? 1 : -1, name: t[2].trim() });
  if (terms.some((t) => t.tt === m[1])) return null;
  return { text: m[0].trim().replace(/^[(:[]\s*/, ''), terms, named };
}

/** The rule a label states, or null. */
export function parseLabelRule(label: string): LabelRule | null {
  const s = label.normalize('NFC');
  const m = WITH_TARGET.exec(s) ?? BRACKETED.exec(s);
  if (!m) return withNamed(s);
  const body = m.slice(1).filter(Boolean).pop()!;
  const terms: LabelRule['terms'] = [];
  const re = new RegExp(String.raw`([+\-−–]?)\s*(${TERM})`, 'g');
  let t: RegExpExecArray | null;
  while ((t = re.exec(body))) terms.push({ sign: t[1] && t[1] !== '+' ? -1 : 1, tt: t[2] });
  if (terms.length < 2) return null;
  const digits = terms.filter((x) => /^\d/.test(x.tt)).length;
  if (digits && digits !== terms.length) return null;
  return { text: m[0].trim().replace(/^[(:[]\s*|\s*[)\]]$/g, ''), terms };
}

/** A row's numbering as a rule names it: `I.`, ` 1 `, `A)` → `I`, `1`, `A`. */
export function ttKey(v: unknown): string {
  return String(v ?? '')
    .trim()
    .replace(/[.)]+$/, '')
    .toUpperCase();
}

/**
 * Resolves a label rule's terms to row indices: for each term the nearest row with that numbering,
 * looked for first inside the row's own subtree (a section stating `A=I+II`), then among its
 * siblings (numbering restarts in each block: `III = II - I` names the I and II of its own block),
 * then anywhere. Null when a term names no row.
 */
export function resolveLabelRule(
  rows: readonly Row[],
  i: number,
  rule: LabelRule,
  subtreeEnd: number,
): { sign: 1 | -1; row: number }[] | null {
  const out: { sign: 1 | -1; row: number }[] = [];
  for (const term of rule.terms) {
    let best = -1;
    for (let j = i + 1; j < subtreeEnd; j++)
      if (ttKey(rows[j].cells.tt) === term.tt && (best < 0 || rows[j].level < rows[best].level))
        best = j;
    if (best < 0) best = siblingNumbered(rows, i, term.tt);
    if (best < 0) {
      let dist = Infinity;
      for (let j = 0; j < rows.length; j++) {
        if (j === i || ttKey(rows[j].cells.tt) !== term.tt) continue;
        const d = Math.abs(j - i) + (rows[j].level > rows[i].level ? rows.length : 0);
        if (d < dist) {
          dist = d;
          best = j;
        }
      }
    }
    if (best < 0 || out.some((x) => x.row === best)) return null;
    out.push({ sign: term.sign, row: best });
  }
  return out;
}

/** The nearest row numbered `tt` under the same parent as row i (same level, no heading between). */
function siblingNumbered(rows: readonly Row[], i: number, tt: string): number {
  const level = rows[i].level;
  for (const step of [-1, 1])
    for (let j = i + step; j >= 0 && j < rows.length; j += step) {
      if (rows[j].level < level || rows[j].kind === 'total') break;
      if (rows[j].level === level && ttKey(rows[j].cells.tt) === tt) return j;
    }
  return -1;
}
