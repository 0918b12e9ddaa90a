/**
 * Reads a disbursement report (the Treasury's or a unit's `.xlsx`, `.xls`, `.ods`, `.csv`) with the
 * same table reader as the plan import (header band, column tree, rows and their kinds), then gives
 * each column its meaning from its header texts (executionColumns) and keeps, per line, the project
 * code and lead unit texts the plan reader does not keep, and the figures by measure and source.
 */
import { leaves } from '../../domain/columns';
import { codeIn, leafPaths, sectionSource } from '../../domain/execution';
import { type ColumnMeaning, classifyColumn } from '../../domain/executionColumns';
import {
  figureKey,
  type ReportColumn,
  type ReportLine,
  type ReportReading,
  type ReportSheet,
} from '../../domain/executionReport';
import { datesIn, projectIdentity, unitScale } from '../../domain/executionText';
import { parseAmount } from '../../domain/numbers';
import type { AppendixSheet } from '../../domain/types';
import { cellText, type RawGrid } from '../appendix/grid';
import { type AppendixReading, readAppendix, unlegacy } from '../appendix/reader';
import { PlanReadError } from '../readPlan';
import { withSheetJs } from '../sheetJs';
import { reportPeriod, reportYear } from './reportDates';
import { gridsOf, withNameHeader } from './reportGrids';

export { gridsOf };

const FIGURES = new Set([
  'plan',
  'carry',
  'priorAllocated',
  'allocatedToDate',
  'priorDisbursed',
  'ytd',
  'sinceStart',
  'inPeriod',
]);

interface Col {
  leafId: string;
  col: number;
  path: string[];
  meaning: ColumnMeaning;
  /** Latest date the header names (for choosing among several columns of one measure). */
  date: string;
  /** The plan reader keeps no figures for this column (a text column to it): read the cells. */
  raw: boolean;
}

/** Column meanings of a read table, for the report's year (null: not known). */
function columnsOf(r: AppendixReading, year: number | null): Col[] {
  return leafPaths(r.sheet.columns)
    .filter(({ leaf }) => leaf.role !== 'rowTotal')
    .map(({ leaf, path }) => {
      const meaning =
        leaf.role === 'name'
          ? { measure: 'name' as const, part: 'all' as const, source: null }
          : leaf.role === 'lead'
            ? { measure: 'lead' as const, part: 'all' as const, source: null }
            : classifyColumn(path, year, leaf.source);
      const dates = datesIn(path.join(' '));
      return {
        leafId: leaf.id,
        col: r.colOf.get(leaf.id) ?? -1,
        path,
        meaning,
        date: dates.length ? dates[dates.length - 1] : '',
        raw: leaf.role === 'text' || leaf.role === 'notes',
      };
    });
}

/** Keeps one column per measure, part and source: the actual over an estimate, the latest date. */
function figureColumns(cols: Col[]): Col[] {
  const best = new Map<string, Col>();
  for (const c of cols) {
    if (!FIGURES.has(c.meaning.measure)) continue;
    const key = `${figureKey(c.meaning.measure, c.meaning.part)}|${c.meaning.source ?? ''}`;
    const had = best.get(key);
    const better =
      !had ||
      (!!had.meaning.estimate && !c.meaning.estimate) ||
      (!!had.meaning.estimate === !!c.meaning.estimate && c.date >= had.date);
    if (better) best.set(key, c);
  }
  return [...best.values()];
}

function linesOf(r: AppendixReading, g: RawGrid, cols: Col[]): ReportLine[] {
  const figures = figureColumns(cols);
  const code = cols.find((c) => c.meaning.measure === 'code');
  const leadText = cols.find((c) => c.meaning.measure === 'lead' && c.leafId !== 'lead');
  const out: ReportLine[] = [];
  for (const row of r.sheet.rows) {
    if (row.part) continue;
    const line = r.lineOf.get(row.id) ?? 0;
    const text = (c: Col | undefined) => (c && c.col >= 0 ? cellText(g, line - 1, c.col) : '');
    const name = String(row.cells.name ?? '').trim();
    const f: ReportLine['figures'] = {};
    for (const c of figures) {
      const v = c.raw ? rawNumber(g, line - 1, c.col) : row.cells[c.leafId];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const k = figureKey(c.meaning.measure, c.meaning.part);
      (f[k] ??= {})[c.meaning.source ?? ''] = v;
    }
    out.push({
      line,
      kind: row.kind,
      level: row.level,
      name,
      lead: String(row.cells.lead ?? '').trim() || text(leadText),
      code: text(code).replace(/\s+/g, '') || codeIn(name),
      figures: f,
    });
  }
  return bySourceSections(out);
}

/**
 * Lines under source sections (a report listing each project once per source) carry that source,
 * and one project's lines under several sources become one line with figures by source.
 */
function bySourceSections(lines: ReportLine[]): ReportLine[] {
  const stack: { level: number; source: string | null }[] = [];
  const under = new Map<ReportLine, string>();
  for (const l of lines) {
    while (stack.length && stack[stack.length - 1].level >= l.level) stack.pop();
    if (l.kind === 'section') {
      stack.push({ level: l.level, source: sectionSource(l.name) });
      continue;
    }
    const src = [...stack].reverse().find((x) => x.source)?.source;
    if (l.kind !== 'project' || !src) continue;
    under.set(l, src);
    for (const [k, f] of Object.entries(l.figures))
      if (Object.keys(f).length === 1 && f[''] !== undefined) l.figures[k] = { [src]: f[''] };
  }
  if (!under.size) return lines;
  const first = new Map<string, ReportLine>();
  const out: ReportLine[] = [];
  for (const l of lines) {
    const src = under.get(l);
    const id = projectIdentity(l.code, l.name, l.lead);
    const had = src ? first.get(id) : undefined;
    if (had && under.get(had) !== src) {
      for (const [k, f] of Object.entries(l.figures)) had.figures[k] = { ...had.figures[k], ...f };
      continue;
    }
    if (src && !had) first.set(id, l);
    out.push(l);
  }
  return out;
}

/** A figure typed in a cell the plan reader took for text (a stored number, else the shown text). */
function rawNumber(g: RawGrid, r: number, c: number): number | null {
  if (c < 0) return null;
  const v = g.rows[r]?.[c]?.value;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const t = cellText(g, r, c);
  return t ? parseAmount(t, 'auto') : null;
}

/** The text above the table (title block) and the header texts. */
function titleOf(r: AppendixReading, g: RawGrid): string {
  const lines: string[] = [];
  for (let i = 0; i < r.band.start; i++)
    for (let c = 0; c < (g.rows[i] ?? []).length; c++) {
      const t = cellText(g, i, c);
      // not the attachment line, nor the place and date the report was signed
      if (t && !/kèm theo|ban hành kèm/i.test(t) && !/^[^,\d]{2,40},\s*ngày\s*\d/i.test(t))
        lines.push(t);
    }
  return lines.join(' ');
}

function sheetOf(r: AppendixReading, g: RawGrid, year: number | null): ReportSheet {
  const cols = columnsOf(r, year);
  return {
    name: r.sheet.name,
    title: r.sheet.title,
    columns: cols.map((c): ReportColumn => ({ path: c.path, meaning: c.meaning })),
    lines: linesOf(r, g, cols),
  };
}

/** Whether a read table carries disbursement figures. */
const hasDisbursement = (cols: Col[]) =>
  cols.some((c) => ['ytd', 'inPeriod', 'sinceStart'].includes(c.meaning.measure));

/**
 * Reads a report file: its tables with disbursement columns, the year (given, else from the header
 * and title words), the period's end and the unit. Throws a PlanReadError when nothing reads.
 */
export function readReportFile(name: string, bytes: Uint8Array, year?: number): ReportReading {
  return readReportGrids(name, gridsOf(name, bytes), year);
}

/** `readReportFile` on the raw tables of a file (named `name`). */
export function readReportGrids(name: string, grids: RawGrid[], year?: number): ReportReading {
  const read: { r: AppendixReading; g: RawGrid; title: string }[] = [];
  for (const grid of grids) {
    let raw = grid;
    let r = readAppendix(raw);
    if (!r) {
      // a name column headed `Dự án` or `Công trình` alone: named as the reader knows it, and read again
      raw = withNameHeader(grid);
      r = raw === grid ? null : readAppendix(raw);
    }
    if (!r) continue;
    // the reader converted legacy-encoded text (TCVN3, VNI): the texts read here are converted alike
    const g = r.warnings.some((w) => w.code === 'legacyEncoding') ? unlegacy(raw).grid : raw;
    read.push({ r, g, title: titleOf(r, g) });
  }
  if (!read.length)
    throw new PlanReadError(
      'no sheet reads as a report table (no header band with a name column and figure columns)',
      'empty',
    );
  const withDisb = read.filter((x) => hasDisbursement(columnsOf(x.r, null)));
  const used = withDisb.length ? withDisb : read;
  const first = used[0];
  const headers = used.flatMap((x) => columnsOf(x.r, null));
  const y = year ?? reportYear(first.title, headers, name);
  const period = reportPeriod(first.title, headers, name, y);
  const unit = first.r.meta.unit ?? '';
  const warnings: string[] = [];
  if (!withDisb.length) warnings.push(`${name}: no column reads as a disbursement figure`);
  if (!period) warnings.push(`${name}: no date of the period found in the title or headers`);
  return {
    file: name,
    year: y,
    asOf: period?.end ?? null,
    kind: period?.kind ?? 'month',
    unit,
    scale: unitScale(unit),
    sheets: used.map((x) => sheetOf(x.r, x.g, y)),
    warnings,
  };
}

/** The appendix sheets' leaves of a read plan that hold codes (for `codeOf`). */
export function codeLeaves(sheet: AppendixSheet): string[] {
  return leaves(sheet.columns)
    .filter((l) => classifyColumn([l.label], null).measure === 'code')
    .map((l) => l.id);
}

/** `readReportFile`, loading SheetJS first when the file needs it (the app's worker, the app). */
export function readReportFileLoading(
  name: string,
  bytes: Uint8Array,
  year?: number,
): Promise<ReportReading> {
  return withSheetJs(() => readReportFile(name, bytes, year));
}
