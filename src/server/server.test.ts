import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import type { SyncClient } from '../storage/sync/client';
import { type RunningServer, startServer } from './server';
import { ACCOUNTS, SECRET, cellOf, client, setCell, token, until } from './testkit';
import { signToken } from './tokens';

const A = 'y2011_dtpt';
const SUB = 'plan/p2025/submission/gtvt';

function plan() {
  return makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
      ['project', 1, 'p2', { '2011:ĐTPT': 200 }],
      ['project', 1, 'p3', { '2011:ĐTPT': 300 }],
    ],
  });
}

let srv: RunningServer;
const clients: SyncClient[] = [];
function open(doc: string, account: string, tok?: string) {
  const c = client(srv.url, doc, account, tok);
  clients.push(c);
  return c;
}

/** A document published by its first writer, and `more` other people connected and loaded. */
async function shared(doc: string, writer: string, ...more: string[]) {
  const first = open(doc, writer);
  await first.whenSaved();
  first.shared.publish(plan());
  await first.whenSaved();
  const rest = more.map((a) => open(doc, a));
  await until(() => rest.every((c) => c.shared.workbook), 'everyone loaded');
  return [first, ...rest];
}

beforeAll(async () => {
  srv = await startServer({ port: 0, accounts: () => ACCOUNTS, secret: SECRET, quiet: true });
});
afterAll(async () => {
  for (const c of clients) await c.destroy();
  await srv.close();
});

describe('collaboration server', () => {
  it('three people edit one workbook, one offline for a while: all converge', async () => {
    const [lan, lan2, lan3] = await shared(SUB, 'lan', 'lan', 'lan');
    lan3.goOffline();
    await until(() => lan3.status === 'offline', 'offline');
    setCell(lan, 'r2', A, 111);
    setCell(lan2, 'r3', A, 222);
    setCell(lan3, 'r4', A, 333); // made offline
    await until(
      () => cellOf(lan, 'r3', A) === 222 && cellOf(lan2, 'r2', A) === 111,
      'online edits',
    );
    expect(cellOf(lan, 'r4', A)).toBe(300); // the offline edit has not left its browser
    await lan3.goOnline();
    await lan3.whenSaved();
    const ok = (c: SyncClient) =>
      cellOf(c, 'r2', A) === 111 && cellOf(c, 'r3', A) === 222 && cellOf(c, 'r4', A) === 333;
    await until(() => [lan, lan2, lan3].every(ok), 'convergence');
    expect(lan2.shared.workbook).toEqual({ ...lan3.shared.workbook, id: lan2.shared.workbook!.id });
  });

  it('two people write the same cell while apart: both values are surfaced to both, none lost', async () => {
    const doc = 'plan/p2/consolidation';
    const [a, b] = await shared(doc, 'minh', 'minh');
    a.goOffline();
    b.goOffline();
    await until(() => a.status === 'offline' && b.status === 'offline', 'both offline');
    setCell(a, 'r2', A, 150);
    await new Promise((r) => setTimeout(r, 5));
    setCell(b, 'r2', A, 175);
    await a.goOnline();
    await b.goOnline();
    await Promise.all([a.whenSaved(), b.whenSaved()]);
    await until(
      () => a.shared.conflicts().length === 1 && b.shared.conflicts().length === 1,
      'conflict on both',
    );
    for (const c of [a, b])
      expect(
        c.shared
          .conflicts()[0]
          .writes.map((w) => w.v)
          .sort(),
      ).toEqual([150, 175]);
    expect(cellOf(a, 'r2', A)).toBe(cellOf(b, 'r2', A));
    const log = await srv.store.audit({ doc, kind: 'conflict' });
    expect(log.length).toBeGreaterThan(0);
    // one of them settles it: gone for both, the settled value everywhere
    a.shared.settle(a.shared.conflicts()[0].key, 150);
    await until(() => b.shared.conflicts().length === 0 && cellOf(b, 'r2', A) === 150, 'settled');
  });

  it("a department's token cannot write the consolidation: refused and logged", async () => {
    const doc = 'plan/p3/consolidation';
    const [minh] = await shared(doc, 'minh');
    const lan = open(doc, 'lan'); // a department reads the consolidation
    await until(() => !!lan.shared.workbook && lan.readOnly, 'department reads, read-only');
    setCell(lan, 'r2', A, 999_999);
    let refused: { account: string; after?: string | null }[] = [];
    for (let i = 0; i < 200 && !refused.length; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await srv.audit.flush();
      refused = await srv.store.audit({ doc, kind: 'refused' });
    }
    expect(refused.map((r) => [r.account, r.after])).toEqual([['lan', '[999999]']]);
    expect(lan.saved).toBe(false); // never acknowledged
    // the server never took it: the consolidator and a fresh reader see the old figure
    const hoa = open(doc, 'hoa');
    await until(() => !!hoa.shared.workbook, 'reviewer reads');
    expect(cellOf(hoa, 'r2', A)).toBe(100);
    expect(cellOf(minh, 'r2', A)).toBe(100);
  });

  it("nothing is readable without a valid token, nor another unit's submission", async () => {
    await shared('plan/p4/submission/yte', 'tuan');
    const cases = [
      open('plan/p4/submission/yte', 'lan'), // another department
      open('plan/p4/submission/yte', 'tuan', 'not-a-token'),
      open(
        'plan/p4/submission/yte',
        'tuan',
        signToken(SECRET, 'tuan', 1, Date.now() - 2 * 3600_000),
      ),
      open('plan/p4/submission/yte', 'tuan', signToken('another secret', 'tuan', 1)),
      open('plan/p4/other', 'minh'),
    ];
    await until(() => cases.every((c) => c.status === 'refused'), 'all refused');
    for (const c of cases) expect(c.shared.workbook).toBeNull();
    await srv.audit.flush();
    const denied = await srv.store.audit({ doc: 'plan/p4/submission/yte', kind: 'denied' });
    expect(denied.map((d) => d.detail).sort()).toEqual([
      'no right',
      'token badSignature',
      'token expired',
      'token malformed',
    ]);
  });

  it('the audit trail says who changed which cell from what to what, per cell over HTTP', async () => {
    const doc = 'plan/p5/submission/gtvt';
    const [lan] = await shared(doc, 'lan');
    setCell(lan, 'r3', A, 250);
    setCell(lan, 'r3', A, 260);
    await lan.whenSaved();
    await srv.audit.flush();
    const q = new URLSearchParams({ doc, sheet: 's1', row: 'r3', col: A });
    const res = await fetch(`${srv.httpUrl}/audit?${q}`, {
      headers: { Authorization: `Bearer ${token('lan')}` },
    });
    expect(res.status).toBe(200);
    const rows = (await res.json()) as {
      account: string;
      name: string;
      before: string;
      after: string;
      kind: string;
    }[];
    expect(rows.map((r) => [r.kind, r.account, r.name, r.before, r.after])).toEqual([
      ['cell', 'lan', 'Nguyễn Thị Lan', '250', '260'],
      ['cell', 'lan', 'Nguyễn Thị Lan', '200', '250'],
    ]);
    const csv = await fetch(`${srv.httpUrl}/audit?${q}&format=csv`, {
      headers: { Authorization: `Bearer ${token('minh')}` },
    });
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toMatch(/^at,account,name,unit,kind,/);
    expect(lines[2]).toMatch(/,lan,Nguyễn Thị Lan,gtvt,cell,.*,200,250,$/);
    const other = await fetch(`${srv.httpUrl}/audit?${q}`, {
      headers: { Authorization: `Bearer ${token('tuan')}` },
    });
    expect(other.status).toBe(403);
    const none = await fetch(`${srv.httpUrl}/audit?${q}`);
    expect(none.status).toBe(401);
  });

  it('presence: who is in the workbook, on which cell, as the server knows them', async () => {
    const doc = 'plan/p6/consolidation';
    const [minh, lan] = await shared(doc, 'minh', 'lan');
    minh.setPresence({ id: 'minh', name: 'Minh' }, { sheetId: 's1', rowId: 'r2', colId: A });
    lan.setPresence({ id: 'minh', name: 'pretending' }, null);
    await until(
      () => minh.presence().length === 2 && lan.presence().some((p) => p.cell),
      'presence',
    );
    const seen = lan.presence().find((p) => !p.self)!;
    expect(seen.user).toMatchObject({ id: 'minh', name: 'Lê Minh', unit: 'tttt' });
    expect(seen.cell).toEqual({ sheetId: 's1', rowId: 'r2', colId: A });
    const other = minh.presence().find((p) => !p.self)!;
    expect(other.user).toMatchObject({ id: 'lan', name: 'Nguyễn Thị Lan' }); // not 'pretending'
  });
});
