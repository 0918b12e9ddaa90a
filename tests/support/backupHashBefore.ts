/**
 * Frozen copy of a backup's text and hash before #20 (src/app/backups.ts `hashOf`): the whole
 * workbook stringified at once, its UTF-8 hashed with SHA-256 (the first 16 bytes, in hex). The
 * oracle the stepped text and hash are proved equal to (copies taken before compare with new ones).
 */
import type { Workbook } from '../../src/domain/types';

/** The old copy text and hash of a workbook. */
export async function copyTextBefore(wb: Workbook): Promise<{ text: string; hash: string }> {
  const text = JSON.stringify({ ...wb, updatedAt: 0 });
  const d = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
  );
  return {
    text,
    hash: Array.from(d.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join(''),
  };
}
