/** Capital sources: canonical codes and how documents spell them. */
import type { SourceDef } from './types';

export const KNOWN_SOURCES: SourceDef[] = [
  { code: 'ĐTPT', name: 'Vốn đầu tư phát triển' },
  { code: 'SN', name: 'Vốn sự nghiệp' },
  { code: 'NSTW', name: 'Ngân sách trung ương' },
  { code: 'NST', name: 'Ngân sách tỉnh' },
  { code: 'Khác', name: 'Nguồn khác' },
];

const FOLDED = new Map<string, string>();

/** Folds a text the long way (Unicode decomposition), as every fold is defined. */
function foldSlow(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The fold of each Latin letter with diacritics (U+00C0–U+024F, U+1E00–U+1EFF) that folds to ASCII
 * letters alone, '' for the others; built once, from foldSlow itself.
 */
let latin: string[] | null = null;
const latinAt = (c: number) => (c < 0x250 ? c - 0xc0 : c - 0x1e00 + 0x190);

function latinTable(): string[] {
  const out: string[] = [];
  const put = (from: number, to: number) => {
    for (let c = from; c <= to; c++) {
      const f = foldSlow(String.fromCharCode(c));
      out[latinAt(c)] = /^[a-z]+$/.test(f) ? f : '';
    }
  };
  put(0xc0, 0x24f);
  put(0x1e00, 0x1eff);
  return out;
}

/**
 * Folds ASCII and Latin letters with diacritics in one pass, as foldSlow does (a fold is the same
 * letter by letter for them); undefined at any other character (the long way then).
 */
function foldFast(s: string): string | undefined {
  const table = (latin ??= latinTable());
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      space = true;
      continue;
    }
    let f: string;
    if (c < 0x80) f = c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
    else if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) {
      f = table[latinAt(c)];
      if (!f) return undefined;
    } else return undefined;
    if (space && out) out += ' ';
    space = false;
    out += f;
  }
  return out;
}

/** Lower-case ASCII with diacritics removed (đ → d), spaces folded. */
export function fold(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase().replace(/\s+/g, ' ').trim();
  let f = FOLDED.get(s);
  if (f === undefined) {
    // Latin text folds in one pass, faster than the cache takes it (and one plan has 100,000 names)
    const fast = foldFast(s);
    if (fast !== undefined) return fast;
    f = foldSlow(s);
    if (FOLDED.size > 50_000) FOLDED.clear();
    FOLDED.set(s, f);
  }
  return f;
}

/** Canonical source code for a header such as `Vốn DTPT`, `Vốn sự nghiệp`, `NSTW`; null if none. */
export function canonicalSource(label: string): string | null {
  const f = fold(label).replace(/^(von|nguon von|nguon)\s+/, '');
  if (/^(dtpt|dau tu phat trien|xdcb|dau tu)\b/.test(f)) return 'ĐTPT';
  if (/^(sn|su nghiep|snkt|chi thuong xuyen)\b/.test(f)) return 'SN';
  if (/^(nstw|ngan sach trung uong|trung uong)\b/.test(f)) return 'NSTW';
  if (/^(nst|ngan sach tinh|ngan sach dia phuong|nsdp)\b/.test(f)) return 'NST';
  if (/^(khac|nguon khac|von khac)\b/.test(f)) return 'Khác';
  return null;
}

/** ASCII slug for ids: 'ĐTPT' → 'dtpt'. */
export function slug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
