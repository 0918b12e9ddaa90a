import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sumOf, unitKey } from '../domain/consolidate';
import { openDb } from '../storage/db';
import { ConsolidationRepo } from '../storage/consolidations';
import { readSubmissions, pendingDiff } from './consolidationIntake';
import { Consolidations, exportConsolidation } from './consolidations';

const DIR = 'fixtures/consolidate';
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`${DIR}/${name}`)) });
let dbn = 0;

async function setup() {
  const repo = new ConsolidationRepo(openDb(`cons${++dbn}`));
  const app = new Consolidations(repo);
  const id = await app.create({
    title: 'Tổng hợp đề xuất ứng dụng CNTT 2026–2028',
    unit: 'triệu đồng',
    years: [2026, 2027, 2028],
    sources: ['ĐTPT', 'SN'],
    sections: ['Hạ tầng kỹ thuật', 'Ứng dụng CNTT', 'An toàn thông tin'],
    units: ['Sở TT&TT', 'Sở Y tế', 'UBND huyện Gio Linh', 'Sở Nội vụ'],
  });
  return { app, id, s: (await app.open(id))! };
}

describe('a consolidation workbook', () => {
  it('receives files, tells who is missing, and keeps everything across a reload', async () => {
    const { app, id, s } = await setup();
    const pending = await readSubmissions(s.state, s.submissions, [
      file('so-tttt.xlsx'),
      file('so-y-te.xlsx'),
      file('ubnd-gio-linh.xls'),
    ]);
    expect(pending.map((p) => [p.unit, p.submission?.provenance.unitFrom])).toEqual([
      ['Sở TT&TT', 'file'],
      ['Sở Y tế', 'file'],
      ['UBND huyện Gio Linh', 'file'],
    ]);
    expect(pending[0].submission!.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.receive(pending).ok).toBe(true);
    const board = s.status().map((u) => [u.unit, !!u.current, u.projects, u.requested, u.errors]);
    expect(board).toEqual([
      ['Sở TT&TT', true, 6, 34600, 0],
      ['Sở Y tế', true, 4, 23000, 0],
      ['UBND huyện Gio Linh', true, 4, 3300, 1],
      ['Sở Nội vụ', false, 0, 0, 0],
    ]);
    expect(sumOf(s.table.total.requested)).toBe(60900);
    // the shared data centre is flagged; keep Sở TT&TT's
    const [dup] = s.table.duplicates;
    const tttt = s.table.entries.get(dup.a)!.unit === 'Sở TT&TT' ? dup.a : dup.b;
    expect(
      s.dispatch(
        { type: 'resolve', pair: dup.key, resolution: { kind: 'keep', keep: tttt } },
        'keep',
      ).ok,
    ).toBe(true);
    expect(sumOf(s.table.total.requested)).toBe(46900);
    // a proposed cut, undone, redone
    const key = s.table.rows.find((r) => r.name === 'Nâng cấp Cổng thông tin điện tử tỉnh')!.key;
    expect(
      s.dispatch({ type: 'setProposed', key, column: 'y2026_dtpt', value: 600 }, 'edit').ok,
    ).toBe(true);
    expect(sumOf(s.table.total.proposed)).toBe(46300);
    expect(s.undo()).toBe(true);
    expect(sumOf(s.table.total.proposed)).toBe(46900);
    expect(s.redo()).toBe(true);
    await s.whenSaved();
    const again = (await app.open(id))!;
    expect(sumOf(again.table.total.proposed)).toBe(46300);
    expect(again.table.duplicates[0].resolution).toEqual({ kind: 'keep', keep: tttt });
    expect(again.status().filter((u) => u.current).length).toBe(3);
    const original = await app.file(again.state.current[unitKey('Sở Y tế')]);
    expect(original?.bytes).toEqual(file('so-y-te.xlsx').bytes);
    expect(
      (await app.submissionWorkbook(again.state.current[unitKey('Sở Y tế')]))?.sheets[0].rows
        .length,
    ).toBe(7);
    const bytes = await exportConsolidation(again, false, 'vi');
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('shows what a re-submission changes, replaces the unit’s rows and keeps unchanged proposals', async () => {
    const { s } = await setup();
    s.receive(await readSubmissions(s.state, s.submissions, [file('so-tttt.xlsx')]));
    const portal = s.table.rows.find((r) => r.name === 'Nâng cấp Cổng thông tin điện tử tỉnh')!.key;
    const centre = s.table.rows.find((r) => r.name === 'Đầu tư Trung tâm dữ liệu tỉnh')!.key;
    s.dispatch({ type: 'setProposed', key: portal, column: 'y2026_sn', value: 100 }, 'edit');
    s.dispatch({ type: 'setProposed', key: centre, column: 'y2026_dtpt', value: 7000 }, 'edit');
    const [v2] = await readSubmissions(s.state, s.submissions, [file('so-tttt-bo-sung.xlsx')]);
    const { diff } = pendingDiff(s.state, s.submissions, v2);
    expect(diff!.added.map((p) => p.name)).toEqual(['Kho dữ liệu dùng chung của tỉnh']);
    expect(diff!.changes.map((c) => [c.column.id, c.before, c.after])).toEqual([
      ['y2026_dtpt', 8000, 9000],
    ]);
    s.receive([v2]);
    expect(s.status()[0].history.map((h) => h.provenance.fileName)).toEqual([
      'so-tttt.xlsx',
      'so-tttt-bo-sung.xlsx',
    ]);
    const rows = s.table.rows.filter((r) => r.kind === 'project');
    expect(rows.map((r) => r.name)).toContain('Kho dữ liệu dùng chung của tỉnh');
    const newPortal = rows.find((r) => r.name === 'Nâng cấp Cổng thông tin điện tử của tỉnh')!;
    expect(newPortal.proposed[1]).toBe(100);
    const newCentre = rows.find((r) => r.name === 'Đầu tư Trung tâm dữ liệu tỉnh')!;
    expect(newCentre.proposed[0]).toBe(9000);
    expect(sumOf(s.table.total.requested)).toBe(35100);
    // receiving is not an undo step: removing the file puts the first one back in force
    expect(s.labels().undo).toBe('edit');
    expect(s.withdraw(unitKey('Sở TT&TT')).ok).toBe(true);
    expect(sumOf(s.table.total.requested)).toBe(34600);
    expect(s.table.rows.some((r) => r.key === portal)).toBe(true);
  });
});
