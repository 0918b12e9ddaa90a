/** Arguments and exit codes of `planbook consolidate`. */
import type { Grouping } from '../domain/consolidateTypes';
import { consolidateInputs, readSubmissions, writeConsolidation } from './consolidateCmd';
import { consolidateJson, formatConsolidate } from './consolidateJson';
import type { CliResult } from './main';
import { printable, printableDeep } from './printable';
import type { PlanReader } from './reader';

const VALUED = new Set(['-o', '--output', '--by', '--unit']);

/** Runs `planbook consolidate`; `usage` is the CLI's usage text. */
export async function consolidateCommand(
  args: string[],
  read: PlanReader,
  usage: string,
): Promise<CliResult> {
  const files = args.filter((a, i) => !a.startsWith('-') && !VALUED.has(args[i - 1]));
  // texts from the input escaped; the usage (ours) follows as it is
  const fail = (msg: string, tail = ''): CliResult => ({
    code: 2,
    stdout: '',
    stderr: printable(`planbook: ${msg}`) + tail,
  });
  if (!files.length) return fail('consolidate needs at least one file', `\n${usage}`);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const by = value('--by') ?? 'section';
  if (by !== 'section' && by !== 'unit') return fail(`--by takes 'section' or 'unit', not '${by}'`);
  const units: Record<string, string> = {};
  args.forEach((a, i) => {
    if (a !== '--unit') return;
    const m = /^(.+?)=(.+)$/.exec(args[i + 1] ?? '');
    if (m) units[m[1]] = m[2].trim();
  });
  const out = value('-o') ?? value('--output');
  try {
    const inputs = await readSubmissions(files, read, units);
    const unreadable = inputs.filter((i) => i.error);
    if (unreadable.length === inputs.length)
      return {
        code: 2,
        stdout: '',
        stderr: unreadable.map((u) => printable(`planbook: ${u.error}`)).join('\n'),
      };
    const result = consolidateInputs(inputs, by as Grouping);
    if (out) {
      try {
        await writeConsolidation(result, out, args.includes('--proposed-only'));
      } catch (e) {
        return fail(
          `cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        );
      }
    }
    const json = consolidateJson(inputs, result);
    return {
      code: unreadable.length ? 2 : 0,
      stdout: args.includes('--json')
        ? JSON.stringify(json)
        : formatConsolidate(printableDeep(json)),
      stderr: unreadable.map((u) => printable(`planbook: ${u.error}`)).join('\n'),
    };
  } catch (e) {
    return fail(`consolidate: unexpected error: ${(e as Error).message}`);
  }
}
