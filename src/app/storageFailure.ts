/** Why the browser's storage refused a write, in terms the user can act on. */

/** `quota`: the storage is full; `refused`: the browser does not let the page store (private mode, settings); `other`. */
export interface StorageFailure {
  cause: 'quota' | 'refused' | 'other';
  /** The browser's own words (error name and message). */
  detail: string;
}

const REFUSED = new Set(['InvalidStateError', 'SecurityError', 'NotAllowedError', 'UnknownError']);

/** The failure behind an error from storage (Dexie wraps the browser's DOMException as `inner`). */
export function storageFailureOf(e: unknown): StorageFailure {
  const chain: { name?: string; message?: string }[] = [];
  let x = e as { name?: string; message?: string; inner?: unknown; cause?: unknown } | undefined;
  for (let k = 0; x && k < 5; k++) {
    chain.push(x);
    x = (x.inner ?? x.cause) as typeof x;
  }
  const names = chain.map((c) => c.name ?? '');
  const text = chain.map((c) => `${c.name ?? ''} ${c.message ?? ''}`).join(' ');
  const detail = `${chain[0]?.name ?? 'Error'}: ${chain[0]?.message ?? String(e)}`.slice(0, 200);
  if (names.includes('QuotaExceededError') || /quota|disk is full|no space/i.test(text))
    return { cause: 'quota', detail };
  if (names.some((n) => REFUSED.has(n))) return { cause: 'refused', detail };
  return { cause: 'other', detail };
}
