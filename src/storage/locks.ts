/** One editing tab per workbook, through the Web Locks API (other tabs open it read-only). */

/** A held lock; release() lets another tab edit. */
export interface EditLock {
  release(): void;
}

type Locks = Navigator['locks'];

function locksApi(): Locks | undefined {
  return (globalThis.navigator as Navigator | undefined)?.locks;
}

function request(
  workbookId: string,
  ifAvailable: boolean,
  signal?: AbortSignal,
): Promise<EditLock | null> {
  const locks = locksApi();
  if (!locks) return Promise.resolve({ release: () => undefined });
  return new Promise((resolve, reject) => {
    locks
      .request(`planbook:${workbookId}`, { ifAvailable, ...(signal ? { signal } : {}) }, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        return new Promise<void>((release) => resolve({ release: () => release() }));
      })
      .catch(reject);
  });
}

/**
 * Tries to take the edit lock of a workbook. Resolves with the lock, or null when another tab
 * holds it. Without the Web Locks API (old browsers, Node) every caller gets a lock.
 */
export function tryEditLock(workbookId: string): Promise<EditLock | null> {
  return request(workbookId, true);
}

/** Waits until the edit lock is free (the other tab closed) and takes it; abort to stop waiting. */
export function waitEditLock(workbookId: string, signal: AbortSignal): Promise<EditLock | null> {
  return request(workbookId, false, signal).catch(() => null);
}
