import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { PlanbookApp } from './services';

describe('revisions in the app', () => {
  it('saves, compares with the current state, opens read-only, and starts a new workbook', async () => {
    const app = new PlanbookApp('versions-1');
    const wb = makePlan({
      rows: [
        ['section', 0, 'Hạ tầng'],
        ['project', 1, 'Mạng LAN', { '2011:ĐTPT': 100 }],
        ['project', 1, 'Trung tâm dữ liệu', { '2012:SN': 40 }],
      ],
    });
    const id = await app.createFromImport(wb);
    const opened = (await app.open(id))!;
    const s = opened.session;
    const draft = await app.versions.save(s, 'Dự thảo 1', 'trước góp ý');
    const sheet = s.workbook.sheets[0].id;
    expect(
      s.dispatch(
        {
          type: 'setCells',
          sheetId: sheet,
          changes: [
            { rowId: 'r2', colId: 'y2011_dtpt', value: 150 },
            { rowId: 'r3', colId: 'y2012_sn', value: 10 },
          ],
        },
        'edit',
      ).ok,
    ).toBe(true);
    await s.whenSaved();
    const r = (await app.versions.compare(draft.id, 'current', s, { current: 'Hiện tại' }))!;
    expect(r.comparison.changes.map((d) => [d.match.b.row.id, d.before, d.after])).toEqual([
      ['r2', 100, 150],
      ['r3', 40, 10],
    ]);
    expect(r.comparison.matched.every((m) => m.by === 'id')).toBe(true);
    expect(r.comparison.totals).toEqual({ before: 140, after: 160, increase: 50, decrease: 30 });

    const ro = (await app.versions.open(draft.id))!;
    expect(ro.revision.name).toBe('Dự thảo 1');
    expect(ro.session.value(sheet, 1, 'y2011_dtpt')).toBe(100);
    const refused = ro.session.dispatch(
      {
        type: 'setCells',
        sheetId: sheet,
        changes: [{ rowId: 'r2', colId: 'y2011_dtpt', value: 1 }],
      },
      'edit',
    );
    expect(refused.ok ? null : refused.refusals[0].code).toBe('readOnly');

    const copy = (await app.versions.newWorkbookFrom(draft.id, 'Bản sao từ Dự thảo 1'))!;
    const loaded = (await app.repo.load(copy))!;
    expect(loaded.workbook.meta.title).toBe('Bản sao từ Dự thảo 1');
    expect(loaded.workbook.sheets[0].rows[1].cells.y2011_dtpt).toBe(100);
    expect(loaded.workbook.sheets[0].id).not.toBe(sheet);
    // the original workbook and its revision are untouched
    expect((await app.repo.load(id))!.workbook.sheets[0].rows[1].cells.y2011_dtpt).toBe(150);
    expect((await app.versions.list(id)).map((v) => v.name)).toEqual(['Dự thảo 1']);
    opened.close();
  });

  it('adds a department’s file as a version and compares it by name and unit', async () => {
    const app = new PlanbookApp('versions-2');
    const { readFileSync } = await import('node:fs');
    const { readPlanFile } = await import('../io/readPlan');
    const a = readPlanFile('a.planbook', readFileSync('fixtures/compare/quang-tri-a.planbook'));
    const id = await app.createFromImport(a.workbook);
    const opened = (await app.open(id))!;
    const b = readPlanFile(
      'so-tttt.planbook',
      readFileSync('fixtures/compare/quang-tri-b.planbook'),
    );
    const rev = await app.versions.addFromFile(id, b.workbook, 'so-tttt.planbook');
    expect(rev).toMatchObject({ name: 'so-tttt.planbook', origin: 'imported' });
    const r = (await app.versions.compare('current', rev.id, opened.session, {
      current: 'Hiện tại',
    }))!;
    expect(r.comparison.b).toBe('so-tttt.planbook');
    expect(r.comparison.changes).toHaveLength(3);
    expect([r.comparison.added.length, r.comparison.removed.length]).toEqual([1, 1]);
    expect(r.table.violations).toEqual([]);
    opened.close();
  });
});

describe('restoring a version into the workbook', () => {
  it('puts a saved version back in one undo step, stored', async () => {
    const app = new PlanbookApp('versions-restore-1');
    const wb = makePlan({
      rows: [
        ['section', 0, 'Hạ tầng'],
        ['project', 1, 'Mạng LAN', { '2011:ĐTPT': 100 }],
        ['project', 1, 'Trung tâm dữ liệu', { '2012:SN': 40 }],
      ],
    });
    const id = await app.createFromImport(wb);
    const opened = (await app.open(id))!;
    const s = opened.session;
    const draft = await app.versions.save(s, 'Dự thảo 1');
    const sheet = s.workbook.sheets[0].id;
    s.dispatch(
      {
        type: 'setCells',
        sheetId: sheet,
        changes: [{ rowId: 'r2', colId: 'y2011_dtpt', value: 150 }],
      },
      'edit',
    );
    s.dispatch({ type: 'deleteRows', sheetId: sheet, rowIds: ['r3'] }, 'delete');
    s.dispatch({ type: 'setMeta', meta: { ...s.workbook.meta, title: 'Bản sửa' } }, 'meta');
    const r = (await app.versions.restore(draft.id, s, 'restoreVersion'))!;
    expect(r.ok).toBe(true);
    const rows = () => s.workbook.sheets[0].rows.map((x) => [x.id, x.cells.name]);
    expect(rows()).toEqual([
      ['r1', 'Hạ tầng'],
      ['r2', 'Mạng LAN'],
      ['r3', 'Trung tâm dữ liệu'],
    ]);
    expect(s.value(s.workbook.sheets[0].id, 1, 'y2011_dtpt')).toBe(100);
    expect(s.workbook.meta.title).toBe(wb.meta.title);
    await s.whenSaved();
    const stored = (await app.repo.load(id))!.workbook;
    expect(stored.sheets[0].rows.map((x) => x.cells.y2011_dtpt ?? null)).toEqual([null, 100, null]);
    // one step: undo gives back the edited state
    expect(s.undo()).toBe(true);
    expect(rows()).toEqual([
      ['r1', 'Hạ tầng'],
      ['r2', 'Mạng LAN'],
    ]);
    expect(s.workbook.meta.title).toBe('Bản sửa');
    expect(s.value(s.workbook.sheets[0].id, 1, 'y2011_dtpt')).toBe(150);
    opened.close();
  });

  it('restores a department’s file: the projects it matches keep their identity', async () => {
    const app = new PlanbookApp('versions-restore-2');
    const { readFileSync } = await import('node:fs');
    const { readPlanFile } = await import('../io/readPlan');
    const sample = readPlanFile(
      'a.planbook',
      readFileSync('fixtures/quang-tri-2011-2015.planbook'),
    );
    const id = await app.createFromImport(sample.workbook);
    const opened = (await app.open(id))!;
    const s = opened.session;
    const file = readPlanFile('so-tttt.xlsx', readFileSync('fixtures/compare/amounts-b.xlsx'));
    const rev = await app.versions.addFromFile(id, file.workbook, 'so-tttt.xlsx');
    const before = new Map(s.workbook.sheets[0].rows.map((r) => [String(r.cells.name), r.id]));
    expect((await app.versions.restore(rev.id, s, 'restoreVersion'))!.ok).toBe(true);
    // every project of the file is one of the workbook's, under its id: only the 3 amounts differ
    for (const r of s.workbook.sheets[0].rows)
      if (r.kind === 'project')
        expect(r.id, String(r.cells.name)).toBe(before.get(String(r.cells.name)));
    const again = (await app.versions.compare(rev.id, 'current', s, { current: 'Hiện tại' }))!;
    expect(again.comparison.changes).toEqual([]);
    const saved = await app.versions.save(s, 'Sau khôi phục');
    const r = (await app.versions.compare(saved.id, 'current', s, { current: 'Hiện tại' }))!;
    expect(r.comparison.matched.every((m) => m.by === 'id')).toBe(true);
    opened.close();
  });
});
