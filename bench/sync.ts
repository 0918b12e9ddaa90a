/**
 * `npm run bench:sync`: the collaboration server under a department's load. A generated
 * 10,000-project plan is published to `planbook serve` (a separate process, SQLite), 20 Node
 * clients open it, and each edits a random amount cell once a second. Prints the time from an
 * edit to the moment every other client's model shows it (what the grid then renders), as
 * median, p95 and max, the edits that never arrived, and the server's memory.
 * BENCH_PROJECTS, BENCH_CLIENTS, BENCH_SECONDS override the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { leaves } from '../src/domain/columns';
import { generatePlan } from '../src/domain/generate';
import { indexOfRows } from '../src/domain/rowIndex';
import type { SyncClient } from '../src/storage/sync/client';
import { client, setCell, spawnServer } from '../src/server/testkit';

const N = Number(process.env.BENCH_PROJECTS ?? 10_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const DOC = 'plan/bench/consolidation';

const now = () => performance.timeOrigin + performance.now();
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
}

interface Edit {
  id: number;
  from: number;
  rowId: string;
  colId: string;
  value: number;
  t0: number;
  /** Client index → when it showed the value. */
  seen: Map<number, number>;
}

async function health(url: string): Promise<Record<string, number>> {
  return (await (await fetch(`${url}/health`)).json()) as Record<string, number>;
}

async function main(): Promise<void> {
  const load = () => loadavg()[0].toFixed(1);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${load()}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'planbook-bench-sync-'));
  const srv = await spawnServer(join(dir, 'data'));
  const wb = generatePlan({ projects: N });
  const sheet = wb.sheets[0];
  const projects = sheet.rows.filter((r) => r.kind === 'project').map((r) => r.id);
  const amounts = leaves(sheet.columns)
    .filter((c) => c.role === 'amount')
    .map((c) => c.id);

  const clients: SyncClient[] = [];
  let t = now();
  const first = client(srv.url, DOC, 'minh');
  clients.push(first);
  await first.whenSaved(30_000);
  first.shared.publish(wb);
  await first.whenSaved(120_000);
  const size = Y.encodeStateAsUpdate(first.doc).length;
  console.log(
    `published ${N} projects (${sheet.rows.length} rows, ${amounts.length} amount columns): ${(now() - t).toFixed(0)} ms, document ${(size / 1024).toFixed(0)} KB`,
  );

  t = now();
  for (let i = 1; i < CLIENTS; i++) clients.push(client(srv.url, DOC, 'minh'));
  await Promise.all(clients.map((c) => c.whenSaved(180_000)));
  while (!clients.every((c) => c.shared.workbook)) await new Promise((r) => setTimeout(r, 50));
  console.log(`${CLIENTS - 1} more clients opened it: ${(now() - t).toFixed(0)} ms`);
  const writers = clients.map((c, i) => ({ c, i })).filter(({ c }) => !c.readOnly);

  const pending = new Set<Edit>();
  const done: Edit[] = [];
  clients.forEach((c, i) =>
    c.shared.onChange((_k, _b, after) => {
      const at = now();
      const rows = after.sheets[0].rows;
      const idx = indexOfRows(rows);
      for (const e of pending) {
        if (e.from === i || e.seen.has(i)) continue;
        if (rows[idx.get(e.rowId)!]?.cells[e.colId] === e.value) e.seen.set(i, at);
      }
    }),
  );

  const h0 = await health(srv.httpUrl);
  const cpu0 = process.cpuUsage();
  let next = 0;
  let value = 1_000_000;
  const timers = writers.map(({ c, i }) => {
    const tick = () => {
      const e: Edit = {
        id: next++,
        from: i,
        // each writer has its own projects (as departments do): no two write one cell
        rowId: projects[Math.floor(Math.random() * (projects.length / CLIENTS)) * CLIENTS + i],
        colId: amounts[Math.floor(Math.random() * amounts.length)],
        value: value++,
        t0: now(),
        seen: new Map(),
      };
      pending.add(e);
      setCell(c, e.rowId, e.colId, e.value);
    };
    let iv: NodeJS.Timeout | undefined;
    const start = setTimeout(() => {
      tick();
      iv = setInterval(tick, 1000);
    }, Math.random() * 1000);
    return () => {
      clearTimeout(start);
      clearInterval(iv);
    };
  });
  console.log(`${writers.length} writers × 1 edit/s for ${SECONDS} s…`);
  const sweep = setInterval(() => {
    for (const e of pending)
      if (e.seen.size >= CLIENTS - 1) {
        pending.delete(e);
        done.push(e);
      }
  }, 100);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  for (const stop of timers) stop();
  await new Promise((r) => setTimeout(r, 5000));
  clearInterval(sweep);
  const cpu1 = process.cpuUsage(cpu0);
  const all = [...done, ...pending];
  const lat = done.map((e) => Math.max(...e.seen.values()) - e.t0);
  const one = all.flatMap((e) => [...e.seen.values()].map((s) => s - e.t0));
  console.log(
    `edits: ${all.length}; to every other client: median ${quantile(lat, 0.5).toFixed(0)} ms, p95 ${quantile(lat, 0.95).toFixed(0)} ms, max ${Math.max(...lat).toFixed(0)} ms; to one client: p95 ${quantile(one, 0.95).toFixed(0)} ms; never arrived everywhere: ${pending.size}`,
  );
  const h = await health(srv.httpUrl);
  const perEdit = (ms: number) => `${(ms / all.length).toFixed(2)} ms`;
  console.log(
    `CPU per edit: server ${perEdit(h.cpuMs - h0.cpuMs)} (receive, log to disk, apply, audit, send to ${CLIENTS - 1}), all ${CLIENTS} clients ${perEdit((cpu1.user + cpu1.system) / 1000)}; load average now ${load()}`,
  );
  console.log(
    `server: rss ${mb(h.rss)}, heap ${mb(h.heapUsed)}, ${h.documents} document(s), ${h.connections} connections; clients (this process, ${CLIENTS}): rss ${mb(process.memoryUsage().rss)}`,
  );
  const conflicts = clients[0].shared.conflicts().length;
  console.log(`conflicts kept (two writers on one cell): ${conflicts}`);
  for (const c of clients) await c.destroy();
  await srv.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  const p95 = quantile(lat, 0.95);
  if (!(p95 <= 500) || pending.size) {
    console.log(`FAIL: p95 ${p95.toFixed(0)} ms (goal ≤ 500 ms), ${pending.size} edits missing`);
    process.exitCode = 1;
  }
}

await main();
