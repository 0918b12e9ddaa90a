import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from './inSteps';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('afterPaint', () => {
  it('in a page that draws, runs in the task after the frame, once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('document', { visibilityState: 'visible' });
    const fn = vi.fn();
    afterPaint(fn, 100);
    vi.advanceTimersByTime(50);
    expect(fn).not.toHaveBeenCalled();
    frames[0]();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('a page that stops drawing runs it after the longest wait; a hidden page in the next task', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('document', { visibilityState: 'visible' });
    const drawn = vi.fn();
    afterPaint(drawn, 100);
    vi.advanceTimersByTime(99);
    expect(drawn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(drawn).toHaveBeenCalledTimes(1);
    // a hidden page draws no frame: waiting for one would hold the work until the page is shown
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    const hidden = vi.fn();
    afterPaint(hidden, 10_000);
    vi.advanceTimersByTime(0);
    expect(hidden).toHaveBeenCalledTimes(1);
  });

  it('cancelled, never runs', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    const fn = vi.fn();
    afterPaint(fn, 100)();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
  });
});
