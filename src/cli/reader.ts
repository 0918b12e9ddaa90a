/**
 * How the CLI reads an input file: directly (tests), or in a separate reader process with a heap
 * limit and a time budget. A process, not a worker thread: a huge allocation in a worker thread
 * (a damaged file's record length) aborts the whole process even with `resourceLimits` (measured:
 * exit 134), while a reader process that dies only costs its own life. Its console output is
 * collected, never printed.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as zlib from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { type PlanReading, PlanReadError, type ReadFailure, readPlanFile } from '../io/readPlan';
import { READ_BUDGET_MS } from '../io/limits';
import { thrownText } from '../io/sheets';

/**
 * In a reader process: SheetJS inflates with zlib rather than its own inflater, which loops for
 * ever on some damaged deflate streams (a zip nested in an .xls). zlib's `bytesRead`, which SheetJS
 * reads, is deprecated: the warning is not printed.
 */
export function inflateWithZlib(): void {
  process.noDeprecation = true;
  (XLSX.CFB as { utils: { use_zlib: (z: typeof zlib) => void } }).utils.use_zlib(zlib);
}

/** Reads a plan file; rejects with a PlanReadError (a clear, one-line reason). */
export type PlanReader = (file: string, bytes: Uint8Array) => Promise<PlanReading>;

/** Reads in this thread (tests, small inputs). */
export const readDirect: PlanReader = (file, bytes) => {
  try {
    return Promise.resolve(readPlanFile(file, bytes));
  } catch (e) {
    return Promise.reject(e as Error);
  }
};

/** What the reader process answers for one file. */
export type WorkerReply =
  | { ok: true; reading: PlanReading }
  | { ok: false; planError: boolean; reason: ReadFailure | null; message: string };

/** Reads in this thread and answers as the reader process does (anything thrown becomes a reply). */
export function readForWorker(file: string, bytes: Uint8Array): WorkerReply {
  try {
    return { ok: true, reading: readPlanFile(file, bytes) };
  } catch (e) {
    const planError = e instanceof PlanReadError;
    return { ok: false, planError, reason: planError ? e.reason : null, message: thrownText(e) };
  }
}

/** The reader process's side: answers each file it is sent, with its peak memory so far. */
export function serveReads(): void {
  inflateWithZlib();
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: { file: string; bytes: Uint8Array }) => {
    const reply = readForWorker(m.file, new Uint8Array(m.bytes));
    process.send!({ reply, maxRssKb: process.resourceUsage().maxRSS });
  });
}

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

  /** Reads one file within the time budget (`extra` goes with it to the process). */
  read(file: string, bytes: Uint8Array, extra: object = {}): Promise<ReadOutcome<R>> {
    const child = this.child ?? this.start();
    const budget = this.o.budgetMs ?? READ_BUDGET_MS;
    return new Promise((resolve) => {
      const done = (o: ReadOutcome<R>) => {
        clearTimeout(timer);
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
      const watch = setInterval(() => {
        if (residentMb(child.pid) <= memoryMb) return;
        tooBig = true;
        child.kill('SIGKILL');
      }, 25);
      const timer = setTimeout(() => {
        this.stop();
        done({ kind: 'timeout' });
      }, budget);
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
      `reading took longer than ${Math.round(budgetMs / 1000)} s and was stopped (the file may be damaged)`,
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
export function readInProcess(o: ReaderOptions): PlanReader & { close: () => void } {
  const proc = new ReaderProcess(o);
  const read = async (file: string, bytes: Uint8Array) => {
    const out = await proc.read(file, bytes);
    if (out.kind === 'reply' && out.reply.ok) return out.reply.reading;
    throw outcomeError(out, o.budgetMs ?? READ_BUDGET_MS, o.heapMb ?? 640);
  };
  return Object.assign(read, { close: () => proc.stop() });
}
