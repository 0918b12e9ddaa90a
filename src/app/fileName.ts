/**
 * File names from plan titles, in Vietnamese as typed (`Kế hoạch đầu tư công 2021-2025.xlsx`):
 * only what a file system refuses is replaced (`< > : " / \ | ? *`, control characters, trailing dots
 * and spaces, Windows' reserved device names), and the name is kept within 180 bytes of UTF-8.
 */

// eslint-disable-next-line no-control-regex -- control characters are what file systems refuse
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_BYTES = 180;

/** A file name stem (no extension) from a title; `fallback` when nothing usable remains. */
export function fileStem(title: string, fallback = 'Kế hoạch'): string {
  const cleaned = title.normalize('NFC').replace(ILLEGAL, ' ').replace(/\s+/g, ' ').trim();
  let out = '';
  let bytes = 0;
  for (const ch of cleaned) {
    const n = new TextEncoder().encode(ch).length;
    if (bytes + n > MAX_BYTES) break;
    out += ch;
    bytes += n;
  }
  out = out.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (!out) return fallback;
  return RESERVED.test(out) ? `_${out}` : out;
}
