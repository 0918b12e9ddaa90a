/**
 * A new workbook's rows are stored in lots (#20: an import of 100,000 rows was cloned into
 * IndexedDB in one task of 3 s CPU): no lot holds more than CREATE_ROWS rows, the workbook loads
 * back as it was stored, and a failure in a later lot stores nothing (one transaction).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generatePlan } from '../domain/generate';
import { openDb } from './db';
import { CREATE_ROWS, WorkbookRepo } from './repo';

afterEach(() => vi.restoreAllMocks());

describe('storing a new workbook', () => {
  it('adds its rows in lots of at most CREATE_ROWS, and loads back as stored', async () => {
    const db = openDb('create-in-lots');
    const repo = new WorkbookRepo(db);
    const wb = generatePlan({ projects: 2 * CREATE_ROWS + 300, seed: 3 });
    const n = wb.sheets[0].rows.length;
    const lots = vi.spyOn(db.rows, 'bulkAdd');
    await repo.create(wb);
    const sizes = lots.mock.calls.map(([rows]) => (rows as unknown[]).length);
    expect(sizes.length).toBe(Math.ceil(n / CREATE_ROWS));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CREATE_ROWS);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
    const back = await repo.load(wb.id);
    expect(back!.workbook.sheets[0].rows).toStrictEqual(wb.sheets[0].rows);
    expect((await repo.list()).find((s) => s.id === wb.id)?.projects).toBe(
      wb.sheets[0].rows.filter((r) => r.kind === 'project').length,
    );
  });

  it('stores nothing when a later lot fails', async () => {
    const db = openDb('create-in-lots-fails');
    const repo = new WorkbookRepo(db);
    const wb = generatePlan({ projects: 2 * CREATE_ROWS, seed: 4 });
    const add = db.rows.bulkAdd.bind(db.rows);
    let k = 0;
    vi.spyOn(db.rows, 'bulkAdd').mockImplementation(((rows: never[]) =>
      ++k === 2 ? Promise.reject(new Error('disk full')) : add(rows)) as never);
    await expect(repo.create(wb)).rejects.toThrow('disk full');
    expect(await db.workbooks.get(wb.id)).toBeUndefined();
    expect(await db.sheets.count()).toBe(0);
    expect(await db.rows.count()).toBe(0);
  });
});
