import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Consolidations } from '../app/consolidations';
import {
  fetchSubmission,
  listSubmissions,
  readSentSubmissions,
  sendSubmission,
  type SentSubmission,
} from '../app/serverSubmissions';
import { sumOf } from '../domain/consolidate';
import { openDb } from '../storage/db';
import { ConsolidationRepo } from '../storage/consolidations';
import type { Account } from './accounts';
import { type RunningServer, startServer } from './server';
import { ACCOUNTS, SECRET, token } from './testkit';

const file = (name: string) => new Uint8Array(readFileSync(`fixtures/consolidate/${name}`));
// an account written before accounts carried a unit name: its name and code name the unit
const TAM: Account = { id: 'tam', name: 'Sở TT&TT', unit: 'so-tttt', role: 'department' };
// another such account, whose name and code name no unit
const OLD: Account = { id: 'old', name: 'Hồ Văn Cũ', unit: 'u7', role: 'department' };

let srv: RunningServer;
beforeAll(async () => {
  srv = await startServer({
    port: 0,
    accounts: () => [...ACCOUNTS, TAM, OLD],
    secret: SECRET,
    quiet: true,
  });
});
afterAll(async () => {
  await srv.close();
});

const as = (account: string, document: string) => ({
  url: srv.url,
  document,
  token: token(account),
});
const intake = (account: string, plan = 'p1') => ({ url: srv.url, plan, token: token(account) });
async function audit(doc: string, kind: string) {
  await srv.audit.flush();
  return srv.store.audit({ doc, kind });
}

describe('submissions through the server', () => {
  it("a department sends its own unit's submission; the consolidator lists and fetches it; logged", async () => {
    const bytes = file('so-y-te.xlsx');
    const sent = await sendSubmission(as('tuan', 'plan/p1/submission/yte'), 'so-y-te.xlsx', bytes);
    expect(sent.ok).toBe(true);
    const s = (sent as { value: SentSubmission }).value;
    expect([s.plan, s.unit, s.unitName, s.account, s.fileName, s.size]).toEqual([
      'p1',
      'yte',
      'Sở Y tế', // the unit the account names, certified by the server
      'tuan',
      'so-y-te.xlsx',
      bytes.length,
    ]);
    const list = await listSubmissions(intake('minh'));
    expect(list.ok && list.value.map((x) => [x.id, x.unit, x.unitName, x.sha256])).toEqual([
      [s.id, 'yte', 'Sở Y tế', s.sha256],
    ]);
    const got = await fetchSubmission(intake('minh'), s.id);
    expect(got.ok && Buffer.from(got.value).equals(Buffer.from(bytes))).toBe(true);
    const lines = await audit('plan/p1/submission/yte', 'submit');
    expect(lines.map((l) => [l.account, l.unit, l.detail])).toEqual([
      ['tuan', 'yte', 'so-y-te.xlsx'],
    ]);
    expect((await audit('plan/p1/submission/yte', 'fetch')).map((l) => l.account)).toEqual([
      'minh',
    ]);
  });

  it("another unit's submission, the consolidator sending, and anyone else reading are refused and logged", async () => {
    const bytes = file('so-y-te.xlsx');
    const cases = [
      await sendSubmission(as('lan', 'plan/p2/submission/yte'), 'x.xlsx', bytes), // not her unit
      await sendSubmission(as('minh', 'plan/p2/submission/tttt'), 'x.xlsx', bytes), // consolidator
      await sendSubmission(as('lan', 'plan/p2/consolidation'), 'x.xlsx', bytes), // not a submission
      await sendSubmission(
        { url: srv.url, document: 'plan/p2/submission/gtvt', token: 'nope' },
        'x.xlsx',
        bytes,
      ),
    ];
    expect(cases.map((c) => !c.ok && c.problem)).toEqual([
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
    // (a file stating a unit the plan does not expect: taken, the intake words the difference)
    const own = file('so-tai-chinh.xlsx');
    const ok = await sendSubmission(as('lan', 'plan/p2/submission/gtvt'), 'gt.xlsx', own);
    expect(ok.ok).toBe(true);
    const id = (ok as { value: SentSubmission }).value.id;
    for (const who of ['lan', 'tuan', 'hoa']) {
      const l = await listSubmissions(intake(who, 'p2'));
      expect(!l.ok && l.problem).toBe('refused');
      const f = await fetchSubmission(intake(who, 'p2'), id);
      expect(!f.ok && f.problem).toBe('refused');
    }
    const refused = [
      ...(await audit('plan/p2/submission/yte', 'refused')),
      ...(await audit('plan/p2/submission/tttt', 'refused')),
      ...(await audit('plan/p2/consolidation', 'refused')),
    ];
    expect(refused.filter((r) => r.detail?.startsWith('send')).map((r) => r.account)).toEqual([
      'lan',
      'minh',
      'lan',
    ]);
    const reads = refused.filter((r) => r.detail?.startsWith('read'));
    expect(reads.map((r) => r.account).sort()).toEqual([
      'hoa',
      'hoa',
      'lan',
      'lan',
      'tuan',
      'tuan',
    ]);
    expect((await srv.store.submissions('p2')).map((x) => x.account)).toEqual(['lan']);
  });

  it('the consolidation takes each unit’s latest send as a file; a re-send replaces it', async () => {
    const repo = new ConsolidationRepo(openDb('server-intake'));
    const app = new Consolidations(repo);
    const id = await app.create({
      title: 'Tổng hợp',
      unit: 'triệu đồng',
      years: [2026, 2027, 2028],
      sources: ['ĐTPT', 'SN'],
      sections: ['Hạ tầng kỹ thuật', 'Ứng dụng CNTT', 'An toàn thông tin'],
      units: ['Sở TT&TT', 'Sở Y tế', 'UBND huyện Gio Linh'],
    });
    const s = (await app.open(id))!;
    const server = intake('minh', 'p3');
    const note = (x: SentSubmission) => `sent by ${x.name}`;
    await sendSubmission(as('tuan', 'plan/p3/submission/yte'), 'a.xlsx', file('so-y-te.xlsx'));
    await sendSubmission(as('tam', 'plan/p3/submission/so-tttt'), 't.xlsx', file('so-tttt.xlsx'));
    const first = await readSentSubmissions(s.state, s.submissions, server, note);
    if (!first.ok) throw new Error(first.detail);
    expect(first.value.map((p) => [p.name, p.unit, p.note])).toEqual([
      ['a.xlsx', 'Sở Y tế', 'sent by Trần Văn Tuấn'], // the account's unit name
      ['t.xlsx', 'Sở TT&TT', 'sent by Sở TT&TT'], // an older account: its name
    ]);
    expect(first.value.map((p) => [p.certified, p.submission?.provenance.unitFrom])).toEqual([
      ['Sở Y tế', 'server'],
      ['Sở TT&TT', 'server'],
    ]);
    expect(s.receive(first.value).ok).toBe(true);
    // a reception from the server is a load, not the consolidator's undo step
    expect([s.canUndo, s.undo()]).toEqual([false, false]);
    expect(sumOf(s.table.total.requested)).toBeGreaterThan(0);
    const before = sumOf(s.table.total.requested);
    // nothing new: nothing to take
    const again = await readSentSubmissions(s.state, s.submissions, server, note);
    expect(again.ok && again.value).toEqual([]);
    // Sở TT&TT sends its revised file: it replaces the first, as a re-submitted file does
    await sendSubmission(
      as('tam', 'plan/p3/submission/so-tttt'),
      't2.xlsx',
      file('so-tttt-bo-sung.xlsx'),
    );
    const resent = await readSentSubmissions(s.state, s.submissions, server, note);
    if (!resent.ok) throw new Error(resent.detail);
    expect(resent.value.map((p) => p.name)).toEqual(['t2.xlsx']);
    expect(s.receive(resent.value).ok).toBe(true);
    expect(s.canUndo).toBe(false);
    const tttt = s.status().find((u) => u.unit === 'Sở TT&TT')!;
    expect(tttt.history.map((h) => h.provenance.fileName)).toEqual(['t.xlsx', 't2.xlsx']);
    expect(sumOf(s.table.total.requested)).toBe(before + 500);
    // a department cannot take them
    const refused = await readSentSubmissions(s.state, s.submissions, intake('tuan', 'p3'), note);
    expect(!refused.ok && refused.problem).toBe('refused');
  }, 60_000);

  it('a file naming another unit than its sender’s is refused by the server (logged), never taken as that unit', async () => {
    const repo = new ConsolidationRepo(openDb('server-intake-trust'));
    const app = new Consolidations(repo);
    const id = await app.create({
      title: 'Tổng hợp',
      unit: 'triệu đồng',
      years: [2026, 2027, 2028],
      sources: ['ĐTPT', 'SN'],
      sections: ['Hạ tầng kỹ thuật', 'Ứng dụng CNTT', 'An toàn thông tin'],
      units: ['Sở Giao thông vận tải', 'Sở Y tế', 'Sở TT&TT'],
    });
    const s = (await app.open(id))!;
    // Sở GTVT sends Sở Y tế's file; an older account (no unit name) sends Sở TT&TT's: the server
    // reads each file's stated unit and refuses both (another unit of the plan), logged
    const wrong = [
      await sendSubmission(as('lan', 'plan/p4/submission/gtvt'), 'yte.xlsx', file('so-y-te.xlsx')),
      await sendSubmission(as('old', 'plan/p4/submission/u7'), 'tt.xlsx', file('so-tttt.xlsx')),
    ];
    expect(wrong).toEqual([
      { ok: false, problem: 'wrongUnit', detail: '«Sở Y tế» ≠ «Sở Giao thông vận tải»' },
      { ok: false, problem: 'wrongUnit', detail: '«Sở Thông tin và Truyền thông» ≠ «u7»' },
    ]);
    const refused = [
      ...(await audit('plan/p4/submission/gtvt', 'refused')),
      ...(await audit('plan/p4/submission/u7', 'refused')),
    ];
    expect(refused.map((l) => [l.account, l.detail])).toEqual([
      [
        'lan',
        "yte.xlsx: the file states the unit «Sở Y tế», not the sender's «Sở Giao thông vận tải»",
      ],
      [
        'old',
        "tt.xlsx: the file states the unit «Sở Thông tin và Truyền thông», not the sender's «u7»",
      ],
    ]);
    // nothing was stored: no unit's figures can change
    const list = await listSubmissions(intake('minh', 'p4'));
    expect(list.ok && list.value).toEqual([]);
    const got = await readSentSubmissions(s.state, s.submissions, intake('minh', 'p4'), () => '');
    if (!got.ok) throw new Error(got.detail);
    expect(got.value).toEqual([]);
    expect(s.status().filter((u) => u.current)).toEqual([]);
    // Sở Y tế sending its own file is taken under its unit
    await sendSubmission(as('tuan', 'plan/p4/submission/yte'), 'yte.xlsx', file('so-y-te.xlsx'));
    const own = await readSentSubmissions(s.state, s.submissions, intake('minh', 'p4'), () => '');
    if (!own.ok) throw new Error(own.detail);
    const ok = own.value.filter((p) => p.submission);
    expect(ok.map((p) => [p.unit, p.certified])).toEqual([['Sở Y tế', 'Sở Y tế']]);
    expect(s.receive(ok).ok).toBe(true);
    expect(
      s
        .status()
        .filter((u) => u.current)
        .map((u) => u.unit),
    ).toEqual(['Sở Y tế']);
  }, 60_000);
});
