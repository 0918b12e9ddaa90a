/** The time a file's read may take in the app before it is stopped, and the message's detail. */
import { describe, expect, it } from 'vitest';
import { IMPORT_TIMEOUT_MS, importBudgetMs, timedOut } from './importer';

describe('the import time budget', () => {
  it('grows with the file: a large plan on a loaded machine is not taken for a damaged file', () => {
    expect(importBudgetMs(40_000)).toBe(IMPORT_TIMEOUT_MS + 5_000);
    // a 100,000-project plan (6.8 MiB) gets 55 s, a 60 MiB file (the largest taken) 320 s
    expect(importBudgetMs(6.8 * 2 ** 20)).toBe(IMPORT_TIMEOUT_MS + 35_000);
    expect(importBudgetMs(60 * 2 ** 20)).toBe(IMPORT_TIMEOUT_MS + 300_000);
  });

  it('says the seconds it waited (the execution report import said "20000 giây")', () => {
    expect(timedOut(55_000)).toEqual({ code: 'timeout', detail: '55' });
    expect(timedOut(20_000).detail).toBe('20');
  });
});
