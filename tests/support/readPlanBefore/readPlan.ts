/**
 * The spreadsheet path of `readPlanFile` as it was before issue #20 (src/io/readPlan.ts at
 * 30ceb7d: readGrids and checkedFormulas, unchanged but for import paths and the grid reader),
 * over SheetJS's grids (gridsBySheetJs) and the frozen appendix reading (tests/support/
 * readingBefore): the reference the fast reader must match (src/io/readPlanSame.test.ts).
 * Test support only.
 */
import type { AppendixSheet, GridSheet, Workbook } from '../../../src/domain/types';
import { headerDepth, leaves } from '../../../src/domain/columns';
import type { RawGrid } from '../../../src/io/appendix/grid';
import { gridSheetFromRaw } from '../../../src/io/appendix/gridSheet';
import { tryReadExported } from '../../../src/io/export/readBack';
import {
  checkAppendixShape,
  checkFormula,
  checkTotalRows,
  LimitError,
} from '../../../src/io/limits';
import {
  blankMeta,
  baseName,
  PlanReadError,
  PREVIEW_ROWS,
  type PlanReading,
  type ReadOptions,
  type SheetSource,
} from '../../../src/io/readPlan';
import { gridsBySheetJs } from '../../../src/io/sheets';
import { netLines } from '../../../src/io/appendix/netLines';
import { type AppendixReading, metaFor, readAppendix } from '../readingBefore/reader';

/** A spreadsheet file read the old way: SheetJS's grids, the old appendix reading, the old checks. */
export function readSheetBefore(path: string, bytes: Uint8Array, opts: ReadOptions = {}) {
  try {
    const stem = baseName(path).replace(/\.[^.]+$/, '');
    const grids = gridsBySheetJs(bytes);
    const exported = tryReadExported(grids);
    if (exported)
      return checkedFormulas({ workbook: exported, lineOf: new Map(), warnings: [], skipped: [] });
    return checkedFormulas(readGrids(stem, grids, opts));
  } catch (e) {
    if (e instanceof LimitError) throw new PlanReadError(e.message, e.reason);
    throw e;
  }
}

function readGrids(stem: string, grids: RawGrid[], opts: ReadOptions = {}): PlanReading {
  const readings: AppendixReading[] = [];
  const skipped: string[] = [];
  const sources: SheetSource[] = [];
  const plain: GridSheet[] = [];
  for (const g of grids) {
    const marked = opts.bands && Object.hasOwn(opts.bands, g.name) ? opts.bands[g.name] : undefined;
    const r = readAppendix(g, marked);
    // the step added since: the net line of `gross, refunds, net` is its line's item
    if (r) netLines(r.sheet.rows);
    if (!r) {
      const kept = gridSheetFromRaw(g);
      if (!kept.cells.length) continue;
      skipped.push(g.name);
      plain.push(kept);
      sources.push({
        sheetId: kept.id,
        name: g.name,
        band: null,
        rows: g.rows.slice(0, PREVIEW_ROWS).map((row) => row.map((c) => c.text)),
        rowOf: {},
      });
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
  if (!readings.length && !plain.length)
    throw new PlanReadError('the file holds no table (every sheet is empty)', 'empty');
  const lineOf = new Map<string, number>();
  for (const r of readings) for (const [k, v] of r.lineOf) lineOf.set(k, v);
  const sheets: AppendixSheet[] = readings.map((r) => r.sheet);
  const now = Date.now();
  const workbook: Workbook = {
    id: `w${now}`,
    meta: readings.length ? metaFor(readings[0]) : blankMeta(stem),
    sheets,
    ...(plain.length ? { grids: plain } : {}),
    createdAt: now,
    updatedAt: now,
  };
  return {
    sources,
    workbook,
    lineOf,
    colOf: new Map(readings.map((r) => [r.sheet.id, r.colOf])),
    linesBySheet: new Map(readings.map((r) => [r.sheet.id, r.lineOf])),
    warnings: readings.flatMap((r) => r.warnings),
    skipped,
  };
}

function checkedFormulas(r: PlanReading): PlanReading {
  for (const sheet of r.workbook.sheets) {
    checkAppendixShape(sheet.name, headerDepth(sheet.columns), leaves(sheet.columns).length);
    checkTotalRows(sheet.name, sheet.rows);
  }
  for (const sheet of r.workbook.sheets)
    for (const [i, row] of sheet.rows.entries())
      for (const v of Object.values(row.cells))
        if (typeof v === 'string' && v.startsWith('='))
          checkFormula(v, () => `sheet '${sheet.name}', line ${r.lineOf.get(row.id) ?? i + 1}`);
  for (const g of r.workbook.grids ?? [])
    for (const row of g.cells)
      for (const v of row)
        if (typeof v === 'string' && v.startsWith('=')) checkFormula(v, () => `sheet '${g.name}'`);
  return r;
}
