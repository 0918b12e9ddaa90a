/**
 * What the command needs before anything heavy loads: its result type, the input file's bytes, and
 * `planbook check` handed whole to the reader process (which reads, checks and answers the text).
 */
import { readFileSync } from 'node:fs';
import { PlanReadError } from '../io/readError';
import { printable } from './printable';
import type { PlanReader } from './readerProcess';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The input file among a command's arguments (not an option's value). */
export function inputFile(args: string[]): string | undefined {
  return args.find(
    (a, i) => !a.startsWith('-') && args[i - 1] !== '--sheet' && args[i - 1] !== '-o',
  );
}

/** The bytes of an input file; a CliResult when it cannot be read. */
export function fileBytes(file: string): Uint8Array | CliResult {
  try {
    return readFileSync(file);
  } catch (e) {
    return {
      code: 2,
      stdout: '',
      stderr: printable(
        `planbook: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      ),
    };
  }
}

/** The one-line refusal of an input that could not be read. */
export function readFailure(file: string, e: unknown): CliResult {
  const msg = e instanceof PlanReadError ? e.message : `unexpected error: ${(e as Error).message}`;
  return { code: 2, stdout: '', stderr: printable(`planbook: ${file}: ${msg}`) };
}

/** `planbook check <file> …` read and checked by `read.check` (the reader process). */
export async function remoteCheck(
  file: string,
  args: string[],
  check: NonNullable<PlanReader['check']>,
): Promise<CliResult> {
  const bytes = fileBytes(file);
  if ('code' in bytes) return bytes;
  try {
    return await check(file, bytes, args);
  } catch (e) {
    return readFailure(file, e);
  }
}
