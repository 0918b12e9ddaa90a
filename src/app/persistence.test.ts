import { describe, expect, it } from 'vitest';
import { askPersistence, storageStatus } from './persistence';

describe('persistent storage', () => {
  it('asks the browser, and reads its answer and the space used', async () => {
    let asked = 0;
    const granted = {
      persisted: async () => false,
      persist: async () => (++asked, true),
      estimate: async () => ({ usage: 12_300_000, quota: 2_100_000_000 }),
    };
    expect(await storageStatus(granted)).toEqual({
      persisted: true,
      usage: 12_300_000,
      quota: 2_100_000_000,
    });
    expect(asked).toBe(1);
    // already persisted: not asked again
    const already = { ...granted, persisted: async () => true };
    expect(await askPersistence(already)).toBe(true);
    expect(asked).toBe(1);
    // refused, or a browser that cannot say (no API, or one that throws)
    expect(await askPersistence({ ...granted, persist: async () => false })).toBe(false);
    expect(await storageStatus(undefined)).toEqual({ persisted: null, usage: null, quota: null });
    const broken = {
      persist: async () => Promise.reject(new Error('insecure context')),
      estimate: async () => Promise.reject(new Error('no')),
    };
    expect(await storageStatus(broken)).toEqual({ persisted: null, usage: null, quota: null });
  });
});
