import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makePlan } from '../domain/template';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { writeAhead } from '../storage/writeAhead';
import { AHEAD_AT_ONCE_ROWS, flushWrites, pageWriteAhead, replayAhead } from './saveQueue';
import { WorkbookSession } from './session';

const A11 = 'y2011_dtpt';
let n = 0;

async function setup(projects = 1) {
  const wb = makePlan({
    rows: Array.from({ length: projects }, (_, i) => [
      'project' as const,
      0,
      `p${i + 1}`,
      { '2011:ĐTPT': 100 },
    ]),
  });
  const repo = new WorkbookRepo(openDb(`save${++n}`));
  return { repo, s: new WorkbookSession(await repo.create(wb), repo) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('save queue', () => {
  it('keeps the change in the same task as the edit, and says saved only once committed', async () => {
    const { s, repo } = await setup();
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r1', colId: A11, value: 7 }] },
      'e',
    );
    // no await yet: the change is already recorded, and not yet called saved
    const kept = pageWriteAhead().pending('w1');
    expect(kept.map((e) => e.change.putRows[0].row.cells[A11])).toEqual([7]);
    expect(s.saveState).toBe('saving');
    expect(await repo.revision('w1')).toBe(1);
    await s.whenSaved();
    expect(s.saveState).toBe('saved');
    expect(await repo.revision('w1')).toBe(2);
    expect(pageWriteAhead().pending('w1')).toEqual([]);
  });

  it('in a page that draws, the commit waits for the paint after the edit', async () => {
    const { s, repo } = await setup();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('document', { visibilityState: 'visible' });
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r1', colId: A11, value: 8 }] },
      'e',
    );
    await new Promise((r) => setTimeout(r, 20));
    // tasks went by, no frame yet: not committed, still kept ahead
    expect(await repo.revision('w1')).toBe(1);
    expect(s.saveState).toBe('saving');
    expect(frames).toHaveLength(1);
    frames[0]();
    await s.whenSaved();
    expect(await repo.revision('w1')).toBe(2);
    expect(s.saveState).toBe('saved');
  });

  it('a page that draws no frame commits all the same, a little later', async () => {
    const { s, repo } = await setup();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('document', { visibilityState: 'visible' });
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r1', colId: A11, value: 9 }] },
      'e',
    );
    await s.whenSaved();
    expect(await repo.revision('w1')).toBe(2);
  });

  /** A paste of one figure into each of `n` rows (one step). */
  const pasteRows = (n: number, from = 0) => ({
    type: 'setCells' as const,
    sheetId: 's1',
    changes: Array.from({ length: n }, (_, i) => ({
      rowId: `r${i + 1}`,
      colId: A11,
      value: from + i,
    })),
  });

  it('keeps a large change ahead right after the paint that shows it, before its commit', async () => {
    const n = AHEAD_AT_ONCE_ROWS + 1;
    const { s, repo } = await setup(n);
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('document', { visibilityState: 'visible' });
    const put = vi.spyOn(pageWriteAhead(), 'put');
    const commit = vi.spyOn(repo, 'commit');
    s.dispatch(pasteRows(n, 1000), 'paste');
    // the edit's task writes no record of 101 rows (its JSON and localStorage write would delay
    // the figures on screen)
    expect(put).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(put).not.toHaveBeenCalled(); // nor its microtasks
    for (const f of frames.splice(0)) f();
    await new Promise((r) => setTimeout(r, 0));
    expect(
      pageWriteAhead()
        .pending('w1')
        .map((e) => e.change.putRows.length),
    ).toEqual([n]);
    await s.whenSaved();
    expect(put).toHaveBeenCalledTimes(1);
    expect(put.mock.invocationCallOrder[0]).toBeLessThan(commit.mock.invocationCallOrder[0]);
    expect(await repo.revision('w1')).toBe(2);
    expect(pageWriteAhead().pending('w1')).toEqual([]);
    put.mockRestore();
  });

  it('a small change is kept in its own task; a large one at once when the page goes away', async () => {
    const { s } = await setup(AHEAD_AT_ONCE_ROWS + 1);
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('document', { visibilityState: 'visible' });
    s.dispatch(pasteRows(AHEAD_AT_ONCE_ROWS), 'small');
    expect(pageWriteAhead().pending('w1')).toHaveLength(1);
    s.dispatch(pasteRows(AHEAD_AT_ONCE_ROWS + 1, 1000), 'large');
    expect(pageWriteAhead().pending('w1')).toHaveLength(1);
    flushWrites();
    const kept = pageWriteAhead().pending('w1');
    expect(kept.map((e) => e.change.putRows.length)).toEqual([
      AHEAD_AT_ONCE_ROWS,
      AHEAD_AT_ONCE_ROWS + 1,
    ]);
    expect(kept[1].baseRev).toBe(kept[0].baseRev + 1);
    await s.whenSaved();
    expect(pageWriteAhead().pending('w1')).toEqual([]);
  });

  it('commits on open what a killed tab recorded and did not commit; skips what it committed', async () => {
    const { repo } = await setup();
    const wal = writeAhead(null);
    const row = { id: 'r1', kind: 'project' as const, level: 0, cells: { [A11]: 55 } };
    const order = (await repo.load('w1'))!.order.get('r1')!;
    wal.put('w1', { seq: 1, baseRev: 0, change: { putRows: [], deleteRows: [] } }); // old, committed
    wal.put('w1', {
      seq: 2,
      baseRev: 1,
      change: { putRows: [{ sheetId: 's1', row, order }], deleteRows: [] },
    });
    expect(await replayAhead(repo, 'w1', wal)).toBe(1);
    const stored = (await repo.load('w1'))!;
    expect(stored.rev).toBe(2);
    expect(stored.workbook.sheets[0].rows[0].cells[A11]).toBe(55);
    expect(wal.pending('w1')).toEqual([]);
  });

  it('reads nothing from storage on open when nothing was recorded ahead', async () => {
    const { repo } = await setup();
    const wal = writeAhead(null);
    const revision = vi.spyOn(repo, 'revision');
    expect(await replayAhead(repo, 'w1', wal)).toBe(0);
    expect(revision).not.toHaveBeenCalled();
    wal.put('w1', { seq: 1, baseRev: 0, change: { putRows: [], deleteRows: [] } }); // committed
    expect(await replayAhead(repo, 'w1', wal)).toBe(0);
    expect(revision).toHaveBeenCalledTimes(1);
    expect(wal.pending('w1')).toEqual([]);
  });
});
