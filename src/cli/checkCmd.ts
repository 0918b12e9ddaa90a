/**
 * `planbook check` once its file is read: the cross-checks of every appendix sheet (or the one
 * `--sheet` names), as text or JSON. The figures are computed without the engine when every sheet
 * allows it (the same figures: engine/plainValues.ts); the engine is loaded only when one does not.
 */
import type { AppendixSheet } from '../domain/types';
import type { PlanReading } from '../io/readPlan';
import {
  formatCheck,
  formatWorkbookCheck,
  pickSheet,
  sheetCheck,
  sheetTally,
  workbookCheck,
} from './checkJson';
import type { SheetValues } from './checkJson';
import type { CliResult } from './main';
import { plainValuesOf } from './plainCheck';
import { printable, printableDeep } from './printable';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The sheet a command works on (`--sheet`), or the one-line failure when there is none. */
export function chosenSheet(
  file: string,
  reading: PlanReading,
  which: string | undefined,
): AppendixSheet | CliResult {
  if (!reading.workbook.sheets.length)
    return {
      code: 2,
      stdout: '',
      stderr: printable(
        `planbook: ${file}: no sheet reads as a plan appendix (no header band with a name column and amount columns); sheets kept as plain tables: ${reading.skipped.join(', ')}`,
      ),
    };
  const sheet = pickSheet(reading.workbook, which);
  if (sheet) return sheet;
  const names = reading.workbook.sheets.map((s, i) => `${i + 1}: ${s.name}`).join(', ');
  return {
    code: 2,
    stdout: '',
    stderr: printable(
      `planbook: ${file}: no appendix sheet '${which}' (sheets that read as appendices: ${names})`,
    ),
  };
}

/** The values of every sheet: without the engine when all allow it, else from one engine build. */
async function valuesOf(reading: PlanReading): Promise<(sheet: AppendixSheet) => SheetValues> {
  const plain = plainValuesOf(reading.workbook.sheets);
  if (plain) return plain;
  const { valuesFor } = await import('./check');
  return valuesFor(reading);
}

/** `planbook check <file> [--sheet s] [--json]` on a read file; exit 1 when an error finding stands. */
export async function checkReading(
  file: string,
  args: string[],
  reading: PlanReading,
): Promise<CliResult> {
  try {
    const which = option(args, '--sheet');
    const sheet = chosenSheet(file, reading, which);
    if ('code' in sheet) return sheet;
    const json = args.includes('--json');
    const of = await valuesOf(reading);
    performance.mark('pb:built');
    if (which === undefined) {
      const all = workbookCheck(file, reading, of);
      const text = json ? JSON.stringify(all) : formatWorkbookCheck(printableDeep(all));
      return { code: all.summary.errors ? 1 : 0, stdout: text, stderr: '' };
    }
    const result = sheetCheck(file, reading, sheet, of(sheet));
    const errors = sheetTally(result).errors > 0;
    const text = json ? JSON.stringify(result) : formatCheck(printableDeep(result));
    return { code: errors ? 1 : 0, stdout: text, stderr: '' };
  } catch (e) {
    return {
      code: 2,
      stdout: '',
      stderr: printable(`planbook: ${file}: unexpected error: ${(e as Error).message}`),
    };
  }
}
