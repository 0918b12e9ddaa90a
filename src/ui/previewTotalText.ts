/** The import preview's summary line: counts of what was read and the computed total, in words. */
import type { PreviewTotals } from '../app/previewTotals';
import { formatAmount } from '../domain/numbers';
import type { Lang, T } from './i18n';

/**
 * The summary: the computed total (with the column it totals when that is not the row total of
 * the amounts), why there is none, or «đang tính…» while the totals are computed (`totals` null).
 */
export function previewSummary(
  counts: { sections: number; projects: number; totals: number },
  totals: PreviewTotals | null,
  t: T,
  lang: Lang,
): string {
  if (!totals) return t('summary', { ...counts, total: t('importComputing') });
  if (totals.total === null) {
    const why =
      totals.none === 'balance'
        ? t('importBalance')
        : totals.none === 'breakdown'
          ? t('importBreakdown', {
              stated: totals.stated === undefined ? '—' : formatAmount(totals.stated, lang),
            })
          : t('importNoColumn');
    return t('summaryNoTotal', { ...counts, why });
  }
  const figure = formatAmount(totals.total, lang);
  const total = totals.column
    ? t('importTotalColumn', { total: figure, column: totals.column.replace(/\s+/g, ' ').trim() })
    : figure;
  return t('summary', { ...counts, total });
}
