/**
 * Reads any plan file Planbook takes: its own `.planbook`, spreadsheets (`.xlsx`, `.xls`, `.ods`),
 * and delimited text (`.csv`, `.tsv`, `.txt`, pasted text).
 */
import type { AppendixSheet, Workbook } from '../domain/types';
import { gridFromText, type RawGrid } from './appendix/grid';
import { type AppendixReading, type ImportWarning, metaFor, readAppendix } from './appendix/reader';
import { parsePlanbook } from './planbookFile';
import { tryReadExported } from './export/readBack';
import { gridsFromWorkbook } from './sheets';

/** What the import preview shows of one sheet that read as an appendix. */
export interface SheetSource {
  sheetId: string;
  name: string;
  band: { start: number; end: number; codeRow: number | null };
  /** The first rows of the source as text (for drawing the reading over it). */
  rows: string[][];
  /** Source row (0-based) of each plan row id. */
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
  warnings: ImportWarning[];
  /** Names of sheets that did not read as an appendix. */
  skipped: string[];
}

export class PlanReadError extends Error {}

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

/** Reads a plan file into a workbook (one appendix sheet per table that reads as one). */
export function readPlanFile(name: string, bytes: Uint8Array, opts: ReadOptions = {}): PlanReading {
  const kind = kindOf(name, bytes);
  if (
    kind === 'planbook' ||
    (kind === 'text' && /^\s*\{/.test(new TextDecoder().decode(bytes.slice(0, 64))))
  ) {
    const r = parsePlanbook(new TextDecoder().decode(bytes));
    if (!r.ok)
      throw new PlanReadError(
        `not a valid .planbook file (${r.error.code}${'path' in r.error ? ` at ${r.error.path}` : ''})`,
      );
    return { workbook: r.workbook, lineOf: new Map(), warnings: [], skipped: [] };
  }
  let grids: RawGrid[];
  if (kind === 'sheet') {
    try {
      grids = gridsFromWorkbook(bytes);
    } catch (e) {
      throw new PlanReadError(
        `cannot read the spreadsheet (${(e as Error).message.split('\n')[0]})`,
      );
    }
  } else {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\u0000')) throw new PlanReadError('not a text or spreadsheet file');
    grids = [gridFromText(text, name.replace(/\.[^.]+$/, '') || 'Sheet1')];
  }
  const exported = kind === 'sheet' ? tryReadExported(grids) : null;
  if (exported) return { workbook: exported, lineOf: new Map(), warnings: [], skipped: [] };
  const readings: AppendixReading[] = [];
  const skipped: string[] = [];
  const sources: SheetSource[] = [];
  for (const g of grids) {
    const marked = opts.bands && Object.hasOwn(opts.bands, g.name) ? opts.bands[g.name] : undefined;
    const r = readAppendix(g, marked);
    if (!r) {
      skipped.push(g.name);
      continue;
    }
    readings.push(r);
    const rowOf: Record<string, number> = {};
    for (const [id, line] of r.lineOf) rowOf[id] = line - 1; // grids number their rows 1..n
    sources.push({
      sheetId: r.sheet.id,
      name: g.name,
      band: r.band,
      rows: g.rows.slice(0, PREVIEW_ROWS).map((row) => row.map((c) => c.text)),
      rowOf,
    });
  }
  if (!readings.length)
    throw new PlanReadError(
      'no sheet reads as a plan appendix (no header band with a name column and amount columns)',
    );
  const lineOf = new Map<string, number>();
  for (const r of readings) for (const [k, v] of r.lineOf) lineOf.set(k, v);
  const sheets: AppendixSheet[] = readings.map((r) => r.sheet);
  const now = Date.now();
  return {
    sources,
    workbook: { id: `w${now}`, meta: metaFor(readings[0]), sheets, createdAt: now, updatedAt: now },
    lineOf,
    warnings: readings.flatMap((r) => r.warnings),
    skipped,
  };
}
