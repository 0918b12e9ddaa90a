/**
 * Servers as separate processes: killed mid-session (SIGKILL, nothing flushed), and two
 * instances behind Redis with PostgreSQL. Needs Debian's postgresql and redis-server
 * (`scripts/ensure-system-deps.mjs` installs them); they run on 127.0.0.1 only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import type { SyncClient } from '../storage/sync/client';
import { type Service, startPostgres, startRedis } from './services';
import { fetchSubmission, listSubmissions, sendSubmission } from '../app/serverSubmissions';
import { cellOf, client, type ServerProcess, setCell, spawnServer, token, until } from './testkit';

const bytes = new Uint8Array([80, 75, 3]);

const A = 'y2011_dtpt';
const plan = () =>
  makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
      ['project', 1, 'p2', { '2011:ĐTPT': 200 }],
      ['project', 1, 'p3', { '2011:ĐTPT': 300 }],
    ],
  });

const dir = mkdtempSync(join(tmpdir(), 'planbook-cluster-'));
const servers: ServerProcess[] = [];
const clients: SyncClient[] = [];
const services: Service[] = [];
async function serve(data: string, extra: string[] = []) {
  const s = await spawnServer(join(dir, data), extra);
  servers.push(s);
  return s;
}

afterAll(async () => {
  for (const c of clients) await c.destroy();
  for (const s of servers) await s.kill('SIGTERM');
  for (const s of services) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a server killed mid-session', () => {
  it('loses no acknowledged edit (SQLite)', async () => {
    const s1 = await serve('sqlite');
    const doc = 'plan/kill/submission/gtvt';
    const a = client(s1.url, doc, 'lan');
    clients.push(a);
    await a.whenSaved();
    a.shared.publish(plan());
    setCell(a, 'r2', A, 111);
    setCell(a, 'r3', A, 222);
    await a.whenSaved(); // acknowledged: the server said it has them
    await s1.kill('SIGKILL'); // at once: no store, no goodbye
    await a.destroy(); // and the laptop is closed
    const s2 = await serve('sqlite');
    const b = client(s2.url, doc, 'minh');
    clients.push(b);
    await until(() => !!b.shared.workbook, 'reload after the kill');
    expect([cellOf(b, 'r2', A), cellOf(b, 'r3', A)]).toEqual([111, 222]);
  }, 60_000);
});

describe('two instances behind Redis with PostgreSQL', () => {
  let pgUrl = '';
  let redisUrl = '';
  beforeAll(async () => {
    const [p, r] = await Promise.all([startPostgres(), startRedis()]);
    services.push(p, r);
    pgUrl = p.url;
    redisUrl = r.url;
  }, 60_000);

  it('serve clients on different instances, and one killed loses no acknowledged edit', async () => {
    const shared = ['--postgres', pgUrl, '--redis', redisUrl];
    const [i1, i2] = await Promise.all([
      serve('i1', [...shared, '--name', 'i1']),
      serve('i2', [...shared, '--name', 'i2']),
    ]);
    const doc = 'plan/cluster/submission/gtvt';
    const a = client(i1.url, doc, 'lan');
    const b = client(i2.url, doc, 'lan');
    clients.push(a, b);
    await a.whenSaved();
    a.shared.publish(plan());
    await a.whenSaved();
    await until(() => !!b.shared.workbook, 'the other instance serves it');
    setCell(a, 'r2', A, 111);
    setCell(b, 'r3', A, 222);
    await until(
      () => cellOf(a, 'r3', A) === 222 && cellOf(b, 'r2', A) === 111,
      'edits across instances',
    );
    setCell(a, 'r4', A, 444);
    await a.whenSaved();
    await i1.kill('SIGKILL');
    await a.destroy();
    await until(() => cellOf(b, 'r4', A) === 444, 'the edit acknowledged by the killed instance');
    const i1b = await serve('i1', [...shared, '--name', 'i1b']);
    const c = client(i1b.url, doc, 'minh');
    clients.push(c);
    await until(() => !!c.shared.workbook, 'restarted instance serves it');
    expect([2, 3, 4].map((k) => cellOf(c, `r${k}`, A))).toEqual([111, 222, 444]);
    setCell(b, 'r2', A, 555);
    await until(() => cellOf(c, 'r2', A) === 555, 'instances still linked');
    // a submission sent through one instance is read through the other (PostgreSQL keeps it)
    const sent = await sendSubmission(
      { url: i2.url, document: doc, token: token('lan') },
      's.xlsx',
      bytes,
    );
    expect(sent.ok).toBe(true);
    const list = await listSubmissions({ url: i1b.url, plan: 'cluster', token: token('minh') });
    expect(list.ok && list.value.map((x) => [x.unit, x.unitName, x.fileName, x.size])).toEqual([
      ['gtvt', 'Sở Giao thông vận tải', 's.xlsx', 3],
    ]);
    const id = list.ok ? list.value[0].id : 0;
    const got = await fetchSubmission({ url: i1b.url, plan: 'cluster', token: token('minh') }, id);
    expect(got.ok && [...got.value]).toEqual([...bytes]);
  }, 90_000);
});
