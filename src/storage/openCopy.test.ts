/**
 * The open copy of a workbook's rows (#20): read instead of the row records only while it holds
 * the stored revision and all its parts are in; the same workbook, keys and revision either way.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../domain/generate';
import type { Workbook } from '../domain/types';
import { openDb } from './db';
import { COPY_ROWS } from './openCopy';
import { WorkbookRepo } from './repo';

/** A generated plan of two sheets (by default, more rows than one part holds in the first). */
function twoSheets(id: string, projects = Math.ceil(COPY_ROWS * 1.3)): Workbook {
  const a = generatePlan({ projects });
  const b = generatePlan({ projects: 3 });
  return {
    ...a,
    id,
    sheets: [
      { ...a.sheets[0], id: `${id}-a` },
      { ...b.sheets[0], id: `${id}-b` },
    ],
  };
}

/** Writes every row of the copy in parts of `rows` (the last of a sheet shorter); the part count. */
async function writeAll(repo: WorkbookRepo, id: string, rows = COPY_ROWS) {
  const loaded = (await repo.load(id))!;
  const w = repo.openCopyWriter(loaded);
  let parts = 0;
  for (; w.left > 0; parts++) await w.writeNext(rows);
  return { w, loaded, parts };
}

describe('the open copy', () => {
  it('loads the same workbook, order keys and revision as the row records', async () => {
    const db = openDb('open-copy-same');
    const repo = new WorkbookRepo(db);
    await repo.create(twoSheets('w1'));
    const { w, loaded: rows, parts } = await writeAll(repo, 'w1');
    expect(rows.fromCopy).toBe(false);
    expect(parts).toBe(3);
    expect(await w.finish()).toBe(true);
    const copy = (await repo.load('w1'))!;
    expect(copy.fromCopy).toBe(true);
    expect(copy.workbook).toEqual(rows.workbook);
    expect([...copy.order]).toEqual([...rows.order]);
    expect(copy.rev).toBe(rows.rev);
    expect(copy.keysInOrder).toBe(true);
  });

  it('is not read before all its parts are in and it is set', async () => {
    const db = openDb('open-copy-unset');
    const repo = new WorkbookRepo(db);
    await repo.create(twoSheets('w1'));
    await writeAll(repo, 'w1');
    expect((await repo.load('w1'))!.fromCopy).toBe(false);
  });

  it('is stale after a commit: the rows are read with the change', async () => {
    const db = openDb('open-copy-stale');
    const repo = new WorkbookRepo(db);
    await repo.create(twoSheets('w1'));
    const { w, loaded } = await writeAll(repo, 'w1');
    await w.finish();
    const s = loaded.workbook.sheets[1];
    const row = { ...s.rows[2], cells: { ...s.rows[2].cells, name: 'Đổi tên' } };
    const order = loaded.order.get(row.id)!;
    await repo.commit('w1', loaded.rev, {
      putRows: [{ sheetId: s.id, row, order }],
      deleteRows: [],
    });
    const after = (await repo.load('w1'))!;
    expect(after.fromCopy).toBe(false);
    expect(after.workbook.sheets[1].rows[2].cells.name).toBe('Đổi tên');
  });

  it('is not set when the workbook changed while it was written (its parts deleted)', async () => {
    const db = openDb('open-copy-raced');
    const repo = new WorkbookRepo(db);
    await repo.create(twoSheets('w1'));
    const { w, loaded } = await writeAll(repo, 'w1');
    await repo.commit('w1', loaded.rev, {
      putRows: [],
      deleteRows: [],
      meta: loaded.workbook.meta,
    });
    expect(await w.finish()).toBe(false);
    expect(await db.openCopies.count()).toBe(0);
    expect((await repo.load('w1'))!.fromCopy).toBe(false);
  });

  it('replaces the older copy, and goes with its workbook', async () => {
    const db = openDb('open-copy-removed');
    const repo = new WorkbookRepo(db);
    await repo.create(twoSheets('w1', 20));
    await repo.create(twoSheets('w2', 20));
    for (const id of ['w1', 'w1', 'w2']) await (await writeAll(repo, id)).w.finish();
    expect(await db.openCopies.count()).toBe(4);
    await repo.remove('w1');
    expect(await db.openCopies.count()).toBe(2);
    expect((await repo.load('w2'))!.fromCopy).toBe(true);
  });

  it('reads back the same from parts of any size (never across two sheets)', async () => {
    const db = openDb('open-copy-sizes');
    const repo = new WorkbookRepo(db);
    await repo.create(twoSheets('w1', 900));
    const { w, loaded, parts } = await writeAll(repo, 'w1', 333);
    const rows = loaded.workbook.sheets.map((s) => s.rows.length);
    expect(parts).toBe(rows.reduce((n, r) => n + Math.ceil(r / 333), 0));
    expect(await w.finish()).toBe(true);
    const copy = (await repo.load('w1'))!;
    expect(copy.fromCopy).toBe(true);
    expect(copy.workbook).toEqual(loaded.workbook);
    expect([...copy.order]).toEqual([...loaded.order]);
  });

  it('an unfinished copy is never set; abandoned, its parts are deleted', async () => {
    const db = openDb('open-copy-unfinished');
    const repo = new WorkbookRepo(db);
    await repo.create(twoSheets('w1', 900));
    const loaded = (await repo.load('w1'))!;
    const w = repo.openCopyWriter(loaded);
    await w.writeNext(500);
    await w.writeNext(500);
    expect(await db.openCopies.count()).toBe(2);
    expect(await w.finish()).toBe(false);
    expect(await db.openCopies.count()).toBe(0);
    const v = repo.openCopyWriter(loaded);
    await v.writeNext(500);
    await v.abandon();
    expect(v.left).toBe(0);
    expect(await db.openCopies.count()).toBe(0);
    expect((await repo.load('w1'))!.fromCopy).toBe(false);
  });
});
