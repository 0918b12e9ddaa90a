/**
 * A submission's numeric columns, read from their headers (year, capital source, or a total that
 * is not an amount of its own), and their mapping onto the form's columns: other orders, a subset
 * of years, sources spelled differently (Vốn SN, Sự nghiệp, Chi thường xuyên, XDCB…).
 */
import { leafPaths } from './compare';
import { leaves } from './columns';
import type { ColumnMapping, FormColumn, SubmittedColumn } from './consolidateTypes';
import { normaliseName } from './match';
import { canonicalSource, fold, KNOWN_SOURCES, slug } from './sources';
import type { AppendixSheet, ColumnLeaf } from './types';

const YEAR = /(?<!\d)((?:19|20)\d\d)(?!\d)/g;

/** The one year a text names (`Năm 2026`, `XDCB 2026`); null for none or a range (`2026-2028`). */
export function yearIn(text: string): number | null {
  const ys = new Set([...text.matchAll(YEAR)].map((m) => Number(m[1])));
  return ys.size === 1 ? [...ys][0] : null;
}

/** The one year the titles name (a single-year plan such as *Dự toán năm 2026*), or null. */
export function titleYear(titles: string[]): number | null {
  const ys = new Set(titles.flatMap((t) => [...t.matchAll(YEAR)].map((m) => Number(m[1]))));
  return ys.size === 1 ? [...ys][0] : null;
}

/** A capital source named anywhere in a header text (`Trong đó: Vốn ĐTPT`, `Kinh phí sự nghiệp`). */
export function sourceIn(text: string): string | null {
  const direct = canonicalSource(text);
  if (direct) return direct;
  const f = fold(text);
  for (const m of f.matchAll(/(?:^|[^a-z0-9])(?=[a-z0-9])/g)) {
    const at = m.index + m[0].length;
    const s = canonicalSource(f.slice(at));
    if (s) return s;
  }
  return null;
}

/** The source a sheet's name or title names for all its columns (`Vốn SN`, `… vốn sự nghiệp`). */
export function sheetSource(name: string, title: string): string | null {
  return sourceIn(name) ?? explicitSource(title);
}

/** A source a text names in so many words (`… vốn sự nghiệp`, `Nguồn vốn XDCB`), or null. */
export function explicitSource(text: string): string | null {
  const m =
    /(von su nghiep|kinh phi su nghiep|chi thuong xuyen|von dau tu phat trien|von xdcb|xay dung co ban|von dtpt|von sn|dau tu cong|ngan sach trung uong|ngan sach tinh|ngan sach dia phuong)/.exec(
      fold(text),
    );
  return m ? sourceIn(m[1]) : null;
}

/** Figures that are not this plan's request: the whole investment, what was spent or assigned before. */
const NOT_REQUEST =
  /(tong muc dau tu|\btmdt\b|luy ke|da bo tri|da giao|da phan bo|giai ngan|quyet toan|uoc thuc hien|uoc th\b|thuc hien nam|thuc hien den|so quyet dinh|\bso qd\b|thoi gian|khoi cong|hoan thanh|ty le|%|so luong|don gia|dien tich|khoi luong|quy mo|so nam)/;
/** A header that names a total of other columns. */
const TOTAL = /^(tong|cong\b)/;
/** Words of a column that holds the amount asked for. */
const REQUEST =
  /(kinh phi|nhu cau|de nghi|de xuat|ke hoach|du toan|du kien|\bvon\b|so tien|gia tri)/;

interface Candidate {
  leaf: ColumnLeaf;
  path: string[];
  year: number | null;
  source: string | null;
  total: boolean;
  excluded: boolean;
}

function candidate(l: ColumnLeaf, path: string[], fallbackYear: number | null): Candidate {
  if (l.additive === false || NOT_REQUEST.test(fold(path.join(' | '))))
    return { leaf: l, path, year: null, source: null, total: false, excluded: true };
  let year = l.year ?? null;
  for (const t of path) year = year ?? yearIn(t);
  let source = l.source ?? null;
  // the column's own label may name its source anywhere (`Trong đó: Vốn ĐTPT`); a group above it
  // only in so many words (`Nhu cầu vốn đầu tư` is any capital, not ĐTPT)
  source ??= sourceIn(path[path.length - 1] ?? l.label);
  for (let k = path.length - 2; k >= 0 && !source; k--)
    source = canonicalSource(path[k]) ?? explicitSource(path[k]);
  const last = fold(path[path.length - 1] ?? l.label);
  const code = l.code ?? '';
  const total = TOTAL.test(last) || /=.*\+/.test(code);
  return {
    leaf: l,
    path,
    year: year ?? (source ? fallbackYear : null),
    source,
    total,
    excluded: false,
  };
}

/**
 * The numeric columns of an appendix sheet, classified: `amount` (a year and/or a source, or the
 * sheet's only figure), `subtotal` (a total of other amount columns), `other` (the investment
 * total, figures of past years, counts…). `fallbackYear` is the year of a single-year plan.
 */
export function submittedColumns(
  sheet: AppendixSheet,
  fallbackYear: number | null,
  fallbackSource: string | null = null,
): SubmittedColumn[] {
  const paths = leafPaths(sheet.columns);
  const numeric = leaves(sheet.columns).filter(
    (l) => l.role === 'amount' || l.role === 'value' || l.role === 'stated',
  );
  const cands = numeric.map((l) => candidate(l, paths.get(l.id) ?? [l.label], fallbackYear));
  // a sheet whose headers name no source: the one its name or title names (a sheet per source)
  if (fallbackSource && !cands.some((c) => c.source))
    for (const c of cands) if (!c.excluded && c.year !== null) c.source = fallbackSource;
  const excluded = (c: Candidate) => c.excluded;
  const dated = cands.filter((c) => !excluded(c) && !c.total && (c.year !== null || c.source));
  const out: SubmittedColumn[] = [];
  // a sheet with neither years nor sources: its request column(s), with the plan's year
  const plain = dated.length ? [] : cands.filter((c) => !excluded(c));
  const parts = plain.filter((c) => !c.total);
  const asked = parts.filter((c) => REQUEST.test(fold(c.path.join(' '))));
  const plainAmounts = new Set(
    plain.length === 1 ? plain : asked.length ? asked : parts.length ? parts : plain.slice(-1),
  );
  for (const c of cands) {
    const col: SubmittedColumn = {
      key: `${sheet.id}:${c.leaf.id}`,
      sheet: sheet.name,
      path: c.path,
      year: c.year,
      source: c.source,
      kind: 'amount',
    };
    if (excluded(c)) Object.assign(col, { kind: 'other', reason: 'not a request' });
    else if (plainAmounts.has(c)) col.year = c.year ?? fallbackYear;
    else if (c.total) {
      // a total of the amounts of its year and source (either may be open)
      const parts = dated.filter(
        (d) => (c.year === null || d.year === c.year) && (!c.source || d.source === c.source),
      );
      if (parts.length) Object.assign(col, { kind: 'subtotal', reason: 'total of other columns' });
      else if (c.year === null && !c.source)
        Object.assign(col, { kind: 'other', reason: 'no year or source' });
    } else if (c.year === null && !c.source)
      Object.assign(col, { kind: 'other', reason: 'no year or source' });
    else if (!c.source && c.leaf.role === 'amount') {
      // a column under a year beside named sources: a source the form may not know
      const named = dated.some((d) => d !== c && d.year === c.year && d.source);
      const label = c.path[c.path.length - 1]?.trim() ?? '';
      if (named && label && yearIn(label) === null) col.source = label;
    }
    out.push(col);
  }
  return out;
}

/** How a column is recognised from one submission to the next of the same unit. */
export function columnSignature(c: Pick<SubmittedColumn, 'path'>): string {
  return c.path.map((t) => normaliseName(t)).join('/');
}

/** Id of the form column for a year and source. */
export function formColumnId(year: number | null, source: string): string {
  return `y${year ?? 'x'}_${slug(source) || 'all'}`;
}

const SOURCE_ORDER = KNOWN_SOURCES.map((s) => s.code);

function sourceRank(s: string): number {
  const k = SOURCE_ORDER.indexOf(s);
  return k >= 0 ? k : s ? SOURCE_ORDER.length : SOURCE_ORDER.length + 1;
}

/** Orders form columns by year (none last), then source (ĐTPT, SN, … , none). */
export function sortFormColumns(cols: FormColumn[]): FormColumn[] {
  return cols.slice().sort((a, b) => {
    const ya = a.year ?? 9999;
    const yb = b.year ?? 9999;
    if (ya !== yb) return ya - yb;
    const r = sourceRank(a.source) - sourceRank(b.source);
    return r || a.source.localeCompare(b.source);
  });
}

/** A form with every year × source the submissions' amount columns name (the CLI without a form). */
export function formColumnsOf(columns: SubmittedColumn[]): FormColumn[] {
  const out = new Map<string, FormColumn>();
  for (const c of columns) {
    if (c.kind !== 'amount') continue;
    const id = formColumnId(c.year, c.source ?? '');
    if (!out.has(id)) out.set(id, { id, year: c.year, source: c.source ?? '' });
  }
  return sortFormColumns([...out.values()]);
}

/** The form column an amount column goes to, or null (and why). */
export function targetOf(
  c: SubmittedColumn,
  form: readonly FormColumn[],
): { to: string | null; why?: string } {
  if (c.kind !== 'amount') return { to: null, why: c.reason ?? c.kind };
  const source = c.source ?? '';
  const exact = form.find((f) => f.year === c.year && f.source === source);
  if (exact) return { to: exact.id };
  if (c.year !== null && !c.source) {
    const ofYear = form.filter((f) => f.year === c.year);
    if (ofYear.length === 1) return { to: ofYear[0].id };
    return { to: null, why: ofYear.length ? 'no source named' : `year ${c.year} not in the form` };
  }
  if (c.year === null) {
    const ofSource = form.filter((f) => f.source === source);
    if (ofSource.length === 1) return { to: ofSource[0].id };
    return {
      to: null,
      why: ofSource.length ? 'no year named' : `source ${source} not in the form`,
    };
  }
  const years = new Set(form.map((f) => f.year));
  if (!years.has(c.year)) return { to: null, why: `year ${c.year} not in the form` };
  const any = form.filter((f) => f.year === c.year && f.source === '');
  if (any.length === 1) return { to: any[0].id };
  return { to: null, why: `source ${source} not in the form` };
}

/** The automatic mapping of a submission's columns, overridden by a confirmed one (by signature). */
export function mapColumns(
  columns: SubmittedColumn[],
  form: readonly FormColumn[],
  confirmed: Record<string, string | null> = {},
): ColumnMapping {
  const ids = new Set(form.map((f) => f.id));
  const out: ColumnMapping = {};
  for (const c of columns) {
    const sig = columnSignature(c);
    const chosen = Object.hasOwn(confirmed, sig) ? confirmed[sig] : undefined;
    out[c.key] =
      chosen !== undefined && (chosen === null || ids.has(chosen)) ? chosen : targetOf(c, form).to;
  }
  return out;
}

/** Columns that hold figures and go nowhere, with the reason. */
export function unmappedColumns(
  columns: SubmittedColumn[],
  mapping: ColumnMapping,
  form: readonly FormColumn[],
): { column: SubmittedColumn; why: string }[] {
  return columns
    .filter((c) => !mapping[c.key])
    .map((c) => ({ column: c, why: targetOf(c, form).why ?? 'left out by the user' }));
}

/** The mapping as a per-unit memory: column signature → form column. */
export function confirmedMapping(
  columns: SubmittedColumn[],
  mapping: ColumnMapping,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const c of columns) out[columnSignature(c)] = mapping[c.key] ?? null;
  return out;
}
