import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { storeError } from './importer';
import { WorkbookSession } from './session';
import { storageFailureOf } from './storageFailure';

const A11 = 'y2011_dtpt';
const quota = () =>
  Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('storage refusing a write', () => {
  it('names the cause: full (also wrapped by Dexie), refused by the browser, other', () => {
    expect(storageFailureOf(quota()).cause).toBe('quota');
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quota(),
    });
    expect(storageFailureOf(wrapped)).toEqual({
      cause: 'quota',
      detail: 'AbortError: Transaction aborted',
    });
    expect(
      storageFailureOf(Object.assign(new Error('x'), { name: 'InvalidStateError' })).cause,
    ).toBe('refused');
    expect(storageFailureOf(new Error('disk I/O')).cause).toBe('other');
    expect(storeError(quota())).toEqual({
      code: 'storageQuota',
      detail: 'QuotaExceededError: The quota has been exceeded.',
    });
  });

  it('keeps the workbook editable in memory, writes nothing more, and leaves what was saved untouched', async () => {
    const wb = makePlan({
      rows: [
        ['section', 0, 'I', {}],
        ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
        ['project', 1, 'p2', { '2011:ĐTPT': 200 }],
      ],
    });
    const repo = new WorkbookRepo(openDb('storage-full'));
    const s = new WorkbookSession(await repo.create(wb), repo);
    const edit = (rowId: string, value: number) =>
      s.dispatch({ type: 'setCells', sheetId: 's1', changes: [{ rowId, colId: A11, value }] }, 'e');
    expect(edit('r2', 1).ok).toBe(true);
    await s.whenSaved();
    expect(s.saveState).toBe('saved');
    // the storage is full from now on, then has room again
    const commit = repo.commit.bind(repo);
    let full = true;
    repo.commit = (...a: Parameters<typeof commit>) =>
      full ? Promise.reject(quota()) : commit(...a);
    expect(edit('r3', 2).ok).toBe(true);
    await s.whenSaved();
    expect(s.saveState).toBe('error');
    expect(s.storageFailure).toMatchObject({ cause: 'quota' });
    expect(s.readOnly).toBe(false);
    full = false;
    expect(edit('r3', 3).ok).toBe(true); // still editable, in memory
    await s.whenSaved();
    expect(s.workbook.sheets[0].rows[2].cells[A11]).toBe(3);
    const stored = (await repo.load(s.workbook.id))!.workbook.sheets[0].rows;
    expect(stored[1].cells[A11]).toBe(1); // saved before: untouched
    expect(stored[2].cells[A11]).toBe(200); // nothing written after the failure
    expect(s.saveState).toBe('error');
  });
});
