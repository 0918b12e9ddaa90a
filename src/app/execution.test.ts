import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineKey } from '../domain/execution';
import { executionFigures } from '../domain/executionFigures';
import { parsePlanbook } from '../io/planbookFile';
import { readReportFile } from '../io/report/readReport';
import { PlanbookApp } from './services';

const sample = () => {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('sample');
  return r.workbook;
};
const REPORT = 'fixtures/execution/quang-tri-giai-ngan-2013-06.xlsx';

describe('following a year in the app', () => {
  it('starts from the sample plan, imports a report, pairs a line, edits, undoes, and reloads', async () => {
    const app = new PlanbookApp('exec-1');
    const id = await app.createFromImport(sample());
    const opened = (await app.open(id))!;
    const ws = opened.session;
    const execId = await app.executions.start(
      ws.workbook,
      (s, r, c) => {
        const v = ws.value(s, r, c);
        return typeof v === 'number' ? v : null;
      },
      2013,
    );
    expect((await app.executions.list(id)).map((x) => [x.year, x.periods])).toEqual([[2013, 0]]);
    const s = (await app.executions.open(execId))!;
    expect(s.engine.group('total', '')).toMatchObject({ planned: 13950, disbursed: 0 });
    const imp = s.importReport(readReportFile(REPORT, readFileSync(REPORT), 2013))!;
    expect(imp.end).toBe('2013-06-30');
    expect(imp.unmatched.map((l) => l.name)).toEqual([
      'Cổng thông tin điện tử của tỉnh',
      'Trang bị phòng họp trực tuyến Sở Y tế',
    ]);
    expect(s.engine.group('total', '')!.disbursed).toBe(6530);
    expect(s.canUndo).toBe(false); // an import is a load
    // the user pairs the portal line with its project: its 300 joins June's figures
    const portal = s.plan.projects.find((p) => p.name.startsWith('Nâng cấp Trang thông tin'))!;
    expect(s.pair(imp.unmatched[0], portal.id)).toEqual({ ok: true });
    expect(s.engine.project(portal.id)).toMatchObject({ disbursed: 300, rate: 0.6 });
    expect(s.engine.group('total', '')!.disbursed).toBe(6830);
    expect(s.toPair().unmatched).toHaveLength(1);
    // an edit of the year's plan, live in the engine, then undone
    const key = lineKey(portal.id, 'ĐTPT');
    expect(s.setLine(key, 'plan', 600)).toEqual({ ok: true });
    expect(s.engine.project(portal.id)!.rate).toBe(0.5);
    expect(s.setLine(key, 'plan', Number.NaN)).toEqual({ ok: false, why: 'notNumber' });
    expect(s.undo()).toBe(true);
    expect(s.engine.project(portal.id)!.rate).toBe(0.6);
    // a disbursement typed for the period, and the engine agrees with the domain
    expect(s.setDisbursed('2013-06-30', key, 'plan', 350)).toEqual({ ok: true });
    const f = executionFigures(s.plan);
    expect(s.engine.group('total', '')!.disbursed).toBe(f.total.disbursed);
    expect(s.engine.group('total', '')!.rate).toBeCloseTo(f.total.rate!, 9);
    // a block pasted from a spreadsheet: one undo step over two lines and two columns
    const other = lineKey(s.plan.lines[0].projectId, s.plan.lines[0].source);
    const before = s.engine.group('total', '')!.disbursed;
    expect(
      s.pasteCells('2013-06-30', [
        { key, col: 'ytdPlan', value: 400 },
        { key, col: 'ytdCarry', value: 10 },
        { key: other, col: 'ytdPlan', value: 2700 },
      ]),
    ).toEqual({ ok: true });
    expect(s.engine.group('total', '')!.disbursed).toBe(before + 50 + 100);
    expect(s.engine.group('total', '')!.carryDisbursed).toBe(10);
    s.undo();
    expect(s.engine.group('total', '')!.disbursed).toBe(before);
    await s.whenSaved();
    expect(s.saveState).toBe('saved');
    s.close();
    // reloaded from storage: the same figures, the pairing remembered, the line left to pair kept
    const again = (await app.executions.open(execId))!;
    expect(again.plan.pairs).toEqual({
      'name:cong thong tin dien tu cua tinh|van phong ubnd tinh': portal.id,
    });
    expect(again.engine.project(portal.id)!.disbursed).toBe(350);
    expect(again.toPair().unmatched.map((l) => l.name)).toEqual([
      'Trang bị phòng họp trực tuyến Sở Y tế',
    ]);
    // the next report pairs that line by itself
    const next = again.importReport({
      ...readReportFile(REPORT, readFileSync(REPORT), 2013),
      asOf: '2013-07-31',
    })!;
    expect(next.unmatched).toHaveLength(1);
    again.close();
    opened.close();
  });

  it('starts from a version of the plan', async () => {
    const app = new PlanbookApp('exec-2');
    const id = await app.createFromImport(sample());
    const opened = (await app.open(id))!;
    const rev = await app.versions.save(opened.session, 'Bản trình');
    const execId = await app.executions.start(opened.session.workbook, () => null, 2012, rev.id);
    const s = (await app.executions.open(execId))!;
    expect(s.plan.basedOn).toMatchObject({ workbookId: id, revisionId: rev.id });
    expect(s.engine.group('total', '')!.planned).toBeGreaterThan(0);
    s.close();
    opened.close();
  });
});
