/**
 * The reader process as the command sees it: started when first needed, sent each input, stopped
 * when it runs past its time budget or memory. A process, not a worker thread: a huge allocation in
 * a worker thread (a damaged file's record length) aborts the whole process even with
 * `resourceLimits` (measured: exit 134), while a reader process that dies only costs its own life.
 * Its console output is collected, never printed. Light on purpose: the command starts with it.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PlanReading } from '../io/readPlan';
import { PlanReadError, READ_BUDGET_MS, type ReadFailure } from '../io/readError';
import type { CliResult } from './launch';

/**
 * Reads a plan file; rejects with a PlanReadError (a clear, one-line reason). `check`, when there:
 * reads and checks the file where it is read (`planbook check`'s arguments), answering the result.
 */
export type PlanReader = ((file: string, bytes: Uint8Array) => Promise<PlanReading>) & {
  check?: (file: string, bytes: Uint8Array, args: string[]) => Promise<CliResult>;
};

/** What the reader process answers for one file: its reading, or the result of `check`. */
export type WorkerReply =
  | { ok: true; reading: PlanReading }
  | { ok: true; result: CliResult }
  | { ok: true; unit: string | null }
  | { ok: false; planError: boolean; reason: ReadFailure | null; message: string };

/** How one read ended. */
export type ReadOutcome<R = WorkerReply> =
  | { kind: 'reply'; reply: R }
  | { kind: 'timeout' }
  | { kind: 'died'; code: number | null; signal: string | null; outOfMemory: boolean };

export interface ReaderOptions {
  /** The script the reader process runs, and node options it needs (e.g. a loader). */
  script: string | URL;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  heapMb?: number;
  budgetMs?: number;
  /** Resident memory (MB) past which the process is stopped (a heap limit does not bound one huge array). */
  memoryMb?: number;
}

/** Resident memory of a process in MB (Linux: /proc), or 0 when it cannot be read. */
function residentMb(pid: number | undefined): number {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return (pages * 4096) / (1024 * 1024);
  } catch {
    return 0;
  }
}

/** CPU time a process has used in ms (Linux: /proc, user + system), or null when it cannot be read. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after the command name in parentheses: utime and stime are the 12th and 13th
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;
/** A read starved of the processor (a loaded machine) is still stopped after this many budgets of wall time. */
export const WALL_BUDGETS = 6;

/** A reader process, started when first needed and again after it was stopped or died. */
export class ReaderProcess<R = WorkerReply> {
  private child: ChildProcess | null = null;
  private stderr = '';
  /** Peak resident memory of the reader process (KiB), as it last reported it. */
  maxRssKb = 0;

  constructor(private readonly o: ReaderOptions) {}

  private start(): ChildProcess {
    const heap = this.o.heapMb ?? 640;
    const child = fork(this.o.script, [], {
      execArgv: [...(this.o.execArgv ?? []), `--max-old-space-size=${heap}`],
      env: { ...process.env, ...this.o.env, PLANBOOK_READER: '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.stderr = '';
    child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.child = child;
    return child;
  }

  /** What the reader process wrote on stderr since the last call (its last 4,000 characters). */
  takeStderr(): string {
    const s = this.stderr;
    this.stderr = '';
    return s;
  }

  /**
   * Reads one file within the time budget (`extra` goes with it to the process): the budget counts
   * the reader's processor time where the system tells it (a large file on a loaded machine is not
   * stopped for waiting its turn; a damaged file that loops is), else wall time; a read is stopped
   * in any case after WALL_BUDGETS budgets of wall time.
   */
  read(file: string, bytes: Uint8Array, extra: object = {}): Promise<ReadOutcome<R>> {
    const child = this.child ?? this.start();
    const budget = this.o.budgetMs ?? READ_BUDGET_MS;
    return new Promise((resolve) => {
      const done = (o: ReadOutcome<R>) => {
        clearInterval(watch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(o);
      };
      const onMessage = (m: { reply: R; maxRssKb: number }) => {
        this.maxRssKb = m.maxRssKb;
        done({ kind: 'reply', reply: m.reply });
      };
      let tooBig = false;
      const onExit = (code: number | null, signal: string | null) => {
        this.child = null;
        done({
          kind: 'died',
          code,
          signal,
          outOfMemory:
            tooBig ||
            /heap out of memory|Allocation failed|invalid (array|table) size/i.test(this.stderr),
        });
      };
      // a huge array grows past the heap limit before V8 notices: watch the resident memory too
      const memoryMb = this.o.memoryMb ?? 850;
      const started = Date.now();
      const cpuAtStart = cpuMs(child.pid);
      const watch = setInterval(() => {
        const wall = Date.now() - started;
        const used =
          cpuAtStart === null ? wall : (cpuMs(child.pid) ?? wall + cpuAtStart) - cpuAtStart;
        if (used > budget || wall > budget * WALL_BUDGETS) {
          this.stop();
          return done({ kind: 'timeout' });
        }
        if (residentMb(child.pid) <= memoryMb) return;
        tooBig = true;
        child.kill('SIGKILL');
      }, 25);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ ...extra, file, bytes });
    });
  }

  /** Stops the reader process (a new one starts with the next read). */
  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}

/** The one-line reason of a read that did not reply. */
export function outcomeError(o: ReadOutcome, budgetMs: number, heapMb: number): Error {
  if (o.kind === 'reply') {
    const r = o.reply;
    if (r.ok) throw new Error('not an error');
    return r.planError
      ? new PlanReadError(r.message, r.reason ?? 'unreadable')
      : new Error(r.message);
  }
  if (o.kind === 'timeout')
    return new PlanReadError(
      `reading took longer than ${budgetMs < 1000 ? `${budgetMs} ms` : `${Math.round(budgetMs / 1000)} s`} and was stopped (the file may be damaged)`,
      'timeout',
    );
  return o.outOfMemory
    ? new PlanReadError(
        `reading needed more than ${heapMb} MB of memory and was stopped (the file is too large or damaged)`,
        'tooLarge',
      )
    : new PlanReadError(
        `the reader stopped while reading (${o.signal ?? `exit ${o.code}`}); the file may be damaged`,
        'unreadable',
      );
}

/** Reads each file in a reader process running `script` (the bundled CLI itself). */
export function readInProcess(
  o: ReaderOptions,
): PlanReader & { check: NonNullable<PlanReader['check']>; close: () => void } {
  const proc = new ReaderProcess(o);
  const fail = (out: ReadOutcome) =>
    outcomeError(out, o.budgetMs ?? READ_BUDGET_MS, o.heapMb ?? 640);
  const read = async (file: string, bytes: Uint8Array) => {
    const out = await proc.read(file, bytes);
    if (out.kind === 'reply' && out.reply.ok && 'reading' in out.reply) return out.reply.reading;
    throw fail(out);
  };
  const check = async (file: string, bytes: Uint8Array, args: string[]) => {
    const out = await proc.read(file, bytes, { check: args });
    if (out.kind === 'reply' && out.reply.ok && 'result' in out.reply) return out.reply.result;
    throw fail(out);
  };
  return Object.assign(read, { check, close: () => proc.stop() });
}
