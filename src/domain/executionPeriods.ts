/**
 * Reporting periods of a year's tracking: months and quarters. As in the forms of circular
 * 15/2021/TT-BTC, a period's figures are the disbursement *from 01/01 of N to the end of the
 * period*: cumulative, so a period is a checkpoint at its last day and the figure to date is the
 * latest checkpoint's, never a sum of periods. A quarter is the checkpoint at its last day; the
 * months inside it are earlier checkpoints and count nothing twice. Two periods cannot end on the
 * same day (quarter I and March are one checkpoint): the second is refused. A report that states
 * what was disbursed *in* the period adds it to the checkpoint before the period's first day (the
 * end of the previous quarter for a quarter), whatever months inside the quarter were recorded.
 */
import type { ExecPeriod } from './execution';
import { daysIn, type IsoDate, monthEnd } from './executionText';

const pad = (n: number) => String(n).padStart(2, '0');
const ROMAN = ['I', 'II', 'III', 'IV'];

/** The last day of quarter `q` (1–4) of `year`. */
export const quarterEnd = (year: number, q: number): IsoDate => monthEnd(year, q * 3);

const parts = (d: IsoDate) => d.split('-').map(Number) as [number, number, number];

/** Whether a date is the last day of its month. */
export function isMonthEnd(d: IsoDate): boolean {
  const [y, m, day] = parts(d);
  return day === daysIn(y, m);
}

/**
 * The first day a period covers: the 1st of its month, of its quarter's first month; null when
 * its end is not the last day of a month or a quarter (a report dated mid-month).
 */
export function periodStart(p: Pick<ExecPeriod, 'end' | 'kind'>): IsoDate | null {
  const [y, m] = parts(p.end);
  if (!isMonthEnd(p.end)) return null;
  if (p.kind === 'quarter') return m % 3 === 0 ? `${y}-${pad(m - 2)}-01` : null;
  return `${y}-${pad(m)}-01`;
}

/** The day before a date. */
export function dayBefore(d: IsoDate): IsoDate {
  const [y, m, day] = parts(d);
  if (day > 1) return `${y}-${pad(m)}-${pad(day - 1)}`;
  return m > 1 ? monthEnd(y, m - 1) : monthEnd(y - 1, 12);
}

/** `Tháng 3/2024`, `Quý I/2024` (`March 2024`, `Q1 2024`); a mid-month end as its date. */
export function periodLabel(p: Pick<ExecPeriod, 'end' | 'kind'>, lang: 'vi' | 'en' = 'vi'): string {
  const [y, m, d] = parts(p.end);
  if (!periodStart(p)) return `${pad(d)}/${pad(m)}/${y}`;
  if (p.kind === 'quarter')
    return lang === 'vi' ? `Quý ${ROMAN[m / 3 - 1]}/${y}` : `Q${m / 3} ${y}`;
  return lang === 'vi' ? `Tháng ${m}/${y}` : `${pad(m)}/${y}`;
}

/** Why a period typed by hand cannot be added. */
export type PeriodClash =
  /** Another period (of the other kind) ends on the same day: the same checkpoint. */
  | { why: 'sameEnd'; other: ExecPeriod }
  /** Outside the tracking's year (a month of N or January of N+1; a quarter of N). */
  | { why: 'outsideYear' }
  /** A quarter that does not end on 31/03, 30/06, 30/09 or 31/12. */
  | { why: 'notQuarterEnd' };

/**
 * Checks a period the user adds: null when it can be added, `existing` when the same period is
 * there already (nothing to add), else the clash.
 */
export function periodClash(
  periods: readonly ExecPeriod[],
  year: number,
  p: Pick<ExecPeriod, 'end' | 'kind'>,
): PeriodClash | 'existing' | null {
  const [y, m] = parts(p.end);
  if (p.kind === 'quarter') {
    if (!isMonthEnd(p.end) || m % 3 !== 0) return { why: 'notQuarterEnd' };
    if (y !== year) return { why: 'outsideYear' };
  } else if (!(y === year || (y === year + 1 && m === 1))) return { why: 'outsideYear' };
  const other = periods.find((x) => x.end === p.end);
  if (!other) return null;
  return other.kind === p.kind ? 'existing' : { why: 'sameEnd', other };
}
