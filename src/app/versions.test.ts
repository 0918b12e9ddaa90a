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
