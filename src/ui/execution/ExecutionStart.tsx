/** The years followed for a workbook, and starting a year from the plan or one of its versions. */
import { useCallback, useEffect, useState } from 'react';
import type { ExecutionSummary, Executions } from '../../app/executions';
import type { WorkbookSession } from '../../app/session';
import type { RevisionSummary } from '../../app/versions';
import { planYears } from '../../domain/execution';
import { viDate } from '../../domain/executionText';
import { useLang } from '../i18n';

/** Opens a tracking (its page). */
export function openExecution(id: string): void {
  window.location.hash = `#/exec/${encodeURIComponent(id)}`;
}

export function ExecutionStart(p: {
  session: WorkbookSession;
  executions: Executions;
  revisions: RevisionSummary[];
}) {
  const { t } = useLang();
  const wb = p.session.workbook;
  const years = planYears(wb);
  const [list, setList] = useState<ExecutionSummary[]>([]);
  const [year, setYear] = useState(() => years.at(-1) ?? new Date().getFullYear());
  const [base, setBase] = useState('current');
  const [busy, setBusy] = useState(false);
  const reload = useCallback(() => p.executions.list(wb.id).then(setList), [p.executions, wb.id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const start = async () => {
    setBusy(true);
    try {
      const id = await p.executions.start(
        wb,
        (sheetId, row, colId) => {
          const v = p.session.value(sheetId, row, colId);
          return typeof v === 'number' ? v : null;
        },
        year,
        base === 'current' ? undefined : base,
      );
      openExecution(id);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (x: ExecutionSummary) => {
    if (!window.confirm(t('execConfirmDelete', { year: x.year }))) return;
    await p.executions.remove(x.id);
    await reload();
  };
  const choices = [...new Set([...years, new Date().getFullYear()])].sort((a, b) => a - b);
  return (
    <section className="pb-exec-start" data-testid="exec-start">
      <h2>{t('execTitle')}</h2>
      <p>{t('execIntro')}</p>
      {list.length ? (
        <table className="pb-view-table" data-testid="exec-list">
          <tbody>
            {list.map((x) => (
              <tr key={x.id} data-year={x.year}>
                <td>{x.year}</td>
                <td>{x.basedOn}</td>
                <td>{x.asOf ? t('execAsOf', { date: viDate(x.asOf) }) : t('execNoPeriod')}</td>
                <td>
                  <button type="button" data-testid="exec-open" onClick={() => openExecution(x.id)}>
                    {t('execOpen')}
                  </button>{' '}
                  <button type="button" onClick={() => void remove(x)}>
                    {t('execDelete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('execNone')}</p>
      )}
      <form
        className="pb-version-form"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label>
          {t('execYear')}{' '}
          <select
            data-testid="exec-year"
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
          >
            {choices.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('execFrom')}{' '}
          <select data-testid="exec-base" value={base} onChange={(e) => setBase(e.target.value)}>
            <option value="current">{t('execCurrent')}</option>
            {p.revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" data-testid="exec-start-button" disabled={busy}>
          {t('execStart')}
        </button>
      </form>
    </section>
  );
}
