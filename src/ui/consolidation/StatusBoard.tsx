/** Who submitted when, who is missing, each submission's totals and errors; a click opens it. */
import type { ConsolidationSession } from '../../app/consolidation';
import { moneyText } from '../../domain/displayMoney';
import { useLang } from '../i18n';
import { receivedText } from './format';

export function StatusBoard({
  session,
  onOpen,
}: {
  session: ConsolidationSession;
  onOpen: (submissionId: string) => void;
}) {
  const { t, lang } = useLang();
  // in the display unit the consolidated grid shows
  const money = moneyText(session.state.form.unit, session.state.display, lang);
  const rows = session.status();
  const missing = rows.filter((r) => !r.current);
  return (
    <section className="pb-board">
      {missing.length > 0 && (
        <p className="pb-note" data-testid="c-missing">
          {t('c_missingCount', { n: missing.length, names: missing.map((m) => m.unit).join(', ') })}
        </p>
      )}
      <table className="pb-list" data-testid="c-board">
        <thead>
          <tr>
            <th>{t('c_colUnit')}</th>
            <th>{t('c_colStatus')}</th>
            <th>{t('c_colReceived')}</th>
            <th>{t('c_colFile')}</th>
            <th>{t('c_colProjects')}</th>
            <th>{t('c_colRequested')}</th>
            <th>{t('c_colErrors')}</th>
            <th>{t('c_colTimes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const p = r.current?.provenance;
            const status = !r.current
              ? t('c_statusMissing')
              : r.expected
                ? t('c_statusIn')
                : t('c_statusExtra');
            return (
              <tr
                key={r.key}
                data-unit={r.unit}
                data-state={r.current ? 'in' : 'missing'}
                className={r.current ? 'pb-clickable' : 'pb-missing'}
                onClick={() => r.current && onOpen(r.current.id)}
              >
                <td>{r.unit}</td>
                <td>{status}</td>
                <td>{p ? receivedText(p.receivedAt, lang) : ''}</td>
                <td>{p?.fileName ?? ''}</td>
                <td className="pb-num">{r.current ? r.projects : ''}</td>
                <td className="pb-num" data-testid="c-board-requested">
                  {r.current ? money(r.requested) : ''}
                </td>
                <td
                  className={`pb-num${r.errors ? ' pb-msg-error' : ''}`}
                  data-testid="c-board-errors"
                >
                  {r.current ? r.errors : ''}
                </td>
                <td className="pb-num">{r.history.length || ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
