/**
 * The open copy is written after the engine, in idle steps whose parts fit a few milliseconds, and
 * set only when every row is in; a workbook closed or changed meanwhile leaves it unset (its parts
 * deleted), and input waiting goes before the next part.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPY_ROWS, type CopyWriter } from '../storage/openCopy';
import { keepOpenCopy, PART_BUDGET_MS, PART_MIN_ROWS, partRows } from './openCopySteps';

/** A writer of `total` rows (parts capped as storage caps them) costing `msPerRow` each (busy wait). */
function fakeWriter(total: number, msPerRow = 0) {
  const log: string[] = [];
  const sizes: number[] = [];
  let left = total;
  const writer: CopyWriter = {
    get left() {
      return left;
    },
    writeNext: (rows) => {
      const n = Math.min(left, rows, COPY_ROWS);
      const until = performance.now() + n * msPerRow;
      while (performance.now() < until);
      left -= n;
      sizes.push(rows);
      log.push(`part ${sizes.length - 1}`);
      return Promise.resolve();
    },
    finish: () => {
      log.push('finish');
      return Promise.resolve(true);
    },
    abandon: () => {
      log.push('abandon');
      return Promise.resolve();
    },
  };
  return { writer, log, sizes };
}

afterEach(() => vi.unstubAllGlobals());

describe('keeping the open copy', () => {
  it('writes nothing before the engine is built, then every row and sets it', async () => {
    const { writer, log } = fakeWriter(1500);
    let built!: () => void;
    const after = new Promise<void>((r) => (built = r));
    const { done } = keepOpenCopy(writer, after);
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual([]);
    built();
    expect(await done).toBe(true);
    expect(log[log.length - 1]).toBe('finish');
    expect(writer.left).toBe(0);
  });

  it('stopped (the workbook closed) mid-way: no more parts, not set, its parts deleted', async () => {
    const { writer, log } = fakeWriter(100_000);
    const k = keepOpenCopy(writer, Promise.resolve());
    while (log.length < 2) await new Promise((r) => setTimeout(r, 1));
    k.stop();
    expect(await k.done).toBe(false);
    expect(log).not.toContain('finish');
    expect(log[log.length - 1]).toBe('abandon');
    expect(writer.left).toBeGreaterThan(0);
  });

  it('the workbook changed (a commit): no more parts, not set, its parts deleted', async () => {
    const { writer, log } = fakeWriter(100_000);
    let edited = false;
    const k = keepOpenCopy(writer, Promise.resolve(), () => edited);
    while (log.length < 2) await new Promise((r) => setTimeout(r, 1));
    edited = true;
    expect(await k.done).toBe(false);
    expect(log).not.toContain('finish');
    expect(log[log.length - 1]).toBe('abandon');
    expect(log.length).toBeLessThan(6);
  });

  it('a part that fails to store leaves it unset', async () => {
    const { writer, log } = fakeWriter(2000);
    const failing: CopyWriter = {
      get left() {
        return writer.left;
      },
      writeNext: () => Promise.reject(new Error('quota')),
      finish: writer.finish,
      abandon: writer.abandon,
    };
    expect(await keepOpenCopy(failing, Promise.resolve()).done).toBe(false);
    expect(log).toEqual(['abandon']);
  });

  it('sizes each part to the budget from what the parts before cost', async () => {
    // 0.01 ms a row: a part of 5,000 rows would hold the page 50 ms
    const { writer, sizes } = fakeWriter(20_000, 0.01);
    expect(await keepOpenCopy(writer, Promise.resolve()).done).toBe(true);
    expect(sizes.length).toBeGreaterThan(20);
    for (const n of sizes.slice(1)) expect(n).toBeLessThanOrEqual(PART_BUDGET_MS / 0.01);
  });

  it('writes no part while input waits to be handled', async () => {
    let pending = 3;
    vi.stubGlobal('navigator', { scheduling: { isInputPending: () => pending-- > 0 } });
    const { writer, log } = fakeWriter(100);
    expect(await keepOpenCopy(writer, Promise.resolve()).done).toBe(true);
    expect(pending).toBeLessThan(0);
    expect(log).toEqual(['part 0', 'finish']);
  });

  it('part rows: the budget over the measured cost, never below the floor', () => {
    expect(partRows(6, 0.004)).toBe(1500);
    expect(partRows(6, 1)).toBe(PART_MIN_ROWS);
    expect(partRows(6, 0)).toBeGreaterThan(5000);
  });
});
