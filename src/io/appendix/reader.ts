/** Reads a raw table as a plan appendix: header band → column tree → rows → sheet and metadata. */
import { leaves } from '../../domain/columns';
import { newId } from '../../domain/ids';
import { KNOWN_SOURCES } from '../../domain/sources';
import type { AppendixSheet, ColumnLeaf, ColumnNode, PlanMeta } from '../../domain/types';
import { decodeLegacy, detectLegacy, type LegacyEncoding, suspicious } from '../legacyText';
import { formulaNotes, withFormulaValues } from './cachedFormulas';
import { encodeCol } from '../xlsxText';
import type { RawGrid } from './grid';
import { buildColumns, findHeaderBand, forcedBand, type HeaderBand } from './header';
import {
  brokenHiddenColumns,
  markBroken,
  staleHiddenColumns,
  withoutBrokenColumns,
} from './brokenColumns';
import { refineColumns } from './columnFacts';
import { netLines } from './netLines';
import { withoutLeadColumns } from './leadColumns';
import { composedTexts } from './composed';
import { refilledHeader } from './headerFill';
import { readMeta } from './meta';
import { type ImportWarning, readRows } from './rows';

export type { ImportWarning };

export interface AppendixReading {
  sheet: AppendixSheet;
  meta: Partial<PlanMeta>;
  band: HeaderBand;
  /** Input line (1-based) of each row id. */
  lineOf: Map<string, number>;
  /** Source column (0-based) of each leaf id: where its figures stand. */
  colOf: Map<string, number>;
  warnings: ImportWarning[];
}

/** Adds the computed row total column just before the stated total (or after the amounts). */
function withRowTotal(columns: ColumnNode[]): ColumnNode[] {
  const ls = leaves(columns);
  if (!ls.some((l) => l.role === 'amount') || ls.some((l) => l.role === 'rowTotal')) return columns;
  const total: ColumnLeaf = {
    kind: 'leaf',
    id: 'total',
    label: 'Tổng cộng (tính)',
    role: 'rowTotal',
  };
  const at = columns.findIndex(
    (n) => n.kind === 'leaf' && (n.role === 'stated' || n.role === 'notes'),
  );
  const out = columns.slice();
  out.splice(at < 0 ? out.length : at, 0, total);
  return out;
}

/** Each grid's unlegacy answer, made once (as composedTexts': the same grid is asked twice). */
const UNLEGACY = new WeakMap<RawGrid, { grid: RawGrid; encoding: LegacyEncoding | null }>();

/** Converts a table typed in TCVN3 or VNI to Unicode; the encoding found, or null. */
export function unlegacy(g: RawGrid): { grid: RawGrid; encoding: LegacyEncoding | null } {
  let out = UNLEGACY.get(g);
  if (out === undefined) UNLEGACY.set(g, (out = toUnicode(g)));
  return out;
}

/** unlegacy, made. */
function toUnicode(g: RawGrid): { grid: RawGrid; encoding: LegacyEncoding | null } {
  // most tables have fewer than two suspicious characters in all: detectLegacy's answer (null)
  // is known without listing their texts
  let before = 0;
  for (const row of g.rows)
    for (const c of row) if (c.text && typeof c.value !== 'number') before += suspicious(c.text);
  if (before < 2) return { grid: g, encoding: null };
  const texts: string[] = [];
  for (const row of g.rows)
    for (const c of row) if (c.text && typeof c.value !== 'number') texts.push(c.text);
  const encoding = detectLegacy(texts);
  if (!encoding) return { grid: g, encoding };
  const rows = g.rows.map((row) =>
    row.map((c) =>
      c.text && typeof c.value !== 'number' ? { ...c, text: decodeLegacy(c.text, encoding) } : c,
    ),
  );
  return { grid: { ...g, rows }, encoding };
}

/** Reads one raw table; null when no header band is found (not an appendix). `rows` forces the band. */
export function readAppendix(
  raw: RawGrid,
  marked?: { start: number; end: number },
): AppendixReading | null {
  // formulas saved without their values: read as they compute (sheet coordinates, before any cut)
  const { grid: valued } = withFormulaValues(raw);
  const { computed, unknown } = formulaNotes(valued);
  const { grid: decoded, encoding } = unlegacy(valued);
  const { grid: unfilled, lead } = withoutLeadColumns(composedTexts(decoded));
  const band = marked ? forcedBand(unfilled, marked.start, marked.end) : findHeaderBand(unfilled);
  if (!band) return null;
  // a hidden copy of a shown column (its older figures) is no column of the table: left empty,
  // header included (its label repeated beside the column's is no merge filled)
  const stale = withoutBrokenColumns(
    unfilled,
    band,
    staleHiddenColumns(unfilled, band),
    band.start,
  );
  // a header unmerged and filled (the label in every cell of its old merge) read as its merges
  const read = refilledHeader(stale, band);
  const broken = brokenHiddenColumns(read, band);
  const g = withoutBrokenColumns(read, band, broken);
  const warnings: ImportWarning[] = [];
  if (encoding) {
    warnings.push({
      code: 'legacyEncoding',
      row: null,
      message: `sheet “${g.name}”: text in the ${encoding === 'TCVN3' ? 'TCVN3 (ABC)' : 'VNI'} encoding was converted to Unicode`,
      detail: encoding,
    });
  }
  if (computed.length) {
    const [r, k] = computed[0];
    const ref = `${encodeCol(k)}${raw.lineOf[r]}`;
    warnings.push({
      code: 'formulaNoValue',
      row: raw.lineOf[r],
      message: `sheet “${g.name}”: ${computed.length} figure(s) are formulas saved without their values (${ref} =${raw.rows[r][k].formula}); read as the formulas compute them, not as stated figures`,
      detail: `${computed.length}`,
    });
  }
  if (unknown.length) {
    const [r, k] = unknown[0];
    const ref = `${encodeCol(k)}${raw.lineOf[r]}`;
    warnings.push({
      code: 'formulaNotComputed',
      row: raw.lineOf[r],
      message: `sheet “${g.name}”: ${unknown.length} formula(s) saved without their values cannot be computed here (${ref} =${raw.rows[r][k].formula}: another function, workbook or sheet); left empty, nothing is checked against them`,
      detail: `${unknown.length}`,
    });
  }
  const { columns, specs } = buildColumns(g, band);
  const ls = specs.map((s) => s.leaf);
  if (
    !ls.some((l) => l.role === 'name') ||
    !ls.some((l) => l.role === 'amount' || l.role === 'stated' || l.role === 'value')
  )
    return null;
  const meta = readMeta(g, band.start);
  refineColumns(g, specs, band.end, g.rows.length, meta.unit);
  markBroken(specs, broken);
  const { rows, lineOf, footer } = readRows(g, band, specs, warnings);
  netLines(rows);
  const sheet: AppendixSheet = {
    kind: 'appendix',
    id: newId('s'),
    name: g.name,
    title: meta.title ?? g.name,
    columns: withRowTotal(columns),
    rows,
    ...(band.codeRow !== null ? { hasCodeRow: true } : {}),
    ...(footer.length ? { footer } : {}),
  };
  const colOf = new Map(
    specs.map((s) => [s.leaf.id, lead + (s.valueCol ?? s.cols[s.cols.length - 1])]),
  );
  return { sheet, meta, band, lineOf, colOf, warnings };
}

/** Plan metadata for a read sheet (years and sources from its amount columns). */
export function metaFor(r: AppendixReading): PlanMeta {
  const ls = leaves(r.sheet.columns).filter((l) => l.role === 'amount');
  const years = [...new Set(ls.map((l) => l.year).filter((y): y is number => !!y))].sort();
  const codes = [...new Set(ls.map((l) => l.source).filter((s): s is string => !!s))];
  return {
    title: r.meta.title ?? r.sheet.name,
    issuingBody: r.meta.issuingBody ?? '',
    docNumber: r.meta.docNumber ?? '',
    docDate: r.meta.docDate ?? '',
    ...(r.meta.docType ? { docType: r.meta.docType } : {}),
    ...(r.meta.place ? { place: r.meta.place } : {}),
    years,
    unit: r.meta.unit ?? '',
    sources: codes.map(
      (code) => KNOWN_SOURCES.find((s) => s.code === code) ?? { code, name: code },
    ),
    stated: { bySource: {} },
  };
}
