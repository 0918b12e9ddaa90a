/**
 * The packed plan of the hidden `_planbook` sheet: the `.planbook` text deflated, in base64. The
 * workbook's JSON (nearly all of it) is deflated once per workbook and kept while the workbook
 * lives: the model is never changed in place (an edit makes a new workbook), so a second export of
 * the same plan deflates only the few bytes before it (the time it is saved), written as a stored
 * deflate block ahead of the kept stream. The text unpacked is exactly `serializePlanbook`'s.
 */
import type { Workbook } from '../../domain/types';
import { planbookHead } from '../planbookFile';
import { base64 } from './base64';
import { type DeflaterFactory, deflateRaw, deflaterInUse } from './zipWriter';

/** The workbook's JSON and its closing `}`, deflated, with the deflater that made it. */
const kept = new WeakMap<Workbook, { by: DeflaterFactory; bytes: Promise<Uint8Array> }>();

/** The raw deflate of `{workbook JSON}}` (kept for the workbook and the deflater in use). */
function deflatedBody(wb: Workbook): Promise<Uint8Array> {
  const by = deflaterInUse();
  const known = kept.get(wb);
  if (known && known.by === by) return known.bytes;
  const bytes = deflateRaw(new TextEncoder().encode(`${JSON.stringify(wb)}}`));
  kept.set(wb, { by, bytes });
  // a failure is the export's that awaits it; the next export tries again
  bytes.catch(() => {
    if (kept.get(wb)?.bytes === bytes) kept.delete(wb);
  });
  return bytes;
}

/**
 * `text` (at most 65,535 bytes) as one stored, non-final deflate block: byte-aligned, so that any
 * raw deflate stream may follow it (RFC 1951 §3.2.4).
 */
export function storedBlock(text: string): Uint8Array {
  const data = new TextEncoder().encode(text);
  const n = data.length;
  if (n > 0xffff) throw new Error('a stored block holds at most 65,535 bytes');
  const out = new Uint8Array(5 + n);
  out[0] = 0; // BFINAL 0, BTYPE 00 (stored), the rest of the byte skipped
  out[1] = n & 0xff;
  out[2] = n >>> 8;
  out[3] = ~n & 0xff;
  out[4] = (~n >>> 8) & 0xff;
  out.set(data, 5);
  return out;
}

/** The workbook as the `.planbook` text saved at `savedAt`, deflated and in base64. */
export async function packWorkbook(wb: Workbook, savedAt = new Date()): Promise<string> {
  const head = storedBlock(planbookHead(savedAt));
  const body = await deflatedBody(wb);
  const all = new Uint8Array(head.length + body.length);
  all.set(head);
  all.set(body, head.length);
  return base64(all);
}
