/**
 * Keeping a large workbook's open copy (#20, `storage/openCopy.ts`): after an open that read the
 * rows one by one, the copy of what was loaded is written once the engine is built, one part per
 * idle step, so the next open reads it in a few records. An edit meanwhile makes it stale (it is
 * then not set: `finish` checks the revision).
 */
import type { CopyWriter } from '../storage/openCopy';
import { whenIdle } from './inSteps';

/** The longest wait for an idle period between two parts (ms). */
const IDLE_TIMEOUT_MS = 2000;

/**
 * Writes `writer`'s parts in idle steps once `after` has settled, then sets the copy; resolves
 * with whether it was set (false: stopped, failed, or the workbook changed meanwhile). `stop`
 * cancels the parts not yet written.
 */
export function keepOpenCopy(
  writer: CopyWriter,
  after: Promise<unknown>,
): { done: Promise<boolean>; stop: () => void } {
  let stopped = false;
  let cancel: () => void = () => undefined;
  // the wait for the next idle step, ended at once when stopped
  let wake: () => void = () => undefined;
  const idle = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      cancel = whenIdle(resolve, IDLE_TIMEOUT_MS);
    });
  const run = async (): Promise<boolean> => {
    await after.catch(() => undefined);
    for (let k = 0; k < writer.parts; k++) {
      await idle();
      if (stopped) return false;
      await writer.writePart(k);
    }
    const set = !stopped && (await writer.finish());
    if (set) globalThis.performance?.mark?.('pb:open-copy');
    return set;
  };
  const done = run().catch(() => false);
  return {
    done,
    stop: () => {
      stopped = true;
      cancel();
      wake();
    },
  };
}
