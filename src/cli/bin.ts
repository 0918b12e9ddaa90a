#!/usr/bin/env node
/** Entry point of the bundled `planbook` command (and of its reader process). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inputFile, remoteCheck } from './launch';
import { readInProcess } from './readerProcess';

/** Reading a file stops after this long (PLANBOOK_READ_TIMEOUT_MS overrides the default 20 s). */
const budgetMs = Number(process.env.PLANBOOK_READ_TIMEOUT_MS) || undefined;
/** The reader process's heap (PLANBOOK_READ_HEAP_MB overrides the default 640 MB). */
const heapMb = Number(process.env.PLANBOOK_READ_HEAP_MB) || undefined;

const SERVER_COMMANDS = ['serve', 'token', 'account', 'audit'];

/** Where the time went (PLANBOOK_PROFILE=1): process start to each mark, and the CPU used. */
function phases(): string {
  const at = (m: string) => performance.getEntriesByName(m)[0]?.startTime;
  const marks = ['pb:start', 'pb:read', 'pb:built', 'pb:done'];
  const cpu = process.cpuUsage();
  return `planbook profile: ${marks
    .filter((m) => at(m) !== undefined)
    .map((m) => `${m.slice(3)} ${at(m)!.toFixed(0)} ms`)
    .join(', ')}; cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (this process)`;
}

/** The reader process's script: the small reader bundle beside this one, else this bundle. */
function readerScript(): URL {
  const small = new URL('./planbook-reader.mjs', import.meta.url);
  return existsSync(fileURLToPath(small)) ? small : new URL(import.meta.url);
}

if (process.env.PLANBOOK_READER === '1') {
  const [{ nativeInflate }, { serveReads }] = await Promise.all([
    import('./readerMain'),
    import('./reader'),
  ]);
  nativeInflate();
  serveReads();
} else if (SERVER_COMMANDS.includes(process.argv[2])) {
  const [{ serverMain }, { unitReaderProcess }] = await Promise.all([
    import('../server/main'),
    import('./unitReader'),
  ]);
  // a sent submission is read in the reader process: syncing never waits for it
  const statedUnit = unitReaderProcess({ script: readerScript(), budgetMs, heapMb });
  process.exitCode = await serverMain(process.argv.slice(2), { statedUnit });
  statedUnit.close();
} else {
  const read = readInProcess({ script: readerScript(), budgetMs, heapMb });
  try {
    const argv = process.argv.slice(2);
    const file = argv[0] === 'check' ? inputFile(argv.slice(1)) : undefined;
    // `check` is read and checked by the reader process: this one loads nothing else
    const r = file
      ? await remoteCheck(file, argv.slice(1), read.check)
      : await (await import('./main')).runCli(argv, read);
    performance.mark('pb:done');
    if (process.env.PLANBOOK_PROFILE) process.stderr.write(`${phases()}\n`);
    // a reader that stops early (`| head`) closes the pipe: nothing more to say, no stack trace
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(r.code);
    });
    if (r.stdout) process.stdout.write(r.stdout + '\n');
    if (r.stderr) process.stderr.write(r.stderr + '\n');
    process.exitCode = r.code;
  } finally {
    read.close();
  }
}
