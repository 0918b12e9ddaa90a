/**
 * Reads any plan file Planbook takes: its own `.planbook`, spreadsheets (`.xlsx`, `.xls`, `.ods`),
 * and delimited text (`.csv`, `.tsv`, `.txt`, pasted text).
 */
import type { AppendixSheet, GridSheet, PlanMeta, Workbook } from '../domain/types';
import { gridFromText, type RawGrid } from './appendix/grid';
import { gridSheetFromRaw } from './appendix/gridSheet';
import { readTables } from './appendix/stackedTables';
import { withBookFormulaValues } from './appendix/cachedFormulas';
import { textTables } from './appendix/textTables';
import { type AppendixReading, type ImportWarning, metaFor } from './appendix/reader';
import { parsePlanbook } from './planbookFile';
import { tryReadExported } from './export/readBack';
import { withoutExportParts } from './export/exportParts';
import { headerDepth, leaves } from '../domain/columns';
import {
  CellBudget,
  checkAppendixShape,
  checkFileSize,
  checkFormula,
  checkTextCells,
  checkTotalRows,
  LimitError,
} from './limits';
import { gridsFromWorkbook, SpreadsheetError, thrownText } from './sheets';
import { previewText } from './previewText';
import { SheetJsNotLoaded, withSheetJs } from './sheetJs';
import { ZipParts } from './xlsxZip';

/** What the import preview shows of one sheet (an appendix, or a plain grid: band null). */
export interface SheetSource {
  sheetId: string;
  name: string;
  band: { start: number; end: number; codeRow: number | null } | null;
  /** The first rows of the source as text (for drawing the reading over it). */
  rows: string[][];
  /** Source row (0-based) of each plan row id read from the preview's rows (`rows`). */
  rowOf: Record<string, number>;
}

export interface ReadOptions {
  /** Header rows marked by the user, by sheet name (0-based, end exclusive). */
  bands?: Record<string, { start: number; end: number }>;
}

export interface PlanReading {
  workbook: Workbook;
  sources?: SheetSource[];
  /** Input line of each row id (for `.planbook`: none). */
  lineOf: Map<string, number>;
  /** Source column (0-based) of each leaf id, by sheet id (for `.planbook`: none). */
  colOf?: Map<string, Map<string, number>>;
  /** Input line of each row id, by sheet id (row ids repeat across the sheets of a file). */
  linesBySheet?: Map<string, Map<string, number>>;
  warnings: ImportWarning[];
  /** Names of sheets that did not read as an appendix (kept as plain grid sheets). */
  skipped: string[];
}

export { PlanReadError, type ReadFailure } from './readError';
import { PlanReadError } from './readError';

/** Source rows kept for the preview. */
export const PREVIEW_ROWS = 400;

function kindOf(name: string, bytes: Uint8Array): 'planbook' | 'sheet' | 'text' {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'planbook') return 'planbook';
  if (['xlsx', 'xlsm', 'xls', 'ods', 'xlsb'].includes(ext)) return 'sheet';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'sheet'; // zip (xlsx/ods)
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return 'sheet'; // OLE (xls)
  return 'text';
}

/** Whether the bytes can be the spreadsheet the extension names (zip, OLE, or XML/HTML for .xls). */
function looksLikeSpreadsheet(name: string, bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext !== 'xls') return zip || ole;
  const head = new TextDecoder()
    .decode(bytes.slice(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return zip || ole || head.startsWith('<') || bytes[0] === 0x09 || bytes[0] === 0x00;
}

/**
 * A zip whose directory reads and names no part of a workbook (`xl/…` of .xlsx/.xlsb, `content.xml`
 * of .ods, `Index/…` of Numbers): a .docx, .pptx or any other archive (SheetJS said only
 * "Unknown Namespace" or "Unsupported ZIP file").
 */
function zipWithoutWorkbook(bytes: Uint8Array): boolean {
  const zip = ZipParts.open(bytes);
  return !!zip && !zip.names().some((n) => /^\/?(xl\/|content\.xml$|index\/)/i.test(n));
}

/** Metadata of a workbook in which no sheet reads as an appendix (yet). */
export function blankMeta(title: string): PlanMeta {
  return {
    title,
    issuingBody: '',
    docNumber: '',
    docDate: '',
    years: [],
    unit: '',
    sources: [],
    stated: { bySource: {} },
  };
}

/**
 * Reads a plan file into a workbook: one appendix sheet per table that reads as one, every other
 * non-empty sheet kept as a plain grid sheet.
 */
export function readPlanFile(name: string, bytes: Uint8Array, opts: ReadOptions = {}): PlanReading {
  try {
    return checkedFormulas(readWithin(name, bytes, opts));
  } catch (e) {
    if (e instanceof LimitError) throw new PlanReadError(e.message, e.reason);
    throw e;
  }
}

/** `readPlanFile`, loading SheetJS first when the file needs it (the reader process, the app). */
export function readPlanFileLoading(
  name: string,
  bytes: Uint8Array,
  opts: ReadOptions = {},
): Promise<PlanReading> {
  return withSheetJs(() => readPlanFile(name, bytes, opts));
}

/** Why a spreadsheet could not be read, in one line (SheetJS's words as the detail). */
function unreadable(e: unknown): PlanReadError {
  const detail = thrownText(e).split('\n')[0].slice(0, 200);
  const cause = e instanceof SpreadsheetError ? e.cause : e;
  if (/password|encrypt/i.test(detail))
    return new PlanReadError(`cannot read the spreadsheet (${detail})`, 'passwordProtected');
  if (cause instanceof RangeError || !(e instanceof SpreadsheetError) || cause instanceof TypeError)
    return new PlanReadError(
      `cannot read the spreadsheet: the file is damaged (${detail})`,
      'unreadable',
    );
  return new PlanReadError(`cannot read the spreadsheet (${detail})`, 'unreadable');
}

/** The file's base name, without the folders of its path. */
export const baseName = (name: string) => name.replace(/^[\s\S]*[\\/]/, '');

function readWithin(path: string, bytes: Uint8Array, opts: ReadOptions): PlanReading {
  checkFileSize(bytes);
  const name = baseName(path);
  const stem = name.replace(/\.[^.]+$/, '');
  const kind = kindOf(name, bytes);
  if (
    kind === 'planbook' ||
    (kind === 'text' && /^\s*\{/.test(new TextDecoder().decode(bytes.slice(0, 64))))
  ) {
    const r = parsePlanbook(new TextDecoder().decode(bytes));
    if (!r.ok)
      throw new PlanReadError(
        `not a valid .planbook file (${r.error.code}${'path' in r.error ? ` at ${r.error.path}` : ''})`,
        'planbook',
      );
    return { workbook: r.workbook, lineOf: new Map(), warnings: [], skipped: [] };
  }
  let grids: RawGrid[];
  if (kind === 'sheet' && zipWithoutWorkbook(bytes))
    throw new PlanReadError(
      'not a spreadsheet (a zip archive with no workbook inside: a Word document or another archive?)',
      'notSpreadsheet',
    );
  if (kind === 'sheet' && !looksLikeSpreadsheet(name, bytes))
    throw new PlanReadError(
      `not a spreadsheet (the content does not match the .${name.split('.').pop()} extension)`,
      'notSpreadsheet',
    );
  if (kind === 'sheet') {
    try {
      grids = gridsFromWorkbook(bytes);
    } catch (e) {
      if (e instanceof LimitError || e instanceof SheetJsNotLoaded) throw e;
      throw unreadable(e);
    }
  } else {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\u0000'))
      throw new PlanReadError('not a text or spreadsheet file', 'notText');
    checkTextCells(text);
    const g = gridFromText(text, stem || 'Sheet1');
    // a document's tables apart (its appendix after its prose): a sheet each
    grids = textTables(g);
    const widest = g.rows.reduce((w, r) => Math.max(w, r.length), 0);
    new CellBudget().add(
      g.name,
      g.rows.reduce((a, r) => a + r.length, 0) + g.rows.length,
      g.rows.length,
      widest - 1,
    );
    for (const row of g.rows)
      for (const c of row) if (c.text.startsWith('=')) checkFormula(c.text, () => g.name);
  }
  const exported = kind === 'sheet' ? tryReadExported(grids) : null;
  if (exported) return { workbook: exported, lineOf: new Map(), warnings: [], skipped: [] };
  return readGrids(stem, withoutExportParts(grids), opts);
}

/** Reads raw sheets (already within the limits) as appendices, or keeps them as plain grids. */
export function readGrids(stem: string, grids: RawGrid[], opts: ReadOptions = {}): PlanReading {
  const readings: AppendixReading[] = [];
  const skipped: string[] = [];
  const sources: SheetSource[] = [];
  const plain: GridSheet[] = [];
  // formulas saved without values computed across the workbook's sheets (`'M01+'!D11`) first
  const valued = withBookFormulaValues(grids);
  // a sheet holding a second table below the first (its own title and header): a table each
  const parts = valued.flatMap((g) =>
    readTables(g, opts.bands && Object.hasOwn(opts.bands, g.name) ? opts.bands[g.name] : undefined),
  );
  for (const { grid: g, reading: r } of parts) {
    if (!r) {
      const kept = gridSheetFromRaw(g);
      if (!kept.cells.length) continue;
      skipped.push(g.name);
      plain.push(kept);
      sources.push({
        sheetId: kept.id,
        name: g.name,
        band: null,
        rows: g.rows.slice(0, PREVIEW_ROWS).map((row) => row.map(previewText)),
        rowOf: {},
      });
      continue;
    }
    readings.push(r);
    const rowOf: Record<string, number> = {};
    for (const [id, line] of r.lineOf) if (line <= PREVIEW_ROWS) rowOf[id] = line - 1; // rows 1..n
    sources.push({
      sheetId: r.sheet.id,
      name: g.name,
      band: r.band,
      rows: g.rows.slice(0, PREVIEW_ROWS).map((row) => row.map(previewText)),
      rowOf,
    });
  }
  if (!readings.length && !plain.length)
    throw new PlanReadError('the file holds no table (every sheet is empty)', 'empty');
  // one appendix (the common case): its own map, never changed after (one map to post back, not
  // two of 100,000 entries each at 100,000 projects)
  const lineOf = readings.length === 1 ? readings[0].lineOf : new Map<string, number>();
  if (readings.length > 1)
    for (const r of readings) for (const [k, v] of r.lineOf) lineOf.set(k, v);
  const sheets: AppendixSheet[] = readings.map((r) => r.sheet);
  const now = Date.now();
  return {
    sources,
    workbook: {
      id: `w${now}`,
      meta: readings.length ? metaFor(readings[0]) : blankMeta(stem),
      sheets,
      ...(plain.length ? { grids: plain } : {}),
      createdAt: now,
      updatedAt: now,
    },
    lineOf,
    colOf: new Map(readings.map((r) => [r.sheet.id, r.colOf])),
    linesBySheet: new Map(readings.map((r) => [r.sheet.id, r.lineOf])),
    warnings: readings.flatMap((r) => r.warnings),
    skipped,
  };
}

/** The reading, once its appendices and formulas are within the limits (a LimitError names the first that is not). */
function checkedFormulas(r: PlanReading): PlanReading {
  for (const sheet of r.workbook.sheets) {
    checkAppendixShape(sheet.name, headerDepth(sheet.columns), leaves(sheet.columns).length);
    checkTotalRows(sheet.name, sheet.rows);
  }
  for (const sheet of r.workbook.sheets)
    for (let i = 0; i < sheet.rows.length; i++) {
      const row = sheet.rows[i];
      for (const k in row.cells) {
        const v = row.cells[k]; // for…in: the cells' own keys in Object.values' order, no array
        if (typeof v === 'string' && v.startsWith('='))
          checkFormula(v, () => `sheet '${sheet.name}', line ${r.lineOf.get(row.id) ?? i + 1}`);
      }
    }
  for (const g of r.workbook.grids ?? [])
    for (const row of g.cells)
      for (const v of row)
        if (typeof v === 'string' && v.startsWith('=')) checkFormula(v, () => `sheet '${g.name}'`);
  return r;
}
