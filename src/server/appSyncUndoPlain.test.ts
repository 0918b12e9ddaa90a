/**
 * Undo and redo of a plain (non-appendix) sheet in a shared workbook follow the cells the step
 * changed, by the rows' and columns' ids in the shared document: after the other person inserts a
 * row above (or a column before) my cell, my undo puts my cell back where it is now and leaves the
 * other's new cell alone (before: it wrote by position, into the cell now at the old place, and
 * left mine as it was). Only cells still holding what the step left are changed.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookSession } from '../app/session';
import type { CellInput, GridSheet, Workbook } from '../domain/types';
import { appPeople, plan } from './appSyncKit';
import { type RunningServer, startServer } from './server';
import { ACCOUNTS, SECRET, until } from './testkit';

let srv: RunningServer;
const { person, closeAll } = appPeople(() => srv);

beforeAll(async () => {
  srv = await startServer({ port: 0, accounts: () => ACCOUNTS, secret: SECRET, quiet: true });
});
afterAll(async () => {
  await closeAll();
  await srv.close();
});

const NOTES: GridSheet = {
  kind: 'grid',
  id: 'g1',
  name: 'Ghi chú',
  cells: [
    ['Mục', 'Số'],
    ['a', 1],
    ['b', 2],
  ],
};

const withNotes = (id: string): Workbook => ({ ...plan(id), grids: [NOTES] });
const cells = (s: WorkbookSession) => s.workbook.grids![0].cells;
const set = (s: WorkbookSession, r: number, c: number, value: CellInput) =>
  s.dispatch({ type: 'setGridCells', gridId: 'g1', changes: [{ r, c, value }] }, 'edit').ok;
/** The other person's step on the whole sheet (a row or column inserted): the sheet replaced. */
const replace = (s: WorkbookSession, next: CellInput[][]) =>
  s.dispatch(
    {
      type: 'batch',
      commands: [
        { type: 'removeGrid', gridId: 'g1' },
        { type: 'addGrid', grid: { ...s.workbook.grids![0], cells: next }, at: 0 },
      ],
    },
    'insert',
  ).ok;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function pair(doc: string) {
  const a = await person('lan', doc, 'share', withNotes(`w-${doc.replaceAll('/', '-')}`));
  const b = await person('lan', doc, 'join', withNotes('x'));
  return { a, b };
}

describe('undo of a plain sheet in a shared workbook', () => {
  it('follows my cell to where a row inserted above moved it, on both sides', async () => {
    const { a, b } = await pair('plan/undo-plain1/submission/gtvt');
    expect(set(a.s, 1, 1, 20)).toBe(true);
    await until(() => cells(b.s)[1]?.[1] === 20, "a's edit on b");
    // b inserts a row above a's, holding what a's step left there (20)
    expect(replace(b.s, [cells(b.s)[0], ['mới', 20], ...cells(b.s).slice(1)])).toBe(true);
    await until(() => cells(a.s).length === 4, "b's row on a");

    expect(a.s.undo()).toBe(true);
    const undone = [
      ['Mục', 'Số'],
      ['mới', 20],
      ['a', 1],
      ['b', 2],
    ];
    // before: [['Mục', 'Số'], ['mới', 1], ['a', 20], ['b', 2]] (b's cell overwritten, a's kept)
    expect(cells(a.s)).toEqual(undone);
    await until(() => same(cells(b.s), undone), 'the undo on b');
    expect(a.s.redo()).toBe(true);
    expect(cells(a.s)[1]).toEqual(['mới', 20]);
    expect(cells(a.s)[2]).toEqual(['a', 20]);
    await until(() => cells(b.s)[2]?.[1] === 20, 'the redo on b');
    expect(cells(b.s)[1]).toEqual(['mới', 20]);
  });

  it('follows a column inserted before, and leaves a cell the other wrote since', async () => {
    const { a, b } = await pair('plan/undo-plain2/submission/gtvt');
    expect(set(a.s, 2, 1, 30)).toBe(true);
    expect(set(a.s, 1, 1, 10)).toBe(true);
    await until(() => cells(b.s)[1]?.[1] === 10, "a's edits on b");
    // b inserts a column before a's and writes over a's first cell
    expect(
      replace(
        b.s,
        cells(b.s).map((row, r) => [row[0], r ? 10 : 'Ghi chú', row[1]]),
      ),
    ).toBe(true);
    expect(set(b.s, 1, 2, 11)).toBe(true);
    await until(() => cells(a.s)[1]?.[2] === 11, "b's steps on a");

    expect(a.s.undo()).toBe(true); // a's 10: b wrote 11 since, kept
    expect(a.s.undo()).toBe(true); // a's 30: back to 2, in its column now
    const undone = [
      ['Mục', 'Ghi chú', 'Số'],
      ['a', 10, 11],
      ['b', 10, 2],
    ];
    // before: [['Mục', 'Ghi chú', 'Số'], ['a', 1, 11], ['b', 10, 30]] (by the old places)
    expect(cells(a.s)).toEqual(undone);
    await until(() => same(cells(b.s), undone), 'the undo on b');
  });
});
