/**
 * A year's tracking: the summary against the target, importing a report (the lines left to pair),
 * the projects grid, the groups, the disbursement by month against the target curve, the target
 * curve itself, undo/redo and the execution report's export.
 */
import { useEffect, useState } from 'react';
import type { ExecutionSession } from '../../app/execution';
import type { Executions } from '../../app/executions';
import { viDate } from '../../domain/executionText';
import { formatAmount } from '../../domain/numbers';
import { executionCsv, exportExecutionXlsx } from '../../io/export/executionXlsx';
import { download } from '../download';
import { useLang } from '../i18n';
import type { StringKey } from '../strings';
import { ExecutionGrid } from './ExecutionGrid';
import { ExecutionGroups, ExecutionPeriods } from './ExecutionTables';
import { ExecutionTargets } from './ExecutionTargets';
import { AddPeriod, periodOption, RemovePeriod } from './AddPeriod';
import { ExecDisplayControls, execAmounts } from './ExecDisplay';
import { UnmatchedLines } from './UnmatchedLines';
import { useReportImport } from './useReportImport';

type Tab = 'projects' | 'groups' | 'periods';

export function ExecutionPage(p: { executions: Executions; id: string }) {
  const { t } = useLang();
  const [session, setSession] = useState<ExecutionSession | null | 'missing'>(null);
  useEffect(() => {
    let live = true;
    let got: ExecutionSession | undefined;
    void p.executions.open(p.id).then((s) => {
      got = s;
      if (live) setSession(s ?? 'missing');
      else s?.close();
    });
    return () => {
      live = false;
      got?.close();
    };
  }, [p.executions, p.id]);
  if (session === null)
    return (
      <p className="pb-loading" data-testid="exec-loading">
        {t('loading')}
      </p>
    );
  if (session === 'missing') return <p className="pb-msg pb-msg-error">{t('execMissing')}</p>;
  return <ExecutionView session={session} />;
}

export function ExecutionView({ session }: { session: ExecutionSession }) {
  const { t, lang } = useLang();
  const [version, setVersion] = useState(0);
  const [tab, setTab] = useState<Tab>('projects');
  const [periodId, setPeriodId] = useState<string | null>(
    () => session.plan.periods.at(-1)?.id ?? null,
  );
  const [message, setMessage] = useState<{ text: string; kind: 'info' | 'error' } | null>(null);
  useEffect(() => session.subscribe(() => setVersion((v) => v + 1)), [session]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT') return;
      if (!(e.ctrlKey || e.metaKey) || (e.key !== 'z' && e.key !== 'y')) return;
      if ((e.target as HTMLElement | null)?.closest('.ag-cell-inline-editing')) return;
      e.preventDefault();
      if (e.key === 'z') session.undo();
      else session.redo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [session]);
  const plan = session.plan;
  const total = session.groupFigures('total', '');
  const target = session.target();
  const amounts = execAmounts(plan, lang);
  const fmt = amounts.fmt;
  const pct = (v: number | null) =>
    v === null ? '—' : `${formatAmount(Math.round(v * 1000) / 10, lang)} %`;
  const asOf = plan.periods.at(-1)?.end ?? null;

  const { importFile, busy } = useReportImport(session, setMessage, setPeriodId);
  const stem = `giai-ngan-${plan.year}${asOf ? `-${asOf}` : ''}`;
  const exportXlsx = async () => {
    const x = await exportExecutionXlsx({
      plan: session.plan,
      lang,
      outside: session.outsideLines(),
    });
    download(
      `${stem}.xlsx`,
      x.bytes as BlobPart,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };
  const saveLabel =
    session.saveState === 'saved'
      ? t('saved')
      : session.saveState === 'saving'
        ? t('saving')
        : t('saveError');
  return (
    <div className="pb-exec" data-testid="exec-view">
      <header className="pb-header">
        <button
          type="button"
          data-testid="exec-back"
          onClick={() => (window.location.hash = `#/wb/${encodeURIComponent(session.workbookId)}`)}
        >
          {t('execBack')}
        </button>
        <div className="pb-title">
          <h1>{t('execHeading', { year: plan.year })}</h1>
          <div className="pb-sub">
            {[
              t('execBasedOn', { title: plan.basedOn.title }),
              asOf ? t('execAsOf', { date: viDate(asOf) }) : t('execNoPeriod'),
              t('unit_line', { unit: amounts.unit }),
            ].join(' — ')}
          </div>
        </div>
        <span
          className={`pb-save pb-save-${session.saveState}`}
          data-testid="exec-save-state"
          data-state={session.saveState}
          data-commits={session.commits}
          role="status"
        >
          {saveLabel}
        </span>
        <button
          type="button"
          data-testid="exec-undo"
          disabled={!session.canUndo}
          onClick={() => session.undo()}
        >
          ↶ {t('undo')}
        </button>
        <button
          type="button"
          data-testid="exec-redo"
          disabled={!session.canRedo}
          onClick={() => session.redo()}
        >
          ↷ {t('redo')}
        </button>
        <label className="pb-file-button">
          {t('execImport')}
          <input
            type="file"
            disabled={!!busy}
            data-testid="exec-import"
            accept=".xlsx,.xls,.ods,.csv,.tsv,.txt"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </label>
        <button type="button" data-testid="exec-export-xlsx" onClick={() => void exportXlsx()}>
          {t('execExportXlsx')}
        </button>
        <button
          type="button"
          data-testid="exec-export-csv"
          onClick={() => download(`${stem}.csv`, executionCsv(session.plan, lang), 'text/csv')}
        >
          {t('execExportCsv')}
        </button>
      </header>
      {busy && (
        <p className="pb-msg pb-msg-info" role="status" data-testid="exec-progress">
          {busy}
        </p>
      )}
      {message && (
        <p className={`pb-msg pb-msg-${message.kind}`} role="alert" data-testid="exec-message">
          {message.text}
        </p>
      )}
      {total && (
        <p
          className="pb-exec-summary"
          data-testid="exec-summary"
          data-disbursed={total.disbursed}
          data-rate={total.rate ?? ''}
        >
          <b>{t('execTotal')}:</b> {t('execPlanned', { year: plan.year })} {fmt(total.planned)} ·{' '}
          {t('execDisbursed')}{' '}
          <span data-testid="exec-total-disbursed">{fmt(total.disbursed)}</span> · {t('execRate')}{' '}
          <b data-testid="exec-total-rate">{pct(total.rate)}</b> · {t('execTarget')} {pct(target)} ·{' '}
          {t('execCarry', { year: plan.year - 1 })} {fmt(total.carry)} → {fmt(total.carryDisbursed)}
          {total.behind ? (
            <span className="pb-exec-behind-count">
              {' '}
              · {t('execBehindCount', { n: total.behind })}
            </span>
          ) : null}
        </p>
      )}
      <UnmatchedLines session={session} version={version} onMessage={setMessage} />
      <nav className="pb-tabs" role="tablist">
        {(['projects', 'groups', 'periods'] as Tab[]).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            data-testid={`exec-tab-${k}`}
            onClick={() => setTab(k)}
          >
            {t(
              k === 'projects'
                ? 'execTabProjects'
                : k === 'groups'
                  ? 'execTabUnits'
                  : 'execTabPeriods',
            )}
          </button>
        ))}
        <label>
          {t('execPeriod')}{' '}
          <select
            data-testid="exec-period"
            value={periodId ?? ''}
            onChange={(e) => setPeriodId(e.target.value || null)}
          >
            {plan.periods.map((x) => (
              <option key={x.id} value={x.id} data-kind={x.kind}>
                {periodOption(x, lang)}
              </option>
            ))}
          </select>
        </label>{' '}
        <RemovePeriod session={session} periodId={periodId} onRemoved={setPeriodId} />
        <AddPeriod session={session} onPeriod={setPeriodId} onMessage={setMessage} />
        <ExecDisplayControls session={session} />
      </nav>
      {tab === 'projects' && (
        <ExecutionGrid
          session={session}
          periodId={periodId}
          version={version}
          onRefused={(why) =>
            setMessage({
              kind: 'error',
              text: t('execRefused', { why: t(`execR_${why}` as StringKey) }),
            })
          }
        />
      )}
      {tab === 'groups' && <ExecutionGroups session={session} version={version} />}
      {tab === 'periods' && (
        <>
          <ExecutionPeriods session={session} version={version} />
          <ExecutionTargets session={session} />
        </>
      )}
    </div>
  );
}
