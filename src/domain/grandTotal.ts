/**
 * Whether a grand total (*Tổng cộng*) of a sheet's top-level rows means anything, read from the
 * table's structure and labels as official tables are written, never from its figures (the layout
 * must not change with a value).
 *
 * A total adds parts of one whole: the projects or sectors of a capital plan, the regions of a
 * transfer table, the ministries of a spending table. A balance table (*Cân đối ngân sách*) lists
 * different quantities at its top: revenue (*Tổng thu*), expenditure (*Tổng chi*), the deficit or
 * balance (*Bội chi*, *Cân đối*, *Chênh lệch thu – chi*) and its financing (*Vay bù đắp*, *Vay –
 * trả nợ*); their sum is no figure. So the grand total is not meaningful when a top-level row is a
 * balance, when the top-level rows are both revenue and expenditure, or when a
 * top-level section is itself such a balance (*Ngân sách trung ương*: its revenue, expenditure and
 * borrowing). Everything else keeps its total.
 */
import { addsToTotals } from './formulaForms';
import type { Row } from './types';

/**
 * What a label says a row's figure is: revenue, expenditure, a balance, or none of these. Borrowing
 * (`Vay ngoài nước về cho vay lại`) is no quantity of its own: spending tables add it to their
 * expenditure; the financing of a deficit reads as a balance (`Nguồn bù đắp bội chi`).
 */
export type Quantity = 'revenue' | 'expenditure' | 'balance' | null;

// labels are read lower-cased with their tones (folded, `Thư viện` would read `thu`, `Chỉ tiêu` `chi`)
const LEAD = /^[\s\d.)\-–—:;•*+/]*(?:(?:[ivxlcd]{1,5}|[a-zđ])[.)]\s+)?/u;
const TOTAL = /^tổng\s+(?:số\s+|cộng\s+)?/u;
const END = String.raw`(?=$|[\s,.:;()\-–—/])`;
/** A balance: deficit, surplus, balance, difference, carry-over, or the financing of a deficit. */
const BALANCE = new RegExp(
  String.raw`^(?:bội chi|bội thu|thặng dư|chênh lệch|cân đối|kết dư|(?:nguồn |vay )?bù đắp)${END}`,
  'u',
);
/** A label writing a difference: `thu – chi`, `vay - trả nợ`, `C = A - B`. */
const DIFFERENCE =
  /(?:\bthu\s*[-–—−]\s*chi\b|\bvay\s*[-–—−]\s*trả nợ|(?:^|[\s(])[a-z]{1,4}\s*=\s*[a-z]{1,4}\s*[-–—−])/u;
/** A label naming both flows of one block: `thu, chi`, `thu và chi`. */
const BOTH = /\bthu\s*(?:,|và)\s*chi\b/u;
/** `thu` starting a revenue, not `thu gom` (collecting waste), `thu hút` (attracting) … */
const REVENUE = new RegExp(
  String.raw`^(?:nguồn |các khoản )?thu${END}(?!\s*(?:gom|hoạch|mua|hút|thập|phát|nhỏ|hẹp|nhập|hồi đất|xếp)${END})`,
  'u',
);
/** `chi` starting an expenditure, not `Chi cục`, `Chi nhánh` (bodies) or `Chi Lăng` (a place). */
const SPENDING = new RegExp(
  String.raw`^chi${END}(?!\s*(?:cục|nhánh|bộ|đoàn|hội|lăng|nê|khu)${END})`,
  'u',
);

/** The letters a quantity's first word starts with (`thu`, `tổng`, `chi`, `cân`, `bội`, `kết`, `nguồn`, `vay`). */
const INITIALS = new Set([0x74, 0x63, 0x62, 0x6b, 0x6e, 0x76]);
const isLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
/** Characters beyond ASCII that the reading strips before the first word (`LEAD`). */
const LEADING = new Set([
  0x2013, 0x2014, 0x2022, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);
/** A letter of a numbering token (`A.`, `IV)`, `đ)`). */
const isToken = (c: number) => isLetter(c) || c === 0x110 || c === 0x111;
/** The characters a written difference needs: `=` and the dashes. */
const DASHES = new Set([0x3d, 0x2d, 0x2013, 0x2014, 0x2212]);

/**
 * Whether a label surely names no quantity, told from its first letter after numbering (`1.`,
 * `A.`, `IV)`): one no quantity word starts with (`Dự án …`, `Xây dựng …`, `Ủy ban …`), so that a
 * plan of 100,000 projects is not read label by label.
 */
function surelyNone(label: string): boolean {
  const n = label.length;
  let k = 0;
  for (;;) {
    while (k < n && (LEADING.has(label.charCodeAt(k)) || !isLetter(label.charCodeAt(k)))) {
      const c = label.charCodeAt(k);
      if (c >= 0x80 && !LEADING.has(c)) break;
      k++;
    }
    let e = k;
    while (e < n && e - k < 6 && isToken(label.charCodeAt(e))) e++;
    const after = e < n ? label.charCodeAt(e) : 0;
    // `A.`, `IV)`: numbering, read past
    if (e > k && (after === 0x2e || after === 0x29)) k = e + 1;
    else break;
  }
  if (k >= n) return true;
  const c = label.charCodeAt(k);
  // (the Kelvin sign is a `K` once normalised)
  if ((c < 0x80 && INITIALS.has(c | 0x20)) || c === 0x212a) return false;
  // a difference may be written anywhere in the label (`… thu – chi`, `(C = A - B)`)
  for (let i = k; i < n; i++) if (DASHES.has(label.charCodeAt(i))) return false;
  return true;
}

/** The quantity a row's label names (numbering and a leading `Tổng (số)` set aside). */
export function labelQuantity(label: string): Quantity {
  return surelyNone(label) ? null : readQuantity(label);
}

/** `labelQuantity` the long way, every label read whole (for the tests of `surelyNone`). */
export function readQuantity(label: string): Quantity {
  const raw = label.normalize('NFC').toLowerCase();
  const t = raw.replace(LEAD, '').replace(TOTAL, '').trim();
  if (BALANCE.test(t) || DIFFERENCE.test(raw)) return 'balance';
  // `Các khoản thu, chi quản lý qua NSNN` names both flows of one block, added as an amount
  if (BOTH.test(t)) return null;
  if (REVENUE.test(t)) return 'revenue';
  if (SPENDING.test(t)) return 'expenditure';
  return null;
}

const quantityOf = (r: Row): Quantity => labelQuantity(String(r.cells.name ?? ''));

/** Whether rows of these quantities are different things: a balance, or revenue and expenditure. */
function mixed(qs: Quantity[]): boolean {
  return qs.includes('balance') || (qs.includes('revenue') && qs.includes('expenditure'));
}

/** The direct children of section i that are added into it (no of-which or ratio row). */
function childQuantities(rows: readonly Row[], i: number): Quantity[] {
  const out: Quantity[] = [];
  const level = rows[i].level;
  for (let j = i + 1; j < rows.length && rows[j].level > level; j++)
    if (rows[j].level === level + 1 && !rows[j].part && rows[j].kind !== 'total')
      out.push(quantityOf(rows[j]));
  return out;
}

const cache = new WeakMap<readonly Row[], boolean>();

/**
 * Whether adding a sheet's top-level rows into a grand total is meaningful (see the file's note):
 * false for a balance table, true for the parts of one whole. Cached per version of the rows.
 */
export function grandTotalMeaningful(rows: readonly Row[]): boolean {
  const hit = cache.get(rows);
  if (hit !== undefined) return hit;
  const tops: Quantity[] = [];
  let meaningful = true;
  for (let i = 0; i < rows.length && meaningful; i++) {
    if (!addsToTotals(rows[i])) continue;
    tops.push(quantityOf(rows[i]));
    if (rows[i].kind === 'section' && mixed(childQuantities(rows, i))) meaningful = false;
  }
  if (meaningful && mixed(tops)) meaningful = false;
  cache.set(rows, meaningful);
  return meaningful;
}
