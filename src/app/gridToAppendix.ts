/** Turning a plain grid sheet into an appendix by marking its header rows (one undoable step). */
import type { Workbook } from '../domain/types';
import type { EngineValue } from '../engine/engine';
import { rawFromGridSheet } from '../io/appendix/gridSheet';
import { metaFor, readAppendix } from '../io/appendix/reader';
import type { Command } from './commands';

/** The command that replaces the grid by the appendix read from it, or null when it does not read as one. */
export function convertGridCommand(
  wb: Workbook,
  gridId: string,
  band: { start: number; end: number },
  valueAt: (r: number, c: number) => EngineValue,
): { command: Command; sheetId: string; projects: number } | null {
  const grid = wb.grids?.find((g) => g.id === gridId);
  if (!grid || band.start < 0 || band.end <= band.start || band.start >= grid.cells.length)
    return null;
  const raw = rawFromGridSheet(grid, (r, c) => {
    const v = valueAt(r, c);
    return v !== null && typeof v === 'object' ? `#${v.error}` : v;
  });
  const reading = readAppendix(raw, band);
  if (!reading) return null;
  const commands: Command[] = [
    { type: 'removeGrid', gridId },
    { type: 'addSheet', sheet: reading.sheet, at: wb.sheets.length },
  ];
  // a workbook that had no appendix takes its years, sources and title block from this one
  if (!wb.sheets.length) commands.push({ type: 'setMeta', meta: metaFor(reading) });
  return {
    command: { type: 'batch', commands },
    sheetId: reading.sheet.id,
    projects: reading.sheet.rows.filter((r) => r.kind === 'project').length,
  };
}
