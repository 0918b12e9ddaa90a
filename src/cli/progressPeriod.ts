/**
 * `planbook progress --period`: the period of a report declared by hand, as the app adds a month or
 * a quarter. Every period holds the disbursement from 01/01 of N to its last day, so a quarter and
 * a month ending the same day are one checkpoint: declaring both is refused.
 */
import type { ExecPeriod } from '../domain/execution';
import { periodClash, quarterEnd } from '../domain/executionPeriods';
import { type IsoDate, monthEnd, viDate } from '../domain/executionText';

/** A period declared for one report: its last day and kind, and the text as given. */
export interface DeclaredPeriod {
  end: IsoDate;
  kind: ExecPeriod['kind'];
  text: string;
}

/** A wrong `--period` (or its count): the message says what is wrong and what is expected. */
export class PeriodArgError extends Error {}

const EXPECTED = 'a month such as 2024-05 or a quarter such as 2024-Q2';

/** `2024-05`, `05/2024` → May 2024; `2024-Q2`, `Q2/2024` → quarter II; null when neither. */
export function parsePeriod(text: string): Omit<DeclaredPeriod, 'text'> | null {
  const t = text.trim().toUpperCase();
  const yq = /^(\d{4})-?Q([1-4])$/.exec(t);
  const qy = /^Q([1-4])[/-](\d{4})$/.exec(t);
  if (yq || qy) {
    const [year, q] = yq ? [yq[1], yq[2]] : [qy![2], qy![1]];
    return { end: quarterEnd(Number(year), Number(q)), kind: 'quarter' };
  }
  const ym = /^(\d{4})-(\d{1,2})$/.exec(t);
  const my = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (!ym && !my) return null;
  const [year, month] = ym ? [Number(ym[1]), Number(ym[2])] : [Number(my![2]), Number(my![1])];
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  return { end: monthEnd(year, month), kind: 'month' };
}

/**
 * Every `--period` value (the option repeated, or values joined by commas), one per report in the
 * reports' order; `auto` keeps the date the report states. Empty when the option is not given.
 */
export function declaredPeriods(args: string[], reports: number): (DeclaredPeriod | null)[] {
  const texts: string[] = [];
  args.forEach((a, i) => {
    if (a === '--period') texts.push(...(args[i + 1] ?? '').split(','));
  });
  if (!texts.length) return [];
  const out = texts.map((text) => {
    if (text.trim().toLowerCase() === 'auto') return null;
    const p = parsePeriod(text);
    if (!p) throw new PeriodArgError(`--period needs ${EXPECTED} (got '${text}')`);
    return { ...p, text: text.trim() };
  });
  if (out.length !== reports)
    throw new PeriodArgError(
      `--period gives ${out.length} period(s) for ${reports} report(s): give one per report, in the reports' order ('auto' keeps the date a report states)`,
    );
  return out;
}

/** The year a declared period belongs to (January of N+1 closes year N, so the earliest wins). */
export function periodsYear(periods: (DeclaredPeriod | null)[]): number | null {
  const years = periods.flatMap((p) => (p ? [Number(p.end.slice(0, 4))] : []));
  return years.length ? Math.min(...years) : null;
}

/** Refuses a declared period outside the year's tracking (months of N and January N+1, quarters of N). */
export function checkInYear(p: DeclaredPeriod, file: string, year: number): void {
  const clash = periodClash([], year, p);
  if (clash && clash !== 'existing')
    throw new PeriodArgError(
      `--period ${p.text} (for ${file}) is outside the tracking of ${year}: a month of ${year} or January ${year + 1}, or a quarter of ${year}`,
    );
}

/** One report's period as recorded: declared by hand, or read from the file. */
export interface ReportPeriod {
  file: string;
  end: IsoDate;
  kind: ExecPeriod['kind'];
  declared: DeclaredPeriod | null;
}

const described = (r: ReportPeriod) =>
  r.declared
    ? `--period ${r.declared.text} (for ${r.file})`
    : `${r.file} (a ${r.kind} report dated ${viDate(r.end)} in the file)`;

/**
 * Refuses a declared period that ends on the same day as another report's period of the other
 * kind (quarter I and March): both would be one checkpoint, the total from 01/01 to that day.
 */
export function checkSameEnd(periods: ReportPeriod[]): void {
  for (let i = 0; i < periods.length; i++)
    for (let j = i + 1; j < periods.length; j++) {
      const [a, b] = [periods[i], periods[j]];
      if (a.end !== b.end || a.kind === b.kind || !(a.declared || b.declared)) continue;
      throw new PeriodArgError(
        `${described(a)} and ${described(b)} both end on ${viDate(a.end)}: every period holds the total from 01/01 to its end, so a quarter and a month ending the same day are one checkpoint; declare only one of them`,
      );
    }
}
