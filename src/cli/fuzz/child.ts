/**
 * The fuzzing harness's worker process: runs `planbook check` (and `export`, when asked) on each
 * file it is sent, in this process, and answers with the command's results. Stage markers on stderr
 * tell the harness where a death or a stall happened.
 */
import { type CliResult, runCli } from '../main';
import { type PlanReader, readDirect, inflateWithZlib } from '../reader';

export interface FuzzReply {
  check: CliResult;
  exported: CliResult | null;
  readMs: number;
  ms: number;
}

const mark = (stage: string) => process.stderr.write(`\u0001${stage}\n`);

let readMs = 0;
const reader: PlanReader = async (file, bytes) => {
  mark('read');
  const t = performance.now();
  try {
    return await readDirect(file, bytes);
  } finally {
    readMs += performance.now() - t;
    mark('work');
  }
};

inflateWithZlib();
process.on('disconnect', () => process.exit(0));
process.on('message', (m: { file: string; export?: string }) => {
  void (async () => {
    const t = performance.now();
    readMs = 0;
    const check = await runCli(['check', m.file], reader);
    const exported =
      m.export && check.code !== 2
        ? await runCli(['export', m.file, '-o', m.export], reader)
        : null;
    mark('done');
    const reply: FuzzReply = { check, exported, readMs, ms: performance.now() - t };
    process.send!({ reply, maxRssKb: process.resourceUsage().maxRSS });
  })();
});
