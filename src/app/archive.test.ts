import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { parsePlanbook } from '../io/planbookFile';
import { readSubmissions } from './consolidationIntake';
import { PlanbookApp } from './services';

const plan = (amount: number, title: string) => {
  const wb = makePlan({
    rows: [
      ['section', 0, 'Hạ tầng'],
      ['project', 1, 'Mạng LAN', { '2011:ĐTPT': amount }],
      ['project', 1, 'Trung tâm dữ liệu', { '2012:SN': '=2*20' }],
    ],
  });
  const sheets = wb.sheets.map((s) => ({ ...s, id: `s-${title.length}` }));
  return { ...wb, sheets, meta: { ...wb.meta, title } };
};

/** Everything app holds, ids and all, for comparing two profiles. */
async function everything(app: PlanbookApp) {
  const out = [];
  for (const w of await app.list()) {
    const wb = (await app.repo.load(w.id))!.workbook;
    const versions = await app.versions.list(w.id);
    const execs = await app.executions.list(w.id);
    out.push({
      wb: { ...wb, updatedAt: 0 },
      versions: versions.map((v) => [v.id, v.name, v.createdAt]),
      execs: execs.map((e) => [e.id, e.year, e.title]),
    });
  }
  const cons = [];
  for (const c of await app.consolidations.list()) {
    const s = (await app.consolidations.open(c.id))!;
    cons.push({ c: { ...c, updatedAt: 0 }, units: s.status().map((u) => [u.unit, u.requested]) });
  }
  return { out: out.sort((a, b) => (a.wb.id < b.wb.id ? -1 : 1)), cons };
}

describe('export all, import all', () => {
  it('round-trips every workbook with its versions, trackings and consolidations', async () => {
    const a = new PlanbookApp('archive-a');
    const id1 = await a.createFromImport(plan(100, 'Kế hoạch A'));
    await a.createFromImport(plan(7, 'Kế hoạch B <&> "=HYPERLINK()"'));
    const o = (await a.open(id1))!;
    await a.versions.save(o.session, 'Dự thảo 1', 'trước góp ý');
    await a.executions.start(o.session.workbook, () => 5, 2011);
    o.close();
    const cid = await a.consolidations.create({
      title: 'Tổng hợp 2026',
      unit: 'triệu đồng',
      years: [2026, 2027, 2028],
      sources: ['ĐTPT', 'SN'],
      sections: ['Hạ tầng kỹ thuật', 'Ứng dụng CNTT', 'An toàn thông tin'],
      units: ['Sở TT&TT', 'Sở Y tế'],
    });
    const cs = (await a.consolidations.open(cid))!;
    const name = 'so-tttt.xlsx';
    const bytes = new Uint8Array(readFileSync(`fixtures/consolidate/${name}`));
    cs.receive(await readSubmissions(cs.state, cs.submissions, [{ name, bytes }]));
    await cs.whenSaved();
    const before = await everything(a);
    expect(before.out).toHaveLength(2);
    expect(before.cons[0].units[0][1]).toBeGreaterThan(0);

    const exp = await a.archive.exportAll();
    expect([exp.workbooks, exp.consolidations]).toEqual([2, 1]);
    // each workbook inside is a .planbook file that opens alone
    const files = unzipSync(exp.bytes);
    const pb = Object.keys(files).filter((f) => f.endsWith('.planbook'));
    expect(pb).toHaveLength(2);
    for (const f of pb) expect(parsePlanbook(strFromU8(files[f])).ok).toBe(true);
    // the submitted file's bytes are inside as received
    expect(
      Object.values(files).some(
        (f) => f.length === bytes.length && f.every((x, i) => x === bytes[i]),
      ),
    ).toBe(true);

    // into a fresh profile: everything, under the same ids
    const b = new PlanbookApp('archive-b');
    const read = await b.archive.read(exp.bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.plan.clashes).toEqual([]);
    const r = await b.archive.import(read.plan, 'copy', ' (bản nhập)');
    expect(r).toMatchObject({ added: 2, copied: 0, consolidationsAdded: 1 });
    const after = await everything(b);
    expect(after).toEqual(before);
    // the submitted file itself is back
    const subId = (await b.consolidations.open(cid))!.state.submissionIds[0];
    expect((await b.consolidations.file(subId))?.bytes).toEqual(bytes);

    // again: the same ids are stored now, so nothing is overwritten silently
    const again = await b.archive.read(exp.bytes);
    if (!again.ok) throw new Error('unreadable');
    expect(again.plan.clashes.map((c) => c.kind).sort()).toEqual([
      'consolidation',
      'workbook',
      'workbook',
    ]);
    expect(await b.archive.import(again.plan, 'skip', '')).toMatchObject({
      added: 0,
      skipped: 2,
      consolidationsSkipped: 1,
    });
    expect(await everything(b)).toEqual(before);
    // as copies: two more workbooks, titled as such, with their versions and trackings
    expect(await b.archive.import(again.plan, 'copy', ' (bản nhập)')).toMatchObject({ copied: 2 });
    const titles = (await b.list()).map((w) => w.title).sort();
    expect(titles).toEqual([
      'Kế hoạch A',
      'Kế hoạch A (bản nhập)',
      'Kế hoạch B <&> "=HYPERLINK()"',
      'Kế hoạch B <&> "=HYPERLINK()" (bản nhập)',
    ]);
    const copyA = (await b.list()).find((w) => w.title === 'Kế hoạch A (bản nhập)')!;
    expect((await b.versions.list(copyA.id)).map((v) => v.name)).toEqual(['Dự thảo 1']);
    expect((await b.executions.list(copyA.id)).map((e) => e.year)).toEqual([2011]);
    expect((await b.executions.list(id1)).map((e) => e.year)).toEqual([2011]);
    // replacing: the stored workbook is backed up first
    const o2 = (await b.open(id1))!;
    o2.session.dispatch(
      {
        type: 'setCells',
        sheetId: o2.session.workbook.sheets[0].id,
        changes: [
          { rowId: o2.session.workbook.sheets[0].rows[1].id, colId: 'y2011_dtpt', value: 999 },
        ],
      },
      'edit',
    );
    await o2.session.whenSaved();
    o2.close();
    await b.backups.settled();
    expect(await b.archive.import(again.plan, 'replace', '')).toMatchObject({ replaced: 2 });
    const back = (await b.repo.load(id1))!.workbook;
    expect(back.sheets[0].rows[1].cells.y2011_dtpt).toBe(100);
    const copies = await b.backups.list(id1);
    // (the copy taken on close already holds it: the same content is not copied twice)
    expect(['close', 'beforeImport']).toContain(copies[0].reason);
    expect((await b.backups.get(copies[0].id))!.snapshot.sheets[0].rows[1].cells.y2011_dtpt).toBe(
      999,
    );
  });

  it('refuses a bad archive with one reason and stores nothing', async () => {
    const c = new PlanbookApp('archive-c');
    const n = (await c.list()).length;
    expect(await c.archive.read(new Uint8Array([1, 2, 3]))).toEqual({
      ok: false,
      error: { code: 'notArchive' },
    });
    const manifest = (m: object, extra: Record<string, Uint8Array> = {}) =>
      zipSync({ 'planbook-archive.json': strToU8(JSON.stringify(m)), ...extra });
    expect(await c.archive.read(manifest({ type: 'planbook-archive', formatVersion: 9 }))).toEqual({
      ok: false,
      error: { code: 'tooNew', version: 9 },
    });
    const bad = await c.archive.read(
      manifest(
        {
          type: 'planbook-archive',
          formatVersion: 1,
          workbooks: [{ id: 'w', title: 't', file: 'workbooks/001' }],
        },
        {
          'workbooks/001.planbook': strToU8(
            '{"type":"planbook","formatVersion":1,"workbook":{"__proto__":{}}}',
          ),
        },
      ),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((await c.list()).length).toBe(n);
  });
});
