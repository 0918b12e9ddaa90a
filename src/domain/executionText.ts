/**
 * What the texts of a disbursement report say: dates (`31/03/2024`, `ngày 31 tháng 3 năm 2024`,
 * `tháng 3/2024`, `quý I năm 2024`), the report's year and period end, and the scale of its unit
 * (`đồng`, `triệu đồng`, `tỷ đồng`). Pure text rules, shared by the reader and the app.
 */
import { normaliseName } from './matchNames';
import { canonicalSource, fold } from './sources';

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO text of a date; null when the day does not exist. */
export function isoDate(y: number, m: number, d: number): IsoDate | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  if (d > daysIn(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Days in a month (1-based month). */
export function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The last day of a month. */
export function monthEnd(y: number, m: number): IsoDate {
  return `${y}-${pad(m)}-${pad(daysIn(y, m))}`;
}

/** Days since 1970-01-01 of an ISO date (for interpolating along the year). */
export function dayNumber(d: IsoDate): number {
  const [y, m, day] = d.split('-').map(Number);
  return Date.UTC(y, m - 1, day) / 86_400_000;
}

/** `31/03/2024` from an ISO date. */
export function viDate(d: IsoDate): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};

/** Every full date a text names, in order (day/month/year, or `ngày d tháng m năm y`). */
export function datesIn(text: string): IsoDate[] {
  const f = fold(text);
  const out: IsoDate[] = [];
  const re =
    /(?:\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\b)|(?:ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*((?:19|20)\d\d))/g;
  for (const m of f.matchAll(re)) {
    const d = Number(m[1] ?? m[4]);
    const mo = Number(m[2] ?? m[5]);
    const y = Number(m[3] ?? m[6]);
    const iso = isoDate(y, mo, d);
    if (iso) out.push(iso);
  }
  return out;
}

/** The end of the period a text names: a date, else `tháng m/năm y`, else `quý q năm y`. */
export function periodEndIn(text: string): { end: IsoDate; kind: 'month' | 'quarter' } | null {
  const f = fold(text);
  const dates = datesIn(text);
  // the end of a range (`từ 01/01/2024 đến 31/03/2024`) or the one date named
  if (dates.length) {
    const end = dates[dates.length - 1];
    const [y, m] = end.split('-').map(Number);
    return {
      end,
      kind: /\bquy\b/.test(f) && m % 3 === 0 && end === monthEnd(y, m) ? 'quarter' : 'month',
    };
  }
  const month = /\bthang\s*(\d{1,2})\s*(?:[/.-]|nam)\s*((?:19|20)\d\d)\b/.exec(f);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12)
    return { end: monthEnd(Number(month[2]), Number(month[1])), kind: 'month' };
  const quarter = /\bquy\s*(i{1,3}|iv|[1-4])\s*(?:[/.-]|nam)\s*((?:19|20)\d\d)\b/.exec(f);
  if (quarter) return { end: monthEnd(Number(quarter[2]), ROMAN[quarter[1]] * 3), kind: 'quarter' };
  const months = /\b(\d{1,2})\s*thang\s*(?:dau\s*)?nam\s*((?:19|20)\d\d)\b/.exec(f); // `6 tháng đầu năm 2024`
  if (months && Number(months[1]) >= 1 && Number(months[1]) <= 12)
    return { end: monthEnd(Number(months[2]), Number(months[1])), kind: 'month' };
  return null;
}

/** Years a text names, ranges (`2021-2025`, `giai đoạn 2021 - 2025`) left out. */
export function yearsIn(text: string): number[] {
  const f = fold(text).replace(/\b(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d\b/g, ' ');
  return [...f.matchAll(/(?<![\d/.])((?:19|20)\d\d)(?![\d])/g)].map((m) => Number(m[1]));
}

/** Multiplier from a unit's text to đồng (`triệu đồng` → 1e6); null when it is not a money unit. */
export function unitScale(unit: string): number | null {
  const f = fold(unit)
    .replace(/[().:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!f) return null;
  if (/\bty\b|\bbillion/.test(f)) return 1e9;
  if (/\btrieu\b|\btr\s*d(ong)?\b|\btrd\b|\bmillion/.test(f)) return 1e6;
  if (/\bnghin\b|\bngan\b/.test(f)) return 1e3;
  if (/\b(dong|vnd)\b/.test(f)) return 1;
  return null;
}

/** `đến 30/6`, `đến hết ngày 30/6` (a day and month without the year) as a date of `year`. */
export function partialEndIn(text: string, year: number): IsoDate | null {
  const f = fold(text);
  const m = /\bden (?:het )?(?:ngay )?(\d{1,2}) ?\/ ?(\d{1,2})\b(?! ?[/.-] ?\d)/.exec(f);
  if (!m) return null;
  const month = Number(m[2]);
  return isoDate(month === 1 && /\bnam sau\b/.test(f) ? year + 1 : year, month, Number(m[1]));
}

/** A section line naming a capital source (`I. VỐN NGÂN SÁCH TRUNG ƯƠNG`, `Vốn trong nước`). */
export function sectionSource(name: string): string | null {
  const f = fold(name)
    .replace(/^([ivxlcd]+|\d+|[a-z])[.)]\s+/, '')
    .replace(/[():]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/^(von|nguon von|nguon|ngan sach|ns(tw|dp|t)?)\b/.test(f)) return null;
  return canonicalSource(f) ?? (f.split(' ').length <= 6 ? f : null);
}

/** The code of a project: a code column of the plan, else `mã dự án: 1234567` in its name. */
export function codeIn(text: string): string {
  const lead = /^\s*(\d{7})\s*[-–:.]\s+\S/.exec(text); // `7812301 - Đường …`
  if (lead) return lead[1];
  const m = /\bm[ãa]\s*(?:s[ốo]\s*)?(?:d[ựu]\s*[áa]n|da|dự án)?\s*[:.]?\s*(\d{5,9})\b/i.exec(text);
  return m ? m[1] : '';
}

/** Normalised project code for matching (spaces, dots and case dropped). */
export function normaliseCode(code: unknown): string {
  return String(code ?? '')
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase();
}

/** A project's name key: its name and lead unit, normalised (`name|lead`). */
export function nameLeadKey(name: string, lead: string): string {
  return `${normaliseName(name)}|${normaliseName(lead)}`;
}

/**
 * Who a project is in a plan or a report listing it under several source sections: its code,
 * normalised, else its name key.
 */
export function projectIdentity(code: string, name: string, lead: string): string {
  return normaliseCode(code) || nameLeadKey(name, lead);
}
