/** One editing tab per workbook, through the Web Locks API (other tabs open it read-only). */

/** A held lock; release() lets another tab edit. */
export interface EditLock {
  release(): void;
}

/**
 * Tries to take the edit lock of a workbook. Resolves with the lock, or null when another tab
 * holds it. Without the Web Locks API (old browsers, Node) every caller gets a lock.
 */
export async function tryEditLock(workbookId: string): Promise<EditLock | null> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return { release: () => undefined };
  return new Promise((resolve) => {
    void locks.request(`planbook:${workbookId}`, { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(null);
        return undefined;
      }
      return new Promise<void>((release) => resolve({ release: () => release() }));
    });
  });
}
