/**
 * The open copy is written after the engine, one part per idle step, and set only when every part
 * is in; a workbook closed meanwhile leaves it unset.
 */
import { describe, expect, it } from 'vitest';
import type { CopyWriter } from '../storage/openCopy';
import { keepOpenCopy } from './openCopySteps';

function fakeWriter(parts: number) {
  const log: string[] = [];
  const writer: CopyWriter = {
    parts,
    writePart: (k) => {
      log.push(`part ${k}`);
      return Promise.resolve();
    },
    finish: () => {
      log.push('finish');
      return Promise.resolve(true);
    },
  };
  return { writer, log };
}

describe('keeping the open copy', () => {
  it('writes nothing before the engine is built, then every part and sets it', async () => {
    const { writer, log } = fakeWriter(3);
    let built!: () => void;
    const after = new Promise<void>((r) => (built = r));
    const { done } = keepOpenCopy(writer, after);
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual([]);
    built();
    expect(await done).toBe(true);
    expect(log).toEqual(['part 0', 'part 1', 'part 2', 'finish']);
  });

  it('stopped (the workbook closed) mid-way: no more parts, not set', async () => {
    const { writer, log } = fakeWriter(50);
    const k = keepOpenCopy(writer, Promise.resolve());
    while (log.length < 2) await new Promise((r) => setTimeout(r, 1));
    k.stop();
    expect(await k.done).toBe(false);
    expect(log).not.toContain('finish');
    expect(log.length).toBeLessThan(50);
  });

  it('a part that fails to store leaves it unset', async () => {
    const { writer, log } = fakeWriter(2);
    const failing = { ...writer, writePart: () => Promise.reject(new Error('quota')) };
    expect(await keepOpenCopy(failing, Promise.resolve()).done).toBe(false);
    expect(log).toEqual([]);
  });
});
