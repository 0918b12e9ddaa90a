/**
 * The groups of a tracking (by unit, source and section) from the engine, and the disbursement by
 * period against the target curve (a table and an ECharts chart, in total or for one unit).
 */
import { useMemo, useState } from 'react';
import type { ExecutionSession, Group, GroupKind, LiveFigures } from '../../app/execution';
import { periodSeries } from '../../domain/executionFigures';
import { periodLabel } from '../../domain/executionPeriods';
import { viDate } from '../../domain/executionText';
import { normaliseName } from '../../domain/match';
import { formatAmount } from '../../domain/numbers';
import { useLang } from '../i18n';
import { ViewChart } from '../ViewChart';
import { execAmounts } from './ExecDisplay';

const pct = (v: number | null, lang: 'vi' | 'en') =>
  v === null ? '—' : `${formatAmount(Math.round(v * 1000) / 10, lang)} %`;

/** The units, sources and sections with their figures (engine formulas). */
export function ExecutionGroups(p: { session: ExecutionSession; version: number }) {
  const { t, lang } = useLang();
  const { session } = p;
  const year = session.plan.year;
  const { fmt } = execAmounts(session.plan, lang);
  const kinds: [Exclude<GroupKind, 'total'>, string][] = [
    ['unit', t('execUnit')],
    ['source', t('execSource')],
    ['section', t('execSection')],
  ];
  const row = (g: Group, f: LiveFigures | undefined, kind: string) =>
    f && (
      <tr key={`${kind}:${g.key}`} data-kind={kind} data-key={g.label} data-level={g.level}>
        <td
          style={g.level ? { paddingLeft: `${g.level * 1.2 + 0.3}em` } : undefined}
          title={g.path?.join(' › ')}
        >
          {g.label || '—'}
        </td>
        <td className="pb-num">{fmt(f.planned)}</td>
        <td className="pb-num">{fmt(f.disbursed)}</td>
        <td className="pb-num" data-testid={`rate-${kind}`}>
          {pct(f.rate, lang)}
        </td>
        <td className="pb-num">{fmt(f.carry)}</td>
        <td className="pb-num">{fmt(f.carryDisbursed)}</td>
        <td className="pb-num">{fmt(f.remaining)}</td>
        <td className="pb-num">{kind === 'source' ? '' : f.behind || ''}</td>
      </tr>
    );
  return (
    <div className="pb-view" data-testid="exec-groups" data-version={p.version}>
      {(session.importing || session.engineBuilding) && (
        <p className="pb-msg pb-msg-info" role="status">
          {t(session.importing ? 'execGridImporting' : 'execGridBuilding')}
        </p>
      )}
      {kinds.map(([kind, label]) => (
        <table key={kind} className="pb-view-table" data-testid={`exec-by-${kind}`}>
          <thead>
            <tr>
              <th>{label}</th>
              <th>{t('execPlanned', { year })}</th>
              <th>{t('execDisbursed')}</th>
              <th>{t('execRate')}</th>
              <th>{t('execCarry', { year: year - 1 })}</th>
              <th>{t('execCarryDisbursed')}</th>
              <th>{t('execRemaining')}</th>
              <th>{t('execBehind')}</th>
            </tr>
          </thead>
          <tbody>
            {session.engine
              .groupList()
              .filter((g) => g.kind === kind)
              .map((g) => row(g, session.groupFigures(kind, g.key), kind))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** Disbursement by period against the target curve, in total or for one unit. */
export function ExecutionPeriods(p: { session: ExecutionSession; version: number }) {
  const { t, lang } = useLang();
  const { session } = p;
  const [unit, setUnit] = useState('');
  // the engine's groups are there once it is built (version)
  const units = useMemo(
    () => session.engine.groupList().filter((g) => g.kind === 'unit'),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, p.version],
  );
  const series = useMemo(
    () => periodSeries(session.plan, (x) => !unit || normaliseName(x.lead) === unit),
    // the figures follow every change (version)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, unit, p.version],
  );
  const { fmt, shown } = execAmounts(session.plan, lang);
  const categories = series.map((x) => periodLabel(x, lang));
  const chart = [
    { name: t('execInPeriod'), data: series.map((x) => shown(x.inPeriod)) },
    { name: t('execDisbursed'), data: series.map((x) => shown(x.disbursed)), line: true },
    {
      name: t('execTarget'),
      data: series.map((x) =>
        x.target === null ? null : Math.round(shown(x.target * x.planned) * 1000) / 1000,
      ),
      dashed: true,
    },
  ];
  return (
    <div className="pb-view" data-testid="exec-periods">
      <label>
        {t('execUnit')}{' '}
        <select
          data-testid="exec-chart-unit"
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
        >
          <option value="">{t('execAllUnits')}</option>
          {units.map((u) => (
            <option key={u.key} value={u.key}>
              {u.label || '—'}
            </option>
          ))}
        </select>
      </label>
      <table className="pb-view-table" data-testid="exec-period-table">
        <thead>
          <tr>
            <th>{t('execPeriod')}</th>
            <th>{t('execInPeriod')}</th>
            <th>{t('execDisbursed')}</th>
            <th>{t('execRate')}</th>
            <th>{t('execTarget')}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((x) => (
            <tr key={x.periodId} data-period={x.end} data-kind={x.kind}>
              <td title={t('execFromTo', { from: viDate(x.from), to: viDate(x.end) })}>
                {periodLabel(x, lang)}
              </td>
              <td className="pb-num">{fmt(x.inPeriod)}</td>
              <td className="pb-num">{fmt(x.disbursed)}</td>
              <td
                className={`pb-num ${x.rate !== null && x.target !== null && x.rate < x.target ? 'pb-over' : ''}`}
              >
                {pct(x.rate, lang)}
              </td>
              <td className="pb-num">{pct(x.target, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ViewChart
        categories={categories}
        series={chart}
        fileName={`giai-ngan-${session.plan.year}`}
        testId="exec-chart"
      />
    </div>
  );
}
