/**
 * `planbook serve` reads a sent submission in the CLI's reader process (issue #21): while a large
 * file is read, two clients' edit still goes round (it arrives before the read ends; read in the
 * server's thread, nothing moves until it ends), and a file past the reading bounds (time, memory)
 * is refused with one line and an audit line, the server serving on.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planXlsx } from '../../bench/planXlsx';
import { makePlan } from '../domain/template';
import { type RunningServer, startServer } from '../server/server';
import { readUnitHere, type StatedUnitReader } from '../server/statedUnit';
import { ACCOUNTS, SECRET, cellOf, client, setCell, token, until } from '../server/testkit';
import { MAX_WAITING, sourceUnitReader, unitReaderProcess } from './unitReader';

const A = 'y2011_dtpt';
const BIG = planXlsx({ projects: 10_000, findings: 'few' });
const open: { srv: RunningServer; clients: ReturnType<typeof client>[] }[] = [];

/** A server reading with `reader`, and two clients of one workbook, connected and loaded. */
async function serverWith(reader: StatedUnitReader) {
  const srv = await startServer({
    port: 0,
    accounts: () => ACCOUNTS,
    secret: SECRET,
    quiet: true,
    statedUnit: reader,
  });
  const doc = 'plan/p1/submission/gtvt';
  const a = client(srv.url, doc, 'lan');
  await a.whenSaved();
  a.shared.publish(makePlan({ rows: [['project', 0, 'p1', { '2011:ĐTPT': 100 }]] }));
  await a.whenSaved();
  const b = client(srv.url, doc, 'lan');
  await until(() => !!b.shared.workbook, 'second client loaded');
  open.push({ srv, clients: [a, b] });
  return { srv, a, b };
}

/** A reader that says when its read starts and ends. */
function watched(reader: StatedUnitReader) {
  const state = { started: null as null | Promise<void>, ended: false };
  let start = () => {};
  state.started = new Promise<void>((r) => (start = r));
  const read: StatedUnitReader = (f, b) => {
    start();
    const out = reader(f, b);
    return out.finally(() => (state.ended = true));
  };
  return { read: Object.assign(read, { close: reader.close }), state };
}

async function send(
  srv: Pick<RunningServer, 'httpUrl'>,
  account: string,
  unit: string,
  bytes: Uint8Array,
) {
  const url = `${srv.httpUrl}/submissions?doc=plan/p1/submission/${unit}&file=big.xlsx`;
  const r = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token(account)}` },
    body: new Uint8Array(bytes),
  });
  return {
    status: r.status,
    body: (await r.json()) as { error?: string; code?: string; reason?: string },
  };
}

/** Sends the large file, and once its read has started, one edit from a to b: whether it arrived first. */
async function editWhileReading(reader: StatedUnitReader) {
  const w = watched(reader);
  const { srv, a, b } = await serverWith(w.read);
  const sent = send(srv, 'tuan', 'yte', BIG);
  await w.state.started;
  const t0 = performance.now();
  setCell(a, 'r1', A, 4242);
  await until(() => cellOf(b, 'r1', A) === 4242, 'the edit on the other client', 60_000);
  const editMs = performance.now() - t0;
  const beforeReadEnded = !w.state.ended;
  const res = await sent;
  return { beforeReadEnded, editMs, res, srv };
}

afterAll(async () => {
  for (const o of open) {
    for (const c of o.clients) await c.destroy();
    await o.srv.close();
  }
});

describe('a sent submission read off the event loop', () => {
  it("while a 10,000-project file is read, an edit goes from one client to the other (not so in the server's thread)", async () => {
    const off = await editWhileReading(sourceUnitReader());
    expect(off.res.status).toBe(201); // read, and taken
    expect(off.beforeReadEnded).toBe(true);
    const here = await editWhileReading(readUnitHere);
    expect(here.res.status).toBe(201);
    expect(here.beforeReadEnded).toBe(false); // the read held everything up
    console.log(`edit round trip while reading: ${off.editMs.toFixed(0)} ms off the loop`);
  }, 120_000);

  it('a file past the time budget or the memory is refused with one line and an audit line; the server serves on', async () => {
    const slow = sourceUnitReader({ budgetMs: 500 });
    const { srv, a, b } = await serverWith(slow);
    const late = await send(srv, 'tuan', 'yte', BIG);
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({
      code: 'unreadable',
      reason: 'reading took longer than 500 ms and was stopped (the file may be damaged)',
      error:
        'the file could not be read: reading took longer than 500 ms and was stopped (the file may be damaged)',
    });
    const small = sourceUnitReader({ heapMb: 24, memoryMb: 120 });
    const tight = await serverWith(small);
    const big = await send(tight.srv, 'tuan', 'yte', BIG);
    expect(big.status).toBe(422);
    expect(big.body.error).toMatch(/^the file could not be read: reading needed more than 24 MB/);
    await srv.audit.flush();
    const lines = await srv.store.audit({ doc: 'plan/p1/submission/yte', kind: 'refused' });
    expect(lines.map((l) => [l.account, l.detail])).toEqual([
      ['tuan', `big.xlsx: ${late.body.error!}`],
    ]);
    // still serving: an edit goes round, and the consolidator lists the plan's submissions (none)
    setCell(a, 'r1', A, 77);
    await until(() => cellOf(b, 'r1', A) === 77, 'an edit after the refusal');
    const list = await fetch(`${srv.httpUrl}/submissions?plan=p1`, {
      headers: { Authorization: `Bearer ${token('minh')}` },
    });
    expect([list.status, await list.json()]).toEqual([200, []]);
  }, 120_000);

  it('`planbook serve` as bundled (npm run build:cli) reads in its bundled reader process', async () => {
    const data = mkdtempSync(join(tmpdir(), 'planbook-serve-'));
    writeFileSync(join(data, 'accounts.json'), JSON.stringify({ accounts: ACCOUNTS }));
    const p = spawn(
      process.execPath,
      ['dist-cli/planbook.mjs', 'serve', '--port', '0', '--data', data],
      { env: { ...process.env, PLANBOOK_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const httpUrl = await new Promise<string>((resolve) => {
        let out = '';
        p.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const m = /listening on ws:\/\/([\d.]+:\d+)/.exec(out);
          if (m) resolve(`http://${m[1]}`);
        });
      });
      expect((await send({ httpUrl }, 'tuan', 'yte', BIG)).status).toBe(201);
      // read there: a file naming another unit of the plan is refused
      const other = readFileSync('fixtures/consolidate/so-y-te.xlsx');
      expect((await send({ httpUrl }, 'lan', 'gtvt', other)).body.code).toBe('wrongUnit');
    } finally {
      p.kill('SIGTERM');
    }
  }, 120_000);

  it('reads one file at a time, a few more waiting; beyond that a send is refused at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbook-unit-'));
    const script = join(dir, 'slow.mjs');
    // answers each file's name as its unit, 100 ms later
    writeFileSync(
      script,
      'process.on("message", (m) => setTimeout(() => process.send({ reply: { ok: true, unit: m.file }, maxRssKb: 0 }), 100));',
    );
    const read = unitReaderProcess({ script });
    try {
      const names = Array.from({ length: MAX_WAITING + 2 }, (_, i) => `f${i}`);
      const got = await Promise.all(names.map((n) => read(n, new Uint8Array(1))));
      expect(got).toEqual([
        ...names.slice(0, -1).map((unit) => ({ unit })),
        { refused: 'the server is reading other files; send it again soon' },
      ]);
      expect(await read('again', new Uint8Array(1))).toEqual({ unit: 'again' });
    } finally {
      read.close();
    }
  });
});
