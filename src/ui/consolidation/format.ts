/** How the consolidation pages write dates and form columns. */
import type { FormColumn } from '../../domain/consolidateTypes';
import type { T } from '../i18n';

/** A received date and time in the user's language (`15/8/2025, 14:05`). */
export function receivedText(iso: string, lang: 'vi' | 'en'): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

/** A form column's label: `2026 · Vốn ĐTPT`. */
export function formColumnLabel(c: FormColumn, t: T): string {
  const year = c.year === null ? t('c_noYear') : String(c.year);
  const source = c.source
    ? c.source === 'ĐTPT' || c.source === 'SN'
      ? `Vốn ${c.source}`
      : c.source
    : t('c_noSource');
  return `${year} · ${source}`;
}
