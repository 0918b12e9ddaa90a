/** Receiving files: drop or pick several, check each one's unit and what it changes, then receive. */
import { useState } from 'react';
import type { ConsolidationSession } from '../../app/consolidation';
import {
  pendingDiff,
  type PendingSubmission,
  readSubmissions,
} from '../../app/consolidationIntake';
import { formatAmount } from '../../domain/numbers';
import { useLang } from '../i18n';
import { receivedText } from './format';
import { ServerIntake } from './ServerIntake';

export function IntakePanel({ session }: { session: ConsolidationSession }) {
  const { t, lang } = useLang();
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(0);
  const [pending, setPending] = useState<PendingSubmission[]>([]);
  const c = session.state;
  const n = (v: number) => formatAmount(v, lang);

  const take = async (files: File[]) => {
    if (!files.length) return;
    setReading(files.length);
    const read = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const got = await readSubmissions(session.state, session.submissions, read);
    setReading(0);
    setPending((p) => [...p, ...got]);
  };
  const receive = () => {
    const ok = pending.filter((p) => p.submission);
    if (session.receive(ok).ok) setPending([]);
  };
  const setUnit = (i: number, unit: string) =>
    setPending((ps) => ps.map((p, k) => (k === i ? { ...p, unit } : p)));
  const setNote = (i: number, note: string) =>
    setPending((ps) => ps.map((p, k) => (k === i ? { ...p, note } : p)));

  return (
    <section className="pb-intake">
      <div
        className={over ? 'pb-drop pb-drop-on' : 'pb-drop'}
        data-testid="c-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void take([...e.dataTransfer.files]);
        }}
      >
        {t('c_drop')}{' '}
        <label className="pb-file">
          {t('c_pick')}
          <input
            type="file"
            multiple
            accept=".xlsx,.xls,.ods,.csv,.tsv,.txt,.planbook"
            data-testid="c-files"
            onChange={(e) => {
              void take([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
        {reading > 0 && <div data-testid="c-reading">{t('c_reading', { n: reading })}</div>}
      </div>
      <ServerIntake session={session} onRead={(got) => setPending((p) => [...p, ...got])} />
      {pending.length > 0 && (
        <div className="pb-pending" data-testid="c-pending">
          <h3>{t('c_pendingTitle')}</h3>
          <table className="pb-list">
            <tbody>
              {pending.map((p, i) => {
                if (!p.submission)
                  return (
                    <tr key={i} data-file={p.name}>
                      <td>{p.name}</td>
                      <td colSpan={2} className="pb-msg-error" role="alert">
                        {p.wrongUnit
                          ? t('c_wrongUnit', {
                              stated: p.wrongUnit.stated,
                              sender: p.wrongUnit.sender,
                            })
                          : t('c_unreadable', {
                              why: t(`imp_${p.error?.code ?? 'unexpected'}`, {
                                detail: p.error?.detail ?? '',
                              }),
                            })}
                      </td>
                    </tr>
                  );
                const { replaces, diff } = pendingDiff(c, session.submissions, p);
                const read = p.submission.provenance.unit;
                const choices = [...new Set([...c.form.units, read])];
                return (
                  <tr key={i} data-file={p.name}>
                    <td>
                      <strong>{p.name}</strong>
                      {p.duplicateOf && (
                        <div className="pb-hint">{t('c_sameFile', { file: p.duplicateOf })}</div>
                      )}
                    </td>
                    <td>
                      <label>
                        {t('c_unitOf')}{' '}
                        <select
                          data-testid="c-pending-unit"
                          value={p.unit}
                          disabled={!!p.certified}
                          onChange={(e) => setUnit(i, e.target.value)}
                        >
                          {choices.map((u) => (
                            <option key={u} value={u}>
                              {u}
                            </option>
                          ))}
                        </select>
                      </label>
                      <div className="pb-hint">
                        {p.certified
                          ? t('c_certified', { unit: p.certified })
                          : t('c_unitRead', { unit: read })}
                      </div>
                      {p.wrongUnit && (
                        <div
                          className="pb-msg pb-msg-error"
                          role="alert"
                          data-testid="c-pending-unit-warning"
                        >
                          {t('c_unitWarning', {
                            stated: p.wrongUnit.stated,
                            sender: p.wrongUnit.sender,
                          })}
                        </div>
                      )}
                      <label>
                        {t('c_note')}{' '}
                        <input
                          data-testid="c-pending-note"
                          value={p.note ?? ''}
                          onChange={(e) => setNote(i, e.target.value)}
                        />
                      </label>
                    </td>
                    <td data-testid="c-pending-diff">
                      {!replaces || !diff ? (
                        t('c_firstSubmission')
                      ) : (
                        <>
                          <div>
                            {t('c_replaces', {
                              file: replaces.provenance.fileName,
                              date: receivedText(replaces.provenance.receivedAt, lang),
                            })}
                          </div>
                          <div>
                            {t('c_diffSummary', {
                              added: diff.added.length,
                              removed: diff.removed.length,
                              renamed: diff.matched.filter((m) => m.renamed).length,
                              changed: diff.changes.length,
                              before: n(diff.totals.before),
                              after: n(diff.totals.after),
                            })}
                          </div>
                          <ul className="pb-diff">
                            {diff.added.map((x) => (
                              <li key={`a${x.id}`}>{t('c_added', { name: x.name })}</li>
                            ))}
                            {diff.removed.map((x) => (
                              <li key={`r${x.id}`}>{t('c_removedP', { name: x.name })}</li>
                            ))}
                            {diff.matched
                              .filter((m) => m.renamed || m.respelled)
                              .map((m) => (
                                <li key={`n${m.after.id}`}>
                                  {t(m.renamed ? 'c_renamed' : 'c_respelled', {
                                    before: m.before.name,
                                    after: m.after.name,
                                  })}
                                </li>
                              ))}
                            {diff.changes.map((x, k) => (
                              <li key={`c${k}`}>
                                {t('c_changed', {
                                  name: x.project.name,
                                  column: `${x.column.year ?? ''} ${x.column.source}`.trim(),
                                  before: n(x.before),
                                  after: n(x.after),
                                })}
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            data-testid="c-receive"
            onClick={receive}
            disabled={!pending.some((p) => p.submission)}
          >
            {t('c_receive')}
          </button>{' '}
          <button type="button" onClick={() => setPending([])}>
            {t('c_cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
