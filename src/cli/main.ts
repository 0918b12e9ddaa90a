/** The `planbook` command line (domain + engine + io; no browser). */
import { type PlanReader, readDirect } from './reader';
import { checkReading, chosenSheet } from './checkCmd';
import { formatReading, readingJson } from './readCmd';
import { compareJson, comparePlans, formatCompare, writeAdjustment } from './compareCmd';
import { exportPlan, statedLine } from './exportCmd';
import { consolidateCommand } from './consolidateMain';
import { PROGRESS_USAGE, progressCommand } from './progressCmd';
import type { PlanReading } from '../io/readPlan';
import { printable, printableDeep } from './printable';
import { type CliResult, fileBytes, inputFile, readFailure, remoteCheck } from './launch';

export type { CliResult };

const USAGE = `usage:
  planbook check <file> [--sheet <name or 1-based index>] [--json]
      reads a plan (.planbook, .xlsx, .xls, .ods, .csv, tab-separated text) and checks the totals of
      every appendix sheet (--sheet: one); exit 0: no error finding, 1: error findings, 2: the input
      cannot be read
  planbook read <file> [--sheet <name or 1-based index>] [--json]
      prints how the file was understood: columns with roles and rules, rows with kinds and levels,
      what was ignored and why
  planbook export <file> -o <out.xlsx> [--keep-stated]
      writes the submission workbook (styled appendix sheets with formulas, the check report);
      figures that sections and total rows state but their rows do not add up to are written as
      the formulas of their rows, or kept as stated with --keep-stated; the check sheet lists them
  planbook compare <a> <b> [--json] [-o <adjustment.xlsx>]
      what changed from a to b: projects matched, added, removed; changed cells; totals;
      -o writes the adjustment table; exit 0 when both files were read, 2 when one cannot be
  planbook consolidate <file>… [-o <out.xlsx>] [--json] [--proposed-only] [--by section|unit]
                       [--unit <file>=<unit name>]…
      consolidates the departments' files: columns mapped onto every year × source they name, a
      later file of a unit replaces its earlier one (what changed is listed), duplicates across
      units flagged; totals by unit, source and year; -o writes the consolidated appendix and the
      list of submissions; exit 0 when every file was read, 2 when one cannot be
${PROGRESS_USAGE}
  planbook serve | token | account | audit …
      the collaboration server (planbook serve --help)`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Runs the CLI with arguments (without `node planbook`); never throws. */
export async function runCli(argv: string[], read: PlanReader = readDirect): Promise<CliResult> {
  const [cmd, ...args] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help')
    return { code: cmd ? 0 : 2, stdout: cmd ? USAGE : '', stderr: cmd ? '' : USAGE };
  if (cmd === 'compare') return compareCommand(args, read);
  if (cmd === 'consolidate') return consolidateCommand(args, read, USAGE);
  if (cmd === 'progress') return progressCommand(args, read, USAGE);
  if (cmd !== 'check' && cmd !== 'export' && cmd !== 'read')
    return {
      code: 2,
      stdout: '',
      stderr: `planbook: unknown command '${printable(cmd)}'\n${USAGE}`,
    };
  const file = inputFile(args);
  if (!file) return { code: 2, stdout: '', stderr: `planbook: ${cmd} needs a file\n${USAGE}` };
  const out = option(args, '-o') ?? option(args, '--output');
  if (cmd === 'export' && !out)
    return { code: 2, stdout: '', stderr: `planbook: export needs -o <out.xlsx>\n${USAGE}` };
  performance.mark('pb:start');
  // the reader process checks the file itself: only the result comes back
  if (cmd === 'check' && read.check) return remoteCheck(file, args, read.check);
  const reading = await readInput(file, read);
  performance.mark('pb:read');
  if ('code' in reading) return reading;
  if (cmd === 'check') return checkReading(file, args, reading);
  try {
    if (cmd === 'export') {
      try {
        const keep = args.includes('--keep-stated');
        const s = await exportPlan(reading, out!, keep);
        const line = statedLine(s, keep);
        return {
          code: 0,
          stdout: `${printable(out!)}: ${s.sheets} sheets written${line ? `\n${printable(line)}` : ''}`,
          stderr: '',
        };
      } catch (e) {
        return cannotWrite(out!, e);
      }
    }
    const which = option(args, '--sheet');
    const sheet = chosenSheet(file, reading, which);
    if ('code' in sheet) return sheet;
    const json = args.includes('--json');
    const sheets = which === undefined ? reading.workbook.sheets : [sheet];
    const r = readingJson(file, reading, sheets);
    return {
      code: 0,
      stdout: json ? JSON.stringify(r) : formatReading(printableDeep(r)),
      stderr: '',
    };
  } catch (e) {
    return {
      code: 2,
      stdout: '',
      stderr: printable(`planbook: ${file}: unexpected error: ${(e as Error).message}`),
    };
  }
}

/** The one-line failure of an output file that cannot be written. */
function cannotWrite(out: string, e: unknown): CliResult {
  return {
    code: 2,
    stdout: '',
    stderr: printable(
      `planbook: cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    ),
  };
}

/** Reads one input of a command; a CliResult when it cannot be read. */
async function readInput(file: string, read: PlanReader): Promise<PlanReading | CliResult> {
  const bytes = fileBytes(file);
  if ('code' in bytes) return bytes;
  try {
    return await read(file, bytes);
  } catch (e) {
    return readFailure(file, e);
  }
}

async function compareCommand(args: string[], read: PlanReader): Promise<CliResult> {
  const files = args.filter((x, i) => !x.startsWith('-') && args[i - 1] !== '-o');
  if (files.length !== 2)
    return { code: 2, stdout: '', stderr: `planbook: compare needs two files\n${USAGE}` };
  const a = await readInput(files[0], read);
  if ('code' in a) return a;
  const b = await readInput(files[1], read);
  if ('code' in b) return b;
  const result = comparePlans(files[0], a, files[1], b);
  const json = compareJson(result, a, b);
  const out = option(args, '-o') ?? option(args, '--output');
  if (out) {
    try {
      await writeAdjustment(result, a, out);
    } catch (e) {
      return cannotWrite(out, e);
    }
  }
  const text = args.includes('--json') ? JSON.stringify(json) : formatCompare(printableDeep(json));
  return { code: 0, stdout: text, stderr: '' };
}
