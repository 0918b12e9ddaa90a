/**
 * Spreadsheet files (`.xlsx`, `.xls`, `.ods`, `.csv`) to raw grids through SheetJS, reading the
 * text as shown (Vietnamese numbers are parsed by Planbook, not by SheetJS). Every sheet is read
 * whole or the file is refused (limits.ts); SheetJS's own console lines are kept out of the output.
 */
import type * as XLSX from '@e965/xlsx';
import type { RawCell, RawGrid } from './appendix/grid';
import { checkCompoundFile } from './cfbCheck';
import { CellBudget, checkFormula, checkSheetCount, checkZip } from './limits';
import { type SheetJs, sheetJs } from './sheetJs';
import { withOdsContent } from './odsContent';
import { checkFormulaRecords } from './xlsRecords';
import { gridsFromXlsx } from './xlsxStream';
import { mergeRange } from './xlsxSheet';
import { BLANK, rawCell } from './xlsxCell';

/** The text of anything thrown (SheetJS throws plain strings too). */
export function thrownText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** A thrown error that is not SheetJS's: what it threw, and the console lines it printed. */
export class SpreadsheetError extends Error {
  constructor(
    message: string,
    readonly cause: unknown,
    readonly lines: string[],
  ) {
    super(message);
  }
}

const CONSOLE = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** Runs `f` with the console's output collected instead of printed. */
export function quietly<T>(f: () => T): { value: T; lines: string[] } {
  const lines: string[] = [];
  const saved = CONSOLE.map((k) => console[k]);
  for (const k of CONSOLE)
    console[k] = (...a: unknown[]) => void lines.push(a.map(String).join(' '));
  try {
    return { value: f(), lines };
  } catch (e) {
    throw new SpreadsheetError(thrownText(e), e, lines);
  } finally {
    CONSOLE.forEach((k, i) => (console[k] = saved[i]));
  }
}

/**
 * Reads every sheet of a workbook file: an .xlsx by streaming its sheets' XML when it only holds
 * what the streaming reader reads as SheetJS does (xlsxStream.ts), anything else through SheetJS.
 * Throws a LimitError past a limit, a SpreadsheetError when SheetJS cannot read it.
 */
export function gridsFromWorkbook(bytes: Uint8Array): RawGrid[] {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  // the streaming reader bounds what it inflates itself (declared sizes, held to): measuring the
  // whole package first would inflate it twice; SheetJS gets the package only once measured
  const streamed = zip ? gridsFromXlsx(bytes) : null;
  if (streamed) return streamed;
  if (zip) checkZip(bytes);
  checkCompoundFile(bytes);
  checkXlsFormulas(bytes);
  const grids = gridsBySheetJs(bytes);
  return zip ? withOdsContent(bytes, grids) : grids;
}

/** Refuses an .xls whose formula records SheetJS would loop on (xlsRecords.ts). */
function checkXlsFormulas(bytes: Uint8Array): void {
  if (bytes[0] === 0x09 && bytes[1] <= 0x08) return checkFormulaRecords(bytes); // a bare BIFF stream
  if (bytes[0] !== 0xd0 || bytes[1] !== 0xcf) return;
  const { CFB } = sheetJs();
  let stream: Uint8Array | undefined;
  try {
    const cfb = CFB.read(bytes, { type: 'array' });
    const wb = CFB.find(cfb, '/Workbook') ?? CFB.find(cfb, '/Book');
    stream = wb?.content as Uint8Array | undefined;
  } catch {
    return; // SheetJS reports the damage in its own words
  }
  if (stream) checkFormulaRecords(stream);
}

type CfbFind = (cfb: unknown, path: string) => unknown;

/**
 * Runs `f` with an .xls's document properties (the summary information streams) left unread:
 * Planbook does not use them, and SheetJS loops over a damaged property count for minutes while
 * allocating without bound (found by the fuzzer: one damaged byte). SheetJS finds them through
 * `XLSX.CFB.find`, which is held here for the time of the read.
 */
function withoutProperties<T>(X: SheetJs, f: () => T): T {
  const cfb = X.CFB as unknown as { find: CfbFind };
  const find = cfb.find;
  cfb.find = (c, path) => (/SummaryInformation$/i.test(path) ? null : find(c, path));
  try {
    return f();
  } finally {
    cfb.find = find;
  }
}

/** Reads every sheet of a workbook file through SheetJS (limits checked as gridsFromWorkbook does). */
export function gridsBySheetJs(bytes: Uint8Array): RawGrid[] {
  const X = sheetJs();
  const { value: wb } = quietly(() =>
    withoutProperties(X, () =>
      X.read(bytes, {
        type: 'array',
        cellFormula: true,
        cellStyles: true,
        cellText: true,
        cellNF: true,
        dense: true,
      }),
    ),
  );
  checkSheetCount(wb.SheetNames.length);
  const budget = new CellBudget();
  return wb.SheetNames.map((name) => gridFromSheet(name, wb.Sheets[name], budget));
}

type Dense = (XLSX.CellObject | undefined)[][];

function gridFromSheet(name: string, ws: XLSX.WorkSheet | undefined, budget: CellBudget): RawGrid {
  const data = ((ws as unknown as { '!data'?: Dense } | undefined)?.['!data'] ?? []) as Dense;
  // each row up to its last non-empty cell (holes and blank styled cells cost nothing)
  const ends: number[] = [];
  let cells = 0;
  let widest = 0;
  data.forEach((src, r) => {
    let end = 0;
    src?.forEach((cell, c) => {
      if (cell && (cell.t !== 'z' || cell.f) && c + 1 > end) end = c + 1;
    });
    ends[r] = end;
    cells += end;
    widest = Math.max(widest, end - 1);
  });
  let last = ends.length;
  while (last > 0 && !ends[last - 1]) last--;
  budget.add(name, cells + last, last, widest); // an empty row costs as much as a cell
  const rows: RawCell[][] = [];
  for (let r = 0; r < last; r++) {
    const src = data[r] ?? [];
    const row: RawCell[] = [];
    for (let c = 0; c < (ends[r] ?? 0); c++) {
      const cell = src[c];
      // the streaming reader's shape (xlsxCell.ts)
      if (!cell || (cell.t === 'z' && !cell.f)) {
        row.push(BLANK);
        continue;
      }
      if (cell.t === 'z') {
        // a formula saved without its value: kept, no value (cachedFormulas.ts computes it)
        checkFormula(
          cell.f!,
          () => `sheet '${name}', cell ${sheetJs().utils.encode_cell({ r, c })}`,
        );
        row.push(rawCell('', undefined, cell.f, undefined));
        continue;
      }
      const text = cell.w ?? (cell.v === undefined || cell.v === null ? '' : String(cell.v));
      const out = rawCell(text, cell.v as RawCell['value'], undefined, undefined);
      if (cell.f) {
        checkFormula(
          cell.f,
          () => `sheet '${name}', cell ${sheetJs().utils.encode_cell({ r, c })}`,
        );
        out.formula = cell.f;
      }
      const bold = (cell.s as { font?: { bold?: boolean } } | undefined)?.font?.bold;
      if (bold) out.bold = true;
      if (typeof cell.z === 'string' && cell.t === 'n' && cell.z !== 'General') out.format = cell.z;
      row.push(out);
    }
    rows.push(row);
  }
  const merges = (ws?.['!merges'] ?? [])
    .filter((m) => m.s.r < last)
    .map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
  const hiddenRows = new Set<number>();
  (ws?.['!rows'] ?? []).forEach((r, i) => r?.hidden && i < last && hiddenRows.add(i));
  const hiddenCols = new Set<number>();
  (ws?.['!cols'] ?? []).forEach((c, i) => c?.hidden && hiddenCols.add(i));
  // outline groups (Data → Group) and the AutoFilter: what says a hidden line is current
  const groupedRows = new Set<number>();
  (ws?.['!rows'] ?? []).forEach((r, i) => (r?.level ?? 0) > 0 && i < last && groupedRows.add(i));
  const groupedCols = new Set<number>();
  (ws?.['!cols'] ?? []).forEach((c, i) => (c?.level ?? 0) > 0 && groupedCols.add(i));
  const filter = ws?.['!autofilter']?.ref;
  const autoFilter = filter ? mergeRange(filter) : undefined;
  return {
    name,
    rows,
    merges,
    lineOf: rows.map((_, i) => i + 1),
    ...(hiddenRows.size ? { hiddenRows } : {}),
    ...(hiddenCols.size ? { hiddenCols } : {}),
    ...(groupedRows.size ? { groupedRows } : {}),
    ...(groupedCols.size ? { groupedCols } : {}),
    ...(autoFilter ? { autoFilter } : {}),
  };
}
