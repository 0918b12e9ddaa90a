/**
 * The raw tables of a report file (spreadsheet or delimited text), within the import's limits, and
 * the one change the report reader makes to a table before reading it (a bare name header named).
 */
import { fold } from '../../domain/sources';
import { gridFromText, type RawGrid } from '../appendix/grid';
import { checkFileSize, checkTextCells, LimitError } from '../limits';
import { baseName, PlanReadError } from '../readPlan';
import { gridsFromWorkbook } from '../sheets';
import { SheetJsNotLoaded } from '../sheetJs';

/** The raw tables of a file (spreadsheet or delimited text). */
export function gridsOf(name: string, bytes: Uint8Array): RawGrid[] {
  try {
    return boundedGrids(name, bytes);
  } catch (e) {
    // the import's limits (size, sheets, cells) refuse a report as they refuse a plan
    if (e instanceof LimitError) throw new PlanReadError(e.message, e.reason);
    throw e;
  }
}

function boundedGrids(name: string, bytes: Uint8Array): RawGrid[] {
  checkFileSize(bytes);
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  const sheetExt = ['xlsx', 'xlsm', 'xls', 'ods', 'xlsb'].includes(ext);
  if (sheetExt || zip || ole) {
    if (!zip && !ole && ext !== 'xls')
      throw new PlanReadError(
        `not a spreadsheet (the content does not match the .${ext} extension)`,
        'notSpreadsheet',
      );
    try {
      return gridsFromWorkbook(bytes);
    } catch (e) {
      if (e instanceof LimitError || e instanceof SheetJsNotLoaded) throw e;
      const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      throw new PlanReadError(
        `cannot read the spreadsheet (${why})`,
        /password/i.test(why) ? 'passwordProtected' : 'unreadable',
      );
    }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\u0000')) throw new PlanReadError('not a text or spreadsheet file', 'notText');
  checkTextCells(text);
  // the sheet is named after the file, never after the folders of its path
  return [gridFromText(text, baseName(name).replace(/\.[^.]+$/, '') || 'Sheet1')];
}

/** The grid with a header cell `Dự án`, `Công trình` (a name column the reader does not know) as `Tên dự án`. */
export function withNameHeader(g: RawGrid): RawGrid {
  let changed = false;
  const rows = g.rows.map((row, r) =>
    r > 60
      ? row
      : row.map((c) => {
          if (typeof c.value === 'number') return c;
          const f = fold(c.text)
            .replace(/[^a-z ,]/g, '')
            .trim();
          if (
            !/^(du an|cong trinh|cong trinh,? du an|du an,? cong trinh|danh sach du an|project)$/.test(
              f,
            )
          )
            return c;
          changed = true;
          return { ...c, text: 'Tên dự án' };
        }),
  );
  return changed ? { ...g, rows } : g;
}
