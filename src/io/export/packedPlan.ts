/**
 * The plan an exported workbook carries in its hidden `_planbook` sheet, unpacked (the reader's
 * side, apart from the writer so that reading never loads the export code).
 */
import { Inflate, strFromU8 } from 'fflate';

/** The hidden sheet holding the packed plan. */
export const PLANBOOK_SHEET = '_planbook';

/** A packed plan inflates to at most this many bytes (a damaged or forged one could to gigabytes). */
export const MAX_PACKED_PLAN = 64 * 1024 * 1024;

/** The inverse of packPlan; throws when the payload inflates past MAX_PACKED_PLAN. */
export function unpackPlan(packed: string): string {
  const bin = atob(packed);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_PACKED_PLAN) throw new Error('the packed plan is too large');
    parts.push(chunk);
  });
  for (let i = 0; i < bytes.length; i += 4096)
    inflate.push(bytes.subarray(i, i + 4096), i + 4096 >= bytes.length);
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return strFromU8(all);
}
