/**
 * Adding a reporting period by hand: a month (of the year, or January of the next) or a quarter
 * (I–IV). Figures of a period are cumulative from 01/01, so a quarter is the checkpoint at its
 * last day; a period ending on the same day as another is refused with the reason.
 */
import { useState } from 'react';
import type { ExecutionSession } from '../../app/execution';
import type { ExecPeriod } from '../../domain/execution';
import { periodLabel, quarterEnd } from '../../domain/executionPeriods';
import { monthEnd, viDate } from '../../domain/executionText';
import { useLang } from '../i18n';

export function AddPeriod(p: {
  session: ExecutionSession;
  onPeriod: (id: string) => void;
  onMessage: (m: { text: string; kind: 'info' | 'error' }) => void;
}) {
  const { t, lang } = useLang();
  const { session } = p;
  const year = session.plan.year;
  const [kind, setKind] = useState<ExecPeriod['kind']>('month');
  const [month, setMonth] = useState(`${year}-01`);
  const [quarter, setQuarter] = useState(1);
  const add = () => {
    let end: string;
    if (kind === 'quarter') end = quarterEnd(year, quarter);
    else {
      const [y, m] = month.split('-').map(Number);
      if (!y || !m) return;
      end = monthEnd(y, m);
    }
    const label = periodLabel({ end, kind }, lang);
    const r = session.addPeriod(end, kind);
    if (r.ok) {
      p.onPeriod(end);
      p.onMessage({
        kind: 'info',
        text: t('execPeriodAdded', { period: label, date: viDate(end) }),
      });
      return;
    }
    const other = session.plan.periods.find((x) => x.end === end);
    p.onMessage({
      kind: 'error',
      text:
        r.why === 'periodSameEnd' && other
          ? t('execPeriodSameEnd', {
              period: label,
              other: periodLabel(other, lang),
              date: viDate(end),
            })
          : t('execPeriodRefused', { period: label, why: t(`execR_${r.why}`) }),
    });
  };
  return (
    <span className="pb-exec-add-period" title={t('execPeriodRule')}>
      <select
        data-testid="exec-period-kind"
        aria-label={t('execPeriodKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as ExecPeriod['kind'])}
      >
        <option value="month">{t('execMonth')}</option>
        <option value="quarter">{t('execQuarter')}</option>
      </select>{' '}
      {kind === 'month' ? (
        <input
          type="month"
          data-testid="exec-period-month"
          aria-label={t('execMonth')}
          min={`${year}-01`}
          max={`${year + 1}-01`}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
        />
      ) : (
        <select
          data-testid="exec-period-quarter"
          aria-label={t('execQuarter')}
          value={quarter}
          onChange={(e) => setQuarter(Number(e.target.value))}
        >
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {periodLabel({ end: quarterEnd(year, q), kind: 'quarter' }, lang)}
            </option>
          ))}
        </select>
      )}{' '}
      <button type="button" data-testid="exec-add-period" onClick={add}>
        {t('execAddPeriod')}
      </button>
    </span>
  );
}

/** A period as the period list shows it: `Quý I/2024 (31/03/2024)`. */
export const periodOption = (x: ExecPeriod, lang: 'vi' | 'en') => {
  const label = periodLabel(x, lang);
  return label === viDate(x.end) ? label : `${label} (${viDate(x.end)})`;
};

/** Removes the chosen period and its figures (one undo step). */
export function RemovePeriod(p: {
  session: ExecutionSession;
  periodId: string | null;
  onRemoved: (id: string | null) => void;
}) {
  const { t } = useLang();
  return (
    <button
      type="button"
      data-testid="exec-remove-period"
      disabled={!p.periodId}
      onClick={() => {
        if (!p.periodId || !p.session.removePeriod(p.periodId).ok) return;
        p.onRemoved(p.session.plan.periods.at(-1)?.id ?? null);
      }}
    >
      {t('execRemovePeriod')}
    </button>
  );
}
