/**
 * What a row's label says its figure is: revenue (*Tổng thu*), expenditure (*Tổng chi*), a balance
 * (*Bội chi*, *Thặng dư*, *Chênh lệch thu – chi*, *Cân đối*, *Kết dư*, *Vay bù đắp bội chi*) or
 * none of these. The one reader of these words: the grand total (grandTotal.ts) and the balance
 * rows (balanceRows.ts) ask it.
 *
 * Labels are read lower-cased with their tones: folded, `Thư viện` would read `thu`, `Chỉ tiêu`
 * `chi`, `Thù lao` `thu`. `Chi cục`, `Chi nhánh` (bodies), `Chi Lăng` (a place), `Thu gom` (waste
 * collecting) are set aside. Borrowing (`Vay ngoài nước về cho vay lại`) is no quantity of its
 * own: spending tables add it to their expenditure.
 */

/** What a label says a row's figure is: revenue, expenditure, a balance, or none of these. */
export type Quantity = 'revenue' | 'expenditure' | 'balance' | null;

/**
 * Which balance a label names: a deficit (`Bội chi`, `Vay bù đắp bội chi`: expenditure − revenue),
 * a surplus (`Bội thu`, `Thặng dư`), a carry-over (`Kết dư`), a difference (`Chênh lệch`), the
 * balance itself (`Cân đối`), the financing of a deficit (`Nguồn bù đắp`), or a difference written
 * out (`thu – chi`, `vay – trả nợ`, `C = A - B`) with no balance word first.
 */
export type BalanceKind =
  'deficit' | 'surplus' | 'carryOver' | 'difference' | 'balance' | 'financing' | 'written';

/** A label's reading: its quantity and, for a balance, which one. */
export interface LabelReading {
  quantity: Quantity;
  balance?: BalanceKind;
}

/** The reading of a label naming no quantity. */
export const NO_QUANTITY: LabelReading = Object.freeze({ quantity: null });
const NONE = NO_QUANTITY;
const REVENUE_READING: LabelReading = Object.freeze({ quantity: 'revenue' });
const SPENDING_READING: LabelReading = Object.freeze({ quantity: 'expenditure' });

/** Numbering before a label's first word: `1.`, `-`, `•`, `A.`, `IV)`, `đ)`. */
const LEAD = /^[\s\d.)\-–—:;•*+/]*(?:(?:[ivxlcd]{1,5}|[a-zđ])[.)]\s+)?/u;
/** `Tổng`, `Tổng số`, `Tổng cộng` before the quantity's word. */
const TOTAL = /^tổng\s+(?:số\s+|cộng\s+)?/u;
const END = String.raw`(?=$|[\s,.:;()\-–—/])`;
/** A balance word: deficit, surplus, balance, difference, carry-over, or the financing of a deficit. */
const BALANCE = new RegExp(
  String.raw`^(bội chi|bội thu|thặng dư|chênh lệch|cân đối|kết dư|(?:nguồn |vay )?bù đắp)${END}`,
  'u',
);
const KIND: Record<string, BalanceKind> = {
  'bội chi': 'deficit',
  'bội thu': 'surplus',
  'thặng dư': 'surplus',
  'kết dư': 'carryOver',
  'chênh lệch': 'difference',
  'cân đối': 'balance',
  'bù đắp': 'financing',
  'nguồn bù đắp': 'financing',
  'vay bù đắp': 'financing',
};
/** `Vay bù đắp bội chi`: the borrowing that covers the deficit restates it. */
const DEFICIT_BORROWING = new RegExp(String.raw`^vay bù đắp bội chi${END}`, 'u');
/** A label writing a rule of letters: `C = A - B`, `(C=A-B-kết dư)`, `III = II - I`. */
const RULE = /(?:^|[\s(])[a-z]{1,4}\s*=\s*[a-z]{1,4}\s*[-–—−]/iu;
/** A label writing a difference of flows: `thu – chi`, `vay - trả nợ`. */
const FLOWS = /(?:\bthu\s*[-–—−]\s*chi\b|\bvay\s*[-–—−]\s*trả nợ)/u;
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
export function surelyNone(label: string): boolean {
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

/** What a label names (numbering and a leading `Tổng (số)` set aside); most labels at their first letter. */
export function readLabel(label: string): LabelReading {
  return surelyNone(label) ? NONE : readLabelWhole(label);
}

/** `readLabel` the long way, every label read whole (for the tests of `surelyNone`). */
export function readLabelWhole(label: string): LabelReading {
  const raw = label.normalize('NFC').toLowerCase();
  const t = raw.replace(LEAD, '').replace(TOTAL, '').trim();
  const word = BALANCE.exec(t)?.[1];
  if (word) {
    const balance = DEFICIT_BORROWING.test(t) ? 'deficit' : KIND[word];
    return { quantity: 'balance', balance };
  }
  if (RULE.test(raw) || FLOWS.test(raw)) return { quantity: 'balance', balance: 'written' };
  // `Các khoản thu, chi quản lý qua NSNN` names both flows of one block, added as an amount
  if (BOTH.test(t)) return NONE;
  if (REVENUE.test(t)) return REVENUE_READING;
  if (SPENDING.test(t)) return SPENDING_READING;
  return NONE;
}

/** The quantity a row's label names (see `readLabel`). */
export function labelQuantity(label: string): Quantity {
  return readLabel(label).quantity;
}

/** `labelQuantity` the long way (for the tests of `surelyNone`). */
export function readQuantity(label: string): Quantity {
  return readLabelWhole(label).quantity;
}

/** Whether a label writes its own rule of letters (`Bội chi (C = A - B)`, `III = II - I`). */
export function writesRule(label: string): boolean {
  return RULE.test(label);
}
