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
  String.raw`^(?:bội chi|bội thu|thặng dư|chênh lệch|cân đối|kết dư|(?:nguồn |vay )?bù đắp|deficit|surplus|(?:budget )?balance)${END}`,
  'u',
);
/** A label writing a difference: `thu – chi`, `vay - trả nợ`, `C = A - B`. */
const DIFFERENCE =
  /(?:\bthu\s*[-–—−]\s*chi\b|\bvay\s*[-–—−]\s*trả nợ|(?:^|[\s(])[a-z]{1,4}\s*=\s*[a-z]{1,4}\s*[-–—−])/u;
/** A label naming both flows of one block: `thu, chi`, `thu và chi`. */
const BOTH = /\bthu\s*(?:,|và)\s*chi\b/u;
/** `thu` starting a revenue, not `thu gom` (collecting waste), `thu hút` (attracting) … */
const REVENUE = new RegExp(
  String.raw`^(?:nguồn |các khoản )?thu${END}(?!\s*(?:gom|hoạch|mua|hút|thập|phát|nhỏ|hẹp|nhập|hồi đất|xếp)${END})|^(?:total )?revenues?${END}`,
  'u',
);
/** `chi` starting an expenditure, not `Chi cục`, `Chi nhánh` (bodies) or `Chi Lăng` (a place). */
const SPENDING = new RegExp(
  String.raw`^chi${END}(?!\s*(?:cục|nhánh|bộ|đoàn|hội|lăng|nê|khu)${END})|^(?:total )?expenditures?${END}`,
  'u',
);

/** The quantity a row's label names (numbering and a leading `Tổng (số)` set aside). */
export function labelQuantity(label: string): Quantity {
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
