import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from './sqliteStore';
import { planCompaction } from './store';

/** Updates that each set one key of a map, from a fresh document each. */
function updates(n: number, big = 0): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  if (big) doc.getMap('m').set('big', 'x'.repeat(big));
  for (let i = 0; i < n; i++) doc.getMap('m').set(`k${i}`, i);
  return out;
}
const read = (u: Uint8Array | null) => {
  const d = new Y.Doc();
  if (u) Y.applyUpdate(d, u);
  return d.getMap('m').toJSON();
};

describe('compaction', () => {
  it('merges the small lines into one while the snapshot is larger, folds when asked', () => {
    const [big, ...small] = updates(5, 10_000);
    const log = small.map((data, i) => ({ id: i + 1, data, at: 1000 + i }));
    const c = planCompaction(big, log, 0, false, 5000)!;
    expect(c.snapshot).toBeUndefined();
    expect(c.upTo).toBe(5); // five lines replaced by one
    expect(Object.keys(read(Y.mergeUpdates([big, c.line!.data]))).length).toBe(6);
    const f = planCompaction(big, log, 0, true, 5000)!;
    expect(Object.keys(read(f.snapshot!)).length).toBe(6);
  });

  it('keeps lines younger than keepMs for the other instances', () => {
    const log = updates(3).map((data, i) => ({ id: i + 1, data, at: 1000 * (i + 1) }));
    const c = planCompaction(null, log, 1500, true, 3000)!; // only the first is older than 1.5 s
    expect([c.upTo, c.before]).toEqual([1, 1500]);
  });

  it('an SQLite store loses nothing through appends and compactions', async () => {
    const store = await SqliteStore.open(':memory:');
    const us = updates(50, 5000);
    for (const [i, u] of us.entries()) {
      await store.append('d', u);
      if (i % 7 === 0) await store.compact('d', 0, i % 21 === 0);
    }
    expect(read(await store.load('d'))).toEqual(read(Y.mergeUpdates(us)));
    await store.close();
  });
});
