/** Byte counts in plain words for the user: `12,3 MB` (Vietnamese) or `12.3 MB` (English). */
export function formatBytes(n: number, lang: 'vi' | 'en'): string {
  const units = ['byte', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const digits = u === 0 || v >= 100 ? 0 : 1;
  const text = v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
  return `${text} ${units[u]}`;
}

/** A share as a percentage in plain words (`0,6 %`, `less than 0.1 %`). */
export function formatShare(part: number, whole: number, lang: 'vi' | 'en'): string {
  const pct = whole > 0 ? (part / whole) * 100 : 0;
  if (pct > 0 && pct < 0.1) return lang === 'vi' ? 'dưới 0,1 %' : 'less than 0.1 %';
  const text = pct.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return `${text} %`;
}
