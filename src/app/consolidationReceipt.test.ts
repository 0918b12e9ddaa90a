/**
 * Receiving and removing submissions are not the consolidator's undo steps: undo after either
 * undoes the user's own previous edit (carried to the re-submitted projects), never the reception.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sumOf, unitKey } from '../domain/consolidate';
import { openDb } from '../storage/db';
import { ConsolidationRepo } from '../storage/consolidations';
import type { ConsolidationSession } from './consolidation';
import { readSubmissions } from './consolidationIntake';
import { Consolidations } from './consolidations';

const DIR = 'fixtures/consolidate';
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`${DIR}/${name}`)) });
const TTTT = unitKey('Sở TT&TT');
const PORTAL = 'Nâng cấp Cổng thông tin điện tử tỉnh';
const PORTAL_V2 = 'Nâng cấp Cổng thông tin điện tử của tỉnh';
const STORE = 'Kho dữ liệu dùng chung của tỉnh';
let dbn = 0;

async function setup() {
  const app = new Consolidations(new ConsolidationRepo(openDb(`receipt${++dbn}`)));
  const id = await app.create({
    title: 'Tổng hợp',
    unit: 'triệu đồng',
    years: [2026, 2027, 2028],
    sources: ['ĐTPT', 'SN'],
    sections: ['Hạ tầng kỹ thuật', 'Ứng dụng CNTT', 'An toàn thông tin'],
    units: ['Sở TT&TT', 'Sở Y tế'],
  });
  return { app, id, s: (await app.open(id))! };
}

const receive = async (s: ConsolidationSession, name: string) =>
  s.receive(await readSubmissions(s.state, s.submissions, [file(name)])).ok;
const row = (s: ConsolidationSession, name: string) =>
  s.table.rows.find((r) => r.kind === 'project' && r.name === name);
const requested = (s: ConsolidationSession) => sumOf(s.table.total.requested);

describe('receiving is a load, not an undo step', () => {
  it('undoes the edit before a reception and a re-submission, never the reception', async () => {
    const { s } = await setup();
    expect(await receive(s, 'so-tttt.xlsx')).toBe(true);
    expect(s.canUndo).toBe(false);
    const portal = row(s, PORTAL)!.key;
    s.dispatch({ type: 'setProposed', key: portal, column: 'y2026_sn', value: 100 }, 'cut');
    // another unit's first file: undo takes back the cut, Sở Y tế stays in force
    expect(await receive(s, 'so-y-te.xlsx')).toBe(true);
    expect(s.labels().undo).toBe('cut');
    expect(s.undo()).toBe(true);
    expect(row(s, PORTAL)!.proposed[1]).toBe(row(s, PORTAL)!.requested[1]);
    expect(requested(s)).toBe(57600);
    expect(s.canUndo).toBe(false);
    expect(s.redo()).toBe(true);
    expect(row(s, PORTAL)!.proposed[1]).toBe(100);
    // a re-submission carries the cut to the renamed project; undo takes it back there
    expect(await receive(s, 'so-tttt-bo-sung.xlsx')).toBe(true);
    expect(row(s, PORTAL_V2)!.proposed[1]).toBe(100);
    expect(s.labels().undo).toBe('cut');
    expect(s.undo()).toBe(true);
    expect(row(s, PORTAL_V2)!.proposed[1]).toBe(row(s, PORTAL_V2)!.requested[1]);
    expect(requested(s)).toBe(58100);
    expect(s.status()[0].current?.provenance.fileName).toBe('so-tttt-bo-sung.xlsx');
    expect(s.undo()).toBe(false);
  });
});

describe('removing a submission received by mistake', () => {
  it('puts the earlier one back in force with the proposals carried back, and forgets the file', async () => {
    const { app, id, s } = await setup();
    await receive(s, 'so-tttt.xlsx');
    const portal = row(s, PORTAL)!.key;
    s.dispatch({ type: 'setProposed', key: portal, column: 'y2026_sn', value: 100 }, 'cut');
    await receive(s, 'so-tttt-bo-sung.xlsx');
    const store = row(s, STORE)!.key;
    s.dispatch({ type: 'setProposed', key: store, column: 'y2026_dtpt', value: 1 }, 'store');
    const w = s.withdrawal(TTTT)!;
    expect([w.removed.provenance.fileName, w.restored?.provenance.fileName]).toEqual([
      'so-tttt-bo-sung.xlsx',
      'so-tttt.xlsx',
    ]);
    expect(s.withdraw(TTTT).ok).toBe(true);
    expect(requested(s)).toBe(34600);
    expect(row(s, STORE)).toBeUndefined();
    expect(row(s, PORTAL)!.key).toBe(portal);
    expect(row(s, PORTAL)!.proposed[1]).toBe(100);
    expect(s.status()[0].history.map((h) => h.provenance.fileName)).toEqual(['so-tttt.xlsx']);
    // the edit on the removed file's own project went with it; undo takes back the cut
    expect(s.labels().undo).toBe('cut');
    expect(s.undo()).toBe(true);
    expect(row(s, PORTAL)!.proposed[1]).toBe(row(s, PORTAL)!.requested[1]);
    expect(requested(s)).toBe(34600);
    expect(s.canUndo).toBe(false);
    await s.whenSaved();
    // gone from storage too: a reload has only the first file, which can be received again
    const again = (await app.open(id))!;
    expect([...again.submissions.keys()]).toEqual([again.state.current[TTTT]]);
    expect(await app.file(w.removed.id)).toBeUndefined();
    expect(await app.submissionWorkbook(w.removed.id)).toBeUndefined();
    const [re] = await readSubmissions(again.state, again.submissions, [
      file('so-tttt-bo-sung.xlsx'),
    ]);
    expect(re.duplicateOf).toBeUndefined();
    // the last one removed: the unit is missing again
    expect(again.withdrawal(TTTT)?.restored).toBeUndefined();
    expect(again.withdraw(TTTT).ok).toBe(true);
    expect(again.status()[0].current).toBeUndefined();
    expect(requested(again)).toBe(0);
    expect(again.withdraw(TTTT)).toEqual({ ok: false, why: 'nothing' });
  });
});
