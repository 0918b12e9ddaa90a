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

/** Lower-case ASCII with diacritics removed (đ → d), spaces folded. */
export function fold(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase().replace(/\s+/g, ' ').trim();
  let f = FOLDED.get(s);
  if (f === undefined) {
    f = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
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
