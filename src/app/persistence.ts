/**
 * Persistent storage: the app asks the browser once per page not to evict its data
 * (`navigator.storage.persist`), and reads how much it uses of what it may (`estimate`).
 */

/** The browser's answers (null where it does not say). */
export interface StorageStatus {
  /** Whether the browser promised to keep the data (null: it cannot say). */
  persisted: boolean | null;
  /** Bytes used by this site, and bytes it may use (null: unknown). */
  usage: number | null;
  quota: number | null;
}

type StorageApi = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

let asked: Promise<boolean | null> | null = null;

function api(): Partial<StorageApi> | undefined {
  return (globalThis.navigator as Navigator | undefined)?.storage;
}

/** Asks the browser for persistent storage (once per page); its answer, null when it cannot say. */
export function askPersistence(
  s: Partial<StorageApi> | undefined = api(),
): Promise<boolean | null> {
  if (asked && s === api()) return asked;
  const p = (async () => {
    try {
      if (s?.persisted && (await s.persisted())) return true;
      if (!s?.persist) return null;
      return await s.persist();
    } catch {
      return null;
    }
  })();
  if (s === api()) asked = p;
  return p;
}

/** The answer to the request, and the usage and quota the browser gives. */
export async function storageStatus(
  s: Partial<StorageApi> | undefined = api(),
): Promise<StorageStatus> {
  const persisted = await askPersistence(s);
  let usage: number | null = null;
  let quota: number | null = null;
  try {
    const e = await s?.estimate?.();
    usage = typeof e?.usage === 'number' ? e.usage : null;
    quota = typeof e?.quota === 'number' ? e.quota : null;
  } catch {
    // the browser does not say
  }
  return { persisted, usage, quota };
}
