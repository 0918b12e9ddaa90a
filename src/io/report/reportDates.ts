/**
 * The year and period of a report from its texts: the year of its plan column (`Kế hoạch vốn năm
 * 2024`), the start of its disbursement range (`từ 01/01/2024`), its title (`THÁNG 3 NĂM 2024`,
 * `đến hết ngày 31/03/2024`), its file name (`giai-ngan-2024-03.xlsx`).
 */
import type { ColumnMeaning } from '../../domain/executionColumns';
import {
  datesIn,
  type IsoDate,
  monthEnd,
  partialEndIn,
  periodEndIn,
  yearsIn,
} from '../../domain/executionText';

interface Header {
  path: string[];
  meaning: ColumnMeaning;
}

const DISB = new Set(['ytd', 'inPeriod', 'sinceStart']);

/** A period named by a file name: `2024-03`, `03-2024`, `thang-3-2024`, `T3.2024`. */
export function periodInFileName(file: string): { end: IsoDate; kind: 'month' } | null {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const a = /(?:^|\D)((?:19|20)\d\d)[-_. ](0?[1-9]|1[0-2])(?:\D|$)/.exec(base);
  if (a) return { end: monthEnd(Number(a[1]), Number(a[2])), kind: 'month' };
  const b = /(?:thang|t)[-_. ]?(0?[1-9]|1[0-2])[-_. ]((?:19|20)\d\d)(?:\D|$)/i.exec(base);
  if (b) return { end: monthEnd(Number(b[2]), Number(b[1])), kind: 'month' };
  return null;
}

/** The report's year: plan column, disbursement range start, title, file name; null if none. */
export function reportYear(title: string, headers: Header[], file: string): number | null {
  const planYears = headers
    .filter((h) => h.meaning.measure === 'plan' && h.meaning.part === 'all')
    .flatMap((h) => yearsIn(h.path.join(' ')));
  if (planYears.length) return Math.max(...planYears);
  const starts = headers
    .filter((h) => DISB.has(h.meaning.measure))
    .map((h) => datesIn(h.path.join(' ')))
    .filter((d) => d.length)
    .map((d) => Number(d[0].slice(0, 4)));
  if (starts.length) return Math.max(...starts);
  const p = periodEndIn(title);
  if (p) return Number(p.end.slice(0, 4));
  const ys = yearsIn(title);
  if (ys.length) return Math.max(...ys);
  const f = periodInFileName(file);
  return f ? Number(f.end.slice(0, 4)) : null;
}

/**
 * The end of the report's period: the end date of its disbursement column, else what its title
 * names, else its file name. A date after the year (January of N+1) is kept.
 */
export function reportPeriod(
  title: string,
  headers: Header[],
  file: string,
  year: number | null,
): { end: IsoDate; kind: 'month' | 'quarter' } | null {
  const ends = headers
    .filter((h) => DISB.has(h.meaning.measure))
    .map((h) => datesIn(h.path.join(' ')))
    .filter((d) => d.length)
    .map((d) => d[d.length - 1])
    .filter((d) => year === null || Number(d.slice(0, 4)) >= year)
    .sort();
  const fromTitle = periodEndIn(title);
  if (ends.length) {
    const end = ends[ends.length - 1];
    return { end, kind: fromTitle?.end === end ? fromTitle.kind : 'month' };
  }
  if (fromTitle && (year === null || Number(fromTitle.end.slice(0, 4)) >= year)) return fromTitle;
  if (year !== null) {
    // `đến 30/6` without the year, in a disbursement header or the title
    for (const t of [
      ...headers.filter((h) => DISB.has(h.meaning.measure)).map((h) => h.path.join(' ')),
      title,
    ]) {
      const end = partialEndIn(t, year);
      if (end) return { end, kind: 'month' };
    }
  }
  return periodInFileName(file);
}
