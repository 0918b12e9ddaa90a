/**
 * The labels of balance rows (deficit, surplus, the difference of revenue and expenditure): the
 * words, the first-letter shortcut and the per-row cache `balanceRows` reads them through.
 */
import { fold } from './sources';
import type { Row } from './types';

/** A label naming a balance: deficit, surplus, the difference of revenue and expenditure. */
const BALANCE_WORDS = ['boi chi', 'boi thu', 'thang du', 'chenh lech', 'vay bu dap boi chi'];
const BALANCE = new RegExp(`^(${BALANCE_WORDS.join('|')})\\b`);
/** The letters a balance label starts with (folded, lower case), derived from the words. */
const INITIALS = new Set(BALANCE_WORDS.map((w) => w.charCodeAt(0)));
/** Deficits and their financing are expenditure − revenue; differences and surpluses the reverse. */
export const DEFICIT = /^(boi chi|vay bu dap)/;
export const REVENUE = /^(tong |nguon )?thu\b/;
export const SPENDING = /^(tong |nguon )?chi\b/;
/** A label writing a difference with its own rule: `(C=A-B-kết dư)`, `III = II - I`. */
export const WRITTEN = /(^|[\s(])[A-Z]{1,4}\s*=\s*[A-Z]{1,4}\s*[-−–]/;

/** A row's label folded, its numbering (`1.`, `-`, `:`) left out. */
export const text = (r: Row) =>
  fold(String(r.cells.name ?? ''))
    .replace(/^[\s\d.)\-–:]+/, '')
    .trim();
/**
 * Whether a label cannot name a balance, read without folding it: its first character after
 * numbering (`1.`, `-`, `:`) is an ASCII one no balance word starts with (`INITIALS`).
 * False when unsure (a character beyond ASCII: the fold decides).
 */
export function surelyNoBalance(name: string): boolean {
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c >= 0x80) return false;
    // what `text` strips before the test: spaces, digits, `.`, `)`, `-`, `:`
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 48 && c <= 57) || c === 46 || c === 41) continue;
    if (c === 45 || c === 58) continue;
    return !INITIALS.has(c | 0x20);
  }
  return false;
}

/** Whether a row's label names a balance (by row version: labels are folded once, not per edit). */
const balanceLabel = new WeakMap<Row, boolean>();
export function isBalance(r: Row): boolean {
  // most labels (projects) are told at their first letter, without a fold or a cache entry
  if (surelyNoBalance(String(r.cells.name ?? ''))) return false;
  let b = balanceLabel.get(r);
  if (b === undefined) balanceLabel.set(r, (b = BALANCE.test(text(r))));
  return b;
}

/** Whether a label names a balance, the long way (folded; for tests of `surelyNoBalance`). */
export function namesBalance(name: string): boolean {
  return BALANCE.test(text({ cells: { name } } as unknown as Row));
}
