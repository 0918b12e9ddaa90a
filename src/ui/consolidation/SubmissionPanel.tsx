/**
 * One submission as it came: provenance, its own findings, the column mapping, its sheet, the
 * file; the one in force can be removed (received by mistake), after a confirmation.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ConsolidationSession } from '../../app/consolidation';
import { keyFor } from '../../app/consolidationIntake';
import type { PlanbookApp } from '../../app/services';
import { explain } from '../../domain/checks';
import { confirmedMapping, mapColumns, targetOf } from '../../domain/consolidateColumns';
import { moneyText } from '../../domain/displayMoney';
import type { Workbook } from '../../domain/types';
import { download } from '../download';
import { useLang } from '../i18n';
import { formColumnLabel, receivedText } from './format';
import { SubmissionSheet } from './SubmissionSheet';

export function SubmissionPanel(p: {
  app: PlanbookApp;
  session: ConsolidationSession;
  submissionId: string;
  onClose: () => void;
  onOpen: (submissionId: string) => void;
}) {
  const { t, lang } = useLang();
  const { session } = p;
  const sub = session.submissions.get(p.submissionId);
  const c = session.state;
  const key = sub ? keyFor(c, session.submissions, sub.provenance.unit) : '';
  const auto = useMemo(
    () => (sub ? mapColumns(sub.columns, c.form.columns, c.mappings[key] ?? {}) : {}),
    [sub, c.form.columns, c.mappings, key],
  );
  const [edited, setEdited] = useState<Record<string, string | null>>({});
  const [workbook, setWorkbook] = useState<Workbook | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    let live = true;
    void p.app.consolidations
      .submissionWorkbook(p.submissionId)
      .then((wb) => live && setWorkbook(wb ?? null));
    return () => {
      live = false;
    };
  }, [p.app, p.submissionId]);
  if (!sub) return null;
  const pv = sub.provenance;
  const history = session.status().find((u) => u.key === key)?.history ?? [];
  const mapping = { ...auto, ...edited };
  const confirm = () => {
    const r = session.dispatch(
      { type: 'setMapping', unitKey: key, mapping: confirmedMapping(sub.columns, mapping) },
      t('c_mappingLabel', { unit: pv.unit }),
    );
    if (r.ok) {
      setEdited({});
      setNote(t('c_mappingRemembered'));
    }
  };
  const withdraw = () => {
    const w = session.withdrawal(key);
    const line = session.status().find((u) => u.key === key);
    if (!w || !line) return;
    const money = moneyText(c.form.unit, c.display, lang);
    const then = w.restored
      ? t('c_withdrawRestores', {
          file: w.restored.provenance.fileName,
          date: receivedText(w.restored.provenance.receivedAt, lang),
        })
      : t('c_withdrawMissing', { unit: pv.unit });
    const what = t('c_withdrawConfirm', {
      file: pv.fileName,
      unit: pv.unit,
      date: receivedText(pv.receivedAt, lang),
      n: line.projects,
      total: money(line.requested),
    });
    if (!window.confirm(`${what}\n${then}`) || !session.withdraw(key).ok) return;
    if (w.restored) p.onOpen(w.restored.id);
    else p.onClose();
  };
  const original = async () => {
    const f = await p.app.consolidations.file(sub.id);
    if (f) download(f.name, f.bytes as Uint8Array<ArrayBuffer>, 'application/octet-stream');
  };

  return (
    <section className="pb-submission" data-testid="c-submission" aria-label={pv.fileName}>
      <header className="pb-pane-header">
        <h2>
          {pv.unit} — {pv.fileName}
        </h2>
        {c.current[key] === sub.id && (
          <button type="button" data-testid="c-withdraw" onClick={withdraw}>
            {t('c_withdraw')}
          </button>
        )}
        <button type="button" data-testid="c-submission-close" onClick={p.onClose}>
          {t('c_close')}
        </button>
      </header>
      <dl className="pb-provenance" data-testid="c-provenance">
        <dt>{t('c_colUnit')}</dt>
        <dd>
          {pv.unit} ({t(`c_unitFrom_${pv.unitFrom}`)})
        </dd>
        <dt>{t('c_colReceived')}</dt>
        <dd>{receivedText(pv.receivedAt, lang)}</dd>
        <dt>{t('c_hash')}</dt>
        <dd className="pb-mono">{pv.sha256}</dd>
        {pv.note && (
          <>
            <dt>{t('c_note')}</dt>
            <dd>{pv.note}</dd>
          </>
        )}
        <dt>{t('c_colFile')}</dt>
        <dd>
          {pv.fileName} ({t('c_size', { n: pv.size })}){' '}
          <button type="button" data-testid="c-original" onClick={() => void original()}>
            {t('c_download')}
          </button>
        </dd>
      </dl>
      {history.length > 1 && (
        <>
          <h3>{t('c_history')}</h3>
          <ol data-testid="c-history">
            {history.map((h) => (
              <li key={h.id}>
                <button type="button" disabled={h.id === sub.id} onClick={() => p.onOpen(h.id)}>
                  {h.provenance.fileName} — {receivedText(h.provenance.receivedAt, lang)}
                </button>
                {c.current[key] === h.id ? ` (${t('c_inForce')})` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>{t('c_findings')}</h3>
      {sub.findings.length === 0 ? (
        <p>{t('c_noFindings')}</p>
      ) : (
        <ul data-testid="c-findings">
          {sub.findings.map((f, i) => (
            <li key={i} className={f.severity === 'error' ? 'pb-msg-error' : ''}>
              {f.line !== null ? `${f.sheet}, ${lang === 'vi' ? 'dòng' : 'line'} ${f.line}: ` : ''}
              {explain({ ...f, rowId: null, colId: null }, lang)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('c_mapping')}</h3>
      <table className="pb-list" data-testid="c-mapping">
        <thead>
          <tr>
            <th>{t('c_mapFrom')}</th>
            <th>{t('c_mapTo')}</th>
            <th>{t('c_why')}</th>
          </tr>
        </thead>
        <tbody>
          {sub.columns.map((col) => (
            <tr key={col.key} data-column={col.path.join(' / ')}>
              <td>{col.path.join(' / ')}</td>
              <td>
                <select
                  value={mapping[col.key] ?? ''}
                  onChange={(e) => setEdited({ ...edited, [col.key]: e.target.value || null })}
                >
                  <option value="">{t('c_notUsed')}</option>
                  {c.form.columns.map((f) => (
                    <option key={f.id} value={f.id}>
                      {formColumnLabel(f, t)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="pb-hint">
                {mapping[col.key] ? '' : (targetOf(col, c.form.columns).why ?? '')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid="c-confirm-mapping" onClick={confirm}>
        {t('c_confirmMapping')}
      </button>
      {note && <p className="pb-msg-info">{note}</p>}
      <h3>{t('c_asItCame')}</h3>
      {workbook && <SubmissionSheet workbook={workbook} sheets={sub.sheets} />}
    </section>
  );
}
