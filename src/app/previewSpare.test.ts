import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { bytesOf, inProcessWorker } from '../../tests/support/previewKit';
import { openPreview } from './previewSession';
import { PreviewWork, type PreviewAsk } from './previewWork';
import {
  QUIET_MS,
  hasSpare,
  holdSpareOff,
  keepPreviewWarm,
  takePreviewWorker,
} from './previewSpare';

/** A Worker stand-in that records what it is asked and whether it was ended. */
class Recorded {
  static made: Recorded[] = [];
  asks: PreviewAsk[] = [];
  ended = false;
  onmessage = null;
  onerror = null;
  constructor() {
    Recorded.made.push(this);
  }
  postMessage(ask: PreviewAsk) {
    this.asks.push(ask);
  }
  terminate() {
    this.ended = true;
  }
}

/** Until `made()` workers are made: past the quiet time a spare waits for, and its idle period. */
const spareMade = (made: () => number, n: number) =>
  vi.waitFor(() => expect(made()).toBe(n), { timeout: 5 * QUIET_MS, interval: 50 });

afterEach(() => {
  Recorded.made = [];
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the import preview worker started ahead', () => {
  it('is started in an idle period while held, warmed, and taken once by the next read', () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', Recorded);
    const release = keepPreviewWarm();
    expect(Recorded.made).toHaveLength(0); // not in the task that asked
    vi.advanceTimersByTime(QUIET_MS + 10);
    expect(hasSpare()).toBe(true);
    const spare = Recorded.made[0];
    expect(spare.asks).toEqual([{ kind: 'warm' }]);
    expect(takePreviewWorker()).toBe(spare);
    expect(hasSpare()).toBe(false);
    // the next read without a spare gets a new worker of its own, never the one taken
    const next = takePreviewWorker();
    expect(next).not.toBe(spare);
    release();
    expect(hasSpare()).toBe(false);
  });

  it('ends the spare when the last holder lets go, and starts none afterwards', () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', Recorded);
    const a = keepPreviewWarm();
    const b = keepPreviewWarm();
    vi.advanceTimersByTime(QUIET_MS + 10);
    expect(Recorded.made).toHaveLength(1);
    a();
    a(); // once per holder
    expect(Recorded.made[0].ended).toBe(false);
    b();
    expect(Recorded.made[0].ended).toBe(true);
    vi.advanceTimersByTime(10 * QUIET_MS);
    expect(Recorded.made).toHaveLength(1);
  });

  it('gives the preview the same reading from a spare, and a new spare once the preview closes', async () => {
    const f = join(import.meta.dirname, '../../fixtures/quang-tri-2011-2015-appendix.xls');
    const direct = await new PreviewWork().read({ name: 'a.xls', bytes: bytesOf(f) });
    const asks: PreviewAsk[] = [];
    const { FakeWorker } = inProcessWorker(new PreviewWork(), asks);
    let made = 0;
    vi.stubGlobal(
      'Worker',
      class extends FakeWorker {
        constructor() {
          super();
          made++;
        }
      },
    );
    const release = keepPreviewWarm();
    await spareMade(() => made, 1);
    const h = await openPreview('a.xls', bytesOf(f));
    expect(made).toBe(1); // the read took the spare
    expect(asks[0]).toEqual({ kind: 'warm' });
    const cells = (r: typeof h.reading) => r.workbook.sheets.map((s) => s.rows.map((x) => x.cells));
    expect(direct.kind === 'done' && cells(h.reading)).toEqual(
      direct.kind === 'done' && cells(direct.reading),
    );
    await h.totals;
    h.close();
    await spareMade(() => made, 2);
    release();
  });

  it('is started only once the import has been at hand for the quiet time (not at the page start)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', Recorded);
    const release = keepPreviewWarm();
    // a workbook clicked in the list soon after the start page shows never meets a worker starting
    vi.advanceTimersByTime(QUIET_MS - 100);
    expect(Recorded.made).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(Recorded.made).toHaveLength(1);
    expect(hasSpare()).toBe(true);
    release();
  });

  it('is never started while a workbook is being opened, and ends one there when an open starts', () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', Recorded);
    const release = keepPreviewWarm();
    vi.advanceTimersByTime(QUIET_MS - 100);
    const opened = holdSpareOff(); // an open starts just before the spare would
    vi.advanceTimersByTime(10 * QUIET_MS);
    expect(Recorded.made).toHaveLength(0);
    opened();
    opened(); // once per open
    // a full quiet time after the open, not at once
    vi.advanceTimersByTime(QUIET_MS - 100);
    expect(Recorded.made).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(Recorded.made).toHaveLength(1);
    // a spare there when the next open starts is ended (it may be starting up still)
    const again = holdSpareOff();
    expect(Recorded.made[0].ended).toBe(true);
    expect(hasSpare()).toBe(false);
    again();
    release();
  });
});
