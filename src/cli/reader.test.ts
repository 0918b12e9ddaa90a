/**
 * The CLI's reader process: no input can crash or exhaust the command (a reader that aborts, loops or
 * runs out of memory is one clear line), and text output cannot be driven by the input.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { damagedXls } from '../../tests/support/damaged';
import { PlanReadError } from '../io/readPlan';
import { runCli } from './main';
import { printable } from './printable';
import { outcomeError, ReaderProcess, readInProcess, WALL_BUDGETS } from './reader';

const dir = mkdtempSync(join(tmpdir(), 'planbook-reader-'));
const TSX = ['--import', 'tsx'];

/** A reader process from the sources, as `npm run fuzz` and the tests run it. */
const sourceReader = (budgetMs = 20_000) =>
  readInProcess({ script: 'src/cli/readerChild.ts', execArgv: TSX, budgetMs });

function script(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

describe('the reader process', () => {
  it('a reader that aborts (as V8 does on a huge allocation), loops or runs out of memory costs one line, and the next read works', async () => {
    const abort = new ReaderProcess({
      script: script('abort.mjs', 'process.on("message", () => process.abort());'),
    });
    const died = await abort.read('x.xls', new Uint8Array(8));
    expect(died).toMatchObject({ kind: 'died', signal: 'SIGABRT' });
    expect(outcomeError(died, 20_000, 640).message).toBe(
      'the reader stopped while reading (SIGABRT); the file may be damaged',
    );
    expect(await abort.read('y.xls', new Uint8Array(8))).toMatchObject({ kind: 'died' }); // restarted
    const loop = new ReaderProcess({
      script: script('loop.mjs', 'process.on("message", () => { for (;;); });'),
      budgetMs: 1_000,
    });
    const t = Date.now();
    const stuck = await loop.read('x.xls', new Uint8Array(8));
    expect(stuck.kind).toBe('timeout');
    // a second of processor time: about a second on a free core, never past the wall cap
    expect(Date.now() - t).toBeLessThan(1_000 * WALL_BUDGETS + 3_000);
    expect(outcomeError(stuck, 1_000, 640).message).toBe(
      'reading took longer than 1 s and was stopped (the file may be damaged)',
    );
    const hog = new ReaderProcess({
      script: script(
        'hog.mjs',
        'process.on("message", () => { const a = []; for (;;) a.push({ a }); });',
      ),
      heapMb: 64,
    });
    const oom = await hog.read('x.xls', new Uint8Array(8));
    expect(oom).toMatchObject({ kind: 'died', outOfMemory: true });
    // one array growing without end outgrows any heap limit before V8 notices: resident memory is watched
    const grow = new ReaderProcess({
      script: script(
        'grow.mjs',
        'process.on("message", () => { const a = []; for (let i = 0; ; i++) a.push(i); });',
      ),
      heapMb: 4096,
      memoryMb: 300,
    });
    const t2 = Date.now();
    expect(await grow.read('x.xls', new Uint8Array(8))).toMatchObject({
      kind: 'died',
      outOfMemory: true,
    });
    expect(Date.now() - t2).toBeLessThan(20_000);
    const e = outcomeError(oom, 20_000, 64);
    expect(e).toBeInstanceOf(PlanReadError);
    expect(e.message).toBe(
      'reading needed more than 64 MB of memory and was stopped (the file is too large or damaged)',
    );
  }, 60_000);

  it("the budget counts the reader's processor time: a read waiting its turn on a loaded machine is not stopped, a stuck one is", async () => {
    // a reader that uses no processor for three budgets, as one starved by other processes does
    const starved = new ReaderProcess<string>({
      script: script(
        'starved.mjs',
        'process.on("message", () => setTimeout(() => process.send({ reply: "read", maxRssKb: 1 }), 1500));',
      ),
      budgetMs: 500,
    });
    expect(await starved.read('x.xls', new Uint8Array(8))).toEqual({
      kind: 'reply',
      reply: 'read',
    });
    // one that never answers is stopped after WALL_BUDGETS budgets of wall time all the same
    const silent = new ReaderProcess({
      script: script('silent.mjs', 'process.on("message", () => setInterval(() => {}, 1000));'),
      budgetMs: 300,
    });
    const t = Date.now();
    expect((await silent.read('x.xls', new Uint8Array(8))).kind).toBe('timeout');
    expect(Date.now() - t).toBeGreaterThanOrEqual(300 * (WALL_BUDGETS - 0.5));
    expect(Date.now() - t).toBeLessThan(300 * WALL_BUDGETS + 3_000);
  });

  it('damaged .xls files through the CLI: read, or exit 2 with exactly one line on stderr (no library output)', async () => {
    const read = sourceReader();
    try {
      for (const seed of [3, 5, 6, 11]) {
        const file = join(dir, `damaged-${seed}.xls`);
        writeFileSync(file, damagedXls(seed));
        const r = await runCli(['check', file], read);
        expect([0, 1, 2]).toContain(r.code);
        if (r.code === 2) expect(r.stderr.split('\n')).toHaveLength(1);
        else expect(r.stderr).toBe('');
        expect(r.stderr).not.toMatch(/Missing Info|split|undefined/);
        if (seed === 5)
          expect(r.stderr).toBe(
            `planbook: ${file}: cannot read the spreadsheet (XLS Record 0x27e Truncated: 166 < 8458)`,
          );
      }
    } finally {
      read.close();
    }
  }, 60_000);
});

describe('inputs the fuzzer found', () => {
  it('an .xls on which SheetJS fills an array for ever is stopped under 1 GB (it reached 1.6 GB)', async () => {
    const read = sourceReader(30_000);
    try {
      const r = await runCli(['check', 'fixtures/damaged/runaway-string.xls'], read);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/reading needed more than 640 MB of memory and was stopped/);
    } finally {
      read.close();
    }
  }, 60_000);

  it('an .xls with a damaged property count is read at once (SheetJS looped on its summary information past 20 s)', async () => {
    const read = sourceReader(10_000);
    try {
      const t = performance.now();
      const r = await runCli(['check', 'fixtures/damaged/property-count.xls'], read);
      expect(r.stderr).not.toMatch(/longer than|memory/);
      expect(r.code).toBeLessThan(2);
      expect(performance.now() - t).toBeLessThan(10_000);
    } finally {
      read.close();
    }
  }, 30_000);

  it('an .xls whose directory links loop: one line, exit 2 (it used to abort Node: SIGTRAP, exit 133)', async () => {
    const read = sourceReader(15_000);
    try {
      const r = await runCli(['check', 'fixtures/damaged/directory-loop.xls'], read);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'planbook: fixtures/damaged/directory-loop.xls: cannot read the spreadsheet: the file is damaged (its directory links loop)',
      });
    } finally {
      read.close();
    }
  }, 30_000);

  it('an .xls with an array formula record cut to 7 bytes is refused at once (SheetJS looped on its formula for ever)', async () => {
    const read = sourceReader(10_000);
    try {
      const t = Date.now();
      const r = await runCli(['check', 'fixtures/damaged/cut-array-record.xls'], read);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'planbook: fixtures/damaged/cut-array-record.xls: cannot read the spreadsheet: the file is damaged (its array formula record at byte 22156 is cut short to 7 bytes)',
      });
      expect(Date.now() - t).toBeLessThan(10_000);
    } finally {
      read.close();
    }
  }, 30_000);

  it('an .xls with a damaged zip nested in it is refused at once (SheetJS alone loops on it for minutes)', async () => {
    const read = sourceReader(15_000);
    try {
      const t = Date.now();
      const r = await runCli(['check', 'fixtures/damaged/slow-record.xls'], read);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^planbook: fixtures\/damaged\/slow-record.xls: cannot read the spreadsheet: the file is damaged/,
      );
      expect(Date.now() - t).toBeLessThan(10_000);
    } finally {
      read.close();
    }
  }, 30_000);
});

describe('text output is safe', () => {
  it('escapes control characters, so a title with ESC, BEL and a newline cannot forge a finding line', async () => {
    expect(printable('a\u001b[31mb\u0007c\nd\r\u202e')).toBe('a\\x1b[31mb\\x07c\\nd\\r\\u202e');
    const forged = '\u001b[2J\u0007Kế hoạch\n  ERROR   row-total         line 1: forged';
    const tsv = [
      forged,
      'TT\tTên dự án\tĐơn vị thực hiện\t2021\tTổng mức đầu tư',
      '1\tDự án A\tSở\t100\t100',
      '2\tDự án \u001b]0;owned\u0007B\tSở\t50\t60',
    ].join('\n');
    const file = join(dir, 'forged.tsv');
    writeFileSync(file, tsv);
    const r = await runCli(['check', file]);
    // eslint-disable-next-line no-control-regex -- what must not reach a terminal
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^ {2}ERROR/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^ {2}ERROR/.test(l))[0]).toContain('\\x1b]0;owned\\x07');
    const json = JSON.parse((await runCli(['check', file, '--json'])).stdout) as {
      plan: { title: string };
    };
    expect(json.plan.title).toContain('\u001b[2J'); // the JSON keeps the text exact
  });
});
