/** Number styles: Vietnamese (`61.600`, `1,5`) and plain (`61600`, `1.5`, `1,500.25`). */
import { groupedInteger } from './groupedInteger';

export type NumberStyle = 'vi' | 'en' | 'auto';

/** Amounts are equal within this absolute tolerance (plan unit): floating noise never counts. */
export const AMOUNT_EPSILON = 1e-6;

/** Whether two amounts are equal up to floating noise. */
export function amountsEqual(a: number, b: number, eps = AMOUNT_EPSILON): boolean {
  return Math.abs(a - b) <= eps * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Rounds away binary noise (0.1 + 0.2 → 0.3) keeping 10 significant decimals. */
export function clean(n: number): number {
  if (Number.isInteger(n) || !Number.isFinite(n)) return n;
  return Number.parseFloat(n.toPrecision(12));
}

const SPACES = /[\s\u00a0\u202f']/g;

/**
 * Whether a figure cell's text says "nothing / not applicable" (`-`, `–`, `—`, `x`, `X`, `×`), as
 * offices write in a blank figure cell: no figure and no text (an `x` is never a figure).
 */
export function isNilFigure(text: string): boolean {
  const s = text.length > 3 ? '' : text.trim();
  return s.length === 1 && '-–—xX×'.includes(s);
}

/**
 * Parses an amount typed or pasted by a user; `null` when it is not a number.
 * With 'auto', a lone separator followed by exactly three digits is a thousands mark
 * (`1.500` = 1500, `1,500` = 1500 only when style is 'en'); otherwise Vietnamese rules win:
 * `,` is the decimal mark.
 */
export function parseAmount(input: string, style: NumberStyle = 'auto'): number | null {
  let s = input.trim();
  if (s === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(SPACES, '');
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  const normalised = normalisedDigits(s, style);
  if (normalised === null) return null;
  const n = Number(normalised);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

/**
 * The decimals written in a typed amount as `parseAmount` reads it, trailing zeros included
 * (`5,0` → 1, `12,50` → 2, `1.500` → 0: a thousands mark); 0 when it is no number.
 */
export function writtenDecimals(input: string, style: NumberStyle = 'auto'): number {
  const s = input
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .replace(SPACES, '')
    .replace(/^[-−+]/, '');
  const normalised = normalisedDigits(s, style);
  const at = normalised?.indexOf('.') ?? -1;
  return at < 0 ? 0 : normalised!.length - at - 1;
}

/** Digits and separators (no sign, no spaces) as a plain `1234.5`; null when not a number. */
function normalisedDigits(s: string, style: NumberStyle): string | null {
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;
  return normalise(s, style);
}

function normalise(s: string, style: NumberStyle): string | null {
  const dots = count(s, '.');
  const commas = count(s, ',');
  if (dots === 0 && commas === 0) return s;
  if (dots > 0 && commas > 0) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    if (count(s, decimal) > 1) return null;
    const [intPart, frac] = s.split(decimal);
    if (!groupedOk(intPart, thousands)) return null;
    return intPart.split(thousands).join('') + '.' + frac;
  }
  const sep = dots > 0 ? '.' : ',';
  const n = dots + commas;
  const groups = s.split(sep);
  const grouped = groupedOk(s, sep);
  if (n > 1) return grouped ? groups.join('') : null;
  // One separator.
  const threeAfter = groups[1].length === 3 && groups[0].length > 0 && groups[0] !== '0';
  const thousandsMark =
    style === 'vi' ? sep === '.' : style === 'en' ? sep === ',' : sep === '.' && threeAfter;
  if (thousandsMark && threeAfter) return groups.join('');
  if (thousandsMark && !threeAfter && style !== 'auto') return null;
  return groups[0] + '.' + groups[1];
}

function groupedOk(s: string, sep: string): boolean {
  const parts = s.split(sep);
  if (parts[0].length === 0 || parts[0].length > 3) return parts.length === 1;
  return parts.slice(1).every((p) => p.length === 3);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats an amount for display: `15.800`, `1,5` in Vietnamese; `15,800`, `1.5` in English. */
export function formatAmount(n: number, lang: 'vi' | 'en' = 'vi', maxDecimals = 6): string {
  // a whole amount (most of them) as Intl writes it, without Intl's cost (groupedInteger.test.ts)
  const whole = groupedInteger(n, lang === 'vi' ? '.' : ',');
  if (whole !== null) return whole;
  const key = lang + maxDecimals;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
      maximumFractionDigits: maxDecimals,
      useGrouping: true,
    });
    formatters.set(key, f);
  }
  return f.format(clean(n));
}
