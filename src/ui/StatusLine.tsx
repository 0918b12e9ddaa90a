/** The status line: a message, the focused row's note, or the selection's count, sum and average. */
import { formatAmount } from '../domain/numbers';
import { useLang } from './i18n';

export interface StatusLineProps {
  message: { text: string; kind: 'error' | 'info' } | null;
  remark?: string;
  /** Selected cells, numeric cells among them, their sum and average; percent cells apart. */
  stats: {
    cells: number;
    numbers: number;
    percents?: number;
    sum: number;
    average: number | null;
  } | null;
  /** The display unit the sums are in, when the sheet shows another unit than the plan's. */
  unit?: string;
}

export function StatusLine({ message, remark, stats, unit }: StatusLineProps) {
  const { t, lang } = useLang();
  return (
    <footer className="pb-status" data-testid="status">
      {message ? (
        <span className={`pb-msg pb-msg-${message.kind}`} role="alert" data-testid="message">
          {message.text}
        </span>
      ) : remark ? (
        <span className="pb-msg pb-msg-info" data-testid="remark">
          {t('remark', { text: remark })}
        </span>
      ) : (
        <span className="pb-hint">{t('shortcuts')}</span>
      )}
      {stats && stats.cells > 1 && (
        <span className="pb-stats" data-testid="selection-stats">
          {t('statCells', { n: stats.cells })}
          {` · ${t('statNumbers', { n: stats.numbers })}`}
          {stats.numbers > 0 &&
            ` · ${t('statSum', { v: formatAmount(stats.sum, lang) })} · ${t('statAvg', { v: formatAmount(stats.average ?? 0, lang, 2) })}${unit ? ` (${unit})` : ''}`}
          {!!stats.percents && ` · ${t('statPercents', { n: stats.percents })}`}
        </span>
      )}
    </footer>
  );
}
