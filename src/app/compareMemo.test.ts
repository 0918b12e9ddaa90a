/**
 * What comparisons keep between one comparison and the next (a revision compared again after each
 * edit of the open workbook): each side's project list, figures, id and key maps and token counts
 * kept while its rows are the same objects, and in the app the revision read and evaluated once.
 * Each comparison still gives exactly what the frozen old path gives (tests/support/compareOracle).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { compareWithTable as oracleCompare } from '../../tests/support/compareOracle/adjustment';
import { said } from '../../tests/support/compareOracle/said';
import { compareWithTable } from '../domain/adjustment';
import { applyCommand, type Command } from '../domain/commands';
import { generatePlan } from '../domain/generate';
import type { Side } from '../domain/compare';
import type { MatchOverrides } from '../domain/match';
import type { Row, Workbook } from '../domain/types';
import { RevisionRepo } from '../storage/revisions';
import { sideOf } from './comparison';
import { randomPair } from './compareFastPlans';
import { PlanbookApp } from './services';
import { sessionSide } from './versions';

function same(a: Side, b: Side, o: MatchOverrides = {}): void {
  expect(said(compareWithTable(a, b, o))).toEqual(said(oracleCompare(a, b, o)));
}

const projects = (wb: Workbook): Row[] => wb.sheets[0].rows.filter((r) => r.kind === 'project');

/** Edits as the app makes them (new rows; the old ones never change): amounts, names, leads, rows. */
function edits(wb: Workbook): Command[] {
  const sheetId = wb.sheets[0].id;
  const ps = projects(wb);
  return [
    {
      type: 'setCells',
      sheetId,
      changes: [
        { rowId: ps[0].id, colId: 'y2021_dtpt', value: 777 },
        { rowId: ps[1].id, colId: 'name', value: String(ps[2].cells.name) },
        { rowId: ps[3].id, colId: 'lead', value: 'Sở Tài chính' },
      ],
    },
    { type: 'deleteRows', sheetId, rowIds: [ps[4].id] },
    {
      type: 'insertRows',
      sheetId,
      at: 2,
      rows: [
        { id: 'x1', kind: 'project', level: 1, cells: { name: 'Dự án chèn thêm', y2022_sn: 5 } },
      ],
    },
  ];
}

describe('comparisons kept for the next one', () => {
  it('compares again, and again after each edit of either side, as the old path does', () => {
    for (const seed of [3, 8, 13, 21]) {
      const { a, b, overrides } = randomPair(seed);
      let wa = a;
      let wb = b;
      const check = () => {
        same(sideOf('a', wa), sideOf('b', wb));
        same(sideOf('a', wa, 'w'), sideOf('b', wb, 'w'), overrides);
        same({ ...sideOf('a', wa, 'w'), typed: false }, sideOf('b', wb, 'w'));
      };
      check();
      check(); // from what the first kept
      for (const cmd of edits(wb)) {
        wb = applyCommand(wb, cmd);
        check();
        check();
      }
      for (const cmd of edits(wa)) {
        wa = applyCommand(wa, cmd);
        check();
      }
    }
  });

  it('keeps a side’s figures while its rows are the same, and reads them again after an edit', () => {
    // cells as typed (no formula): the figures are the rows' own
    const a = generatePlan({ projects: 300 });
    const b = structuredClone(a);
    const blocks = (x: Workbook, y: Workbook) =>
      compareWithTable(sideOf('a', x), sideOf('b', y)).comparison.amounts.blocks;
    const [fa, fb] = blocks(a, b);
    const [ga, gb] = blocks(a, b);
    expect(ga).toBe(fa);
    expect(gb).toBe(fb);
    const b2 = applyCommand(b, edits(b)[0]);
    const [ha, hb] = blocks(a, b2);
    expect(ha).toBe(fa);
    expect(hb).not.toBe(fb);
    const p = projects(b2)[0];
    expect(hb.values[b2.sheets[0].rows.indexOf(p) * hb.width]).toBe(777);
  });

  it('in the app: a revision read once while compared again, another read when compared', async () => {
    const app = new PlanbookApp('compare-memo-1');
    const { a, b } = randomPair(6);
    const id = await app.createFromImport(a);
    const s = (await app.open(id))!.session;
    const v1 = await app.versions.save(s, 'v1');
    const get = vi.spyOn(RevisionRepo.prototype, 'get');
    const check = async (rev: string) => {
      const r = (await app.versions.compare(rev, 'current', s, { current: 'Hiện tại' }))!;
      const got = (await app.versions.snapshot(rev))!;
      const old = oracleCompare(
        sideOf(got.revision.name, got.workbook, got.identity),
        sessionSide('Hiện tại', s),
      );
      expect(said(r)).toEqual(said(old));
    };
    await check(v1.id);
    await check(v1.id);
    // two reads by compare (the first) + one per check's own snapshot
    expect(get.mock.calls.filter(([x]) => x === v1.id).length).toBe(3);
    for (const cmd of edits(s.workbook)) {
      expect(s.dispatch(cmd, 'edit').ok).toBe(true);
      await check(v1.id);
    }
    expect(get.mock.calls.filter(([x]) => x === v1.id).length).toBe(6);
    // another revision: read when first compared, the first still right after
    const v2 = await app.versions.save(s, 'v2');
    expect(s.dispatch({ type: 'setCells', sheetId: b.sheets[0].id, changes: [] }, 'none').ok).toBe(
      true,
    );
    await check(v2.id);
    expect(get.mock.calls.filter(([x]) => x === v2.id).length).toBe(2);
    await check(v1.id);
    expect(get.mock.calls.filter(([x]) => x === v1.id).length).toBe(7);
    // a revision that is not there: none, asked again next time
    expect(await app.versions.compare('v-none', 'current', s, { current: '' })).toBeUndefined();
    expect(await app.versions.compare('v-none', 'current', s, { current: '' })).toBeUndefined();
    expect(get.mock.calls.filter(([x]) => x === 'v-none').length).toBe(2);
    get.mockRestore();
  });
});
