import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUIET_MS } from './previewSpare';
import { PlanbookApp } from './services';

/** A Worker stand-in that counts the workers made and whether each was ended. */
class Counted {
  static made: Counted[] = [];
  ended = false;
  onmessage = null;
  onerror = null;
  constructor() {
    Counted.made.push(this);
  }
  postMessage() {}
  terminate() {
    this.ended = true;
  }
}

afterEach(() => {
  Counted.made = [];
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("the import's spare worker and an open (#20)", () => {
  it('is not started while a workbook is being opened, only a quiet time after it', async () => {
    const app = new PlanbookApp('spare-open');
    const id = await app.createFromTemplate({
      title: 'Kế hoạch',
      firstYear: 2026,
      years: 5,
      sources: ['ĐTPT'],
      unit: 'triệu đồng',
    });
    // only the timers: IndexedDB's own steps run as they do
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('Worker', Counted);
    const release = app.keepImportWarm(); // the start page shown
    vi.advanceTimersByTime(QUIET_MS - 100);
    const opening = app.open(id); // a workbook clicked just before the spare would start
    vi.advanceTimersByTime(10 * QUIET_MS);
    expect(Counted.made).toHaveLength(0);
    const opened = (await opening)!;
    expect(Counted.made).toHaveLength(0);
    vi.advanceTimersByTime(QUIET_MS + 10);
    expect(Counted.made).toHaveLength(1);
    release();
    expect(Counted.made[0].ended).toBe(true);
    opened.close();
  });
});
