/**
 * The form panel (*Thông tin biểu mẫu*): the plan's metadata as printed (issuing body on two lines,
 * document type, number, date, place, titles, unit, signer), the tab name, the appendix's columns,
 * and the plan's years and sources. Every change is one undoable step.
 */
import { useState } from 'react';
import type { WorkbookSession } from '../../app/session';
import type { Command } from '../../domain/commands';
import { sheetNameTaken } from '../../domain/formEdit';
import { DOC_TYPES } from '../../domain/formMeta';
import type { DocType, Id, PlanMeta } from '../../domain/types';
import { useLang } from '../i18n';
import type { StringKey } from '../strings';
import { byVersion, useSession } from '../useSession';
import { ColumnsEditor } from './ColumnsEditor';
import { Field } from './Field';
import './form.css';
import { YearsSources } from './YearsSources';

/** Dispatches a form step; a refusal or a bad edit is said in the panel, never thrown. */
export type FormRun = (cmd: Command) => boolean;
/** Shows a message in the panel (null clears it). */
export type FormSay = (key: StringKey | null, params?: Record<string, string | number>) => void;

type MetaText = 'superiorBody' | 'issuingBody' | 'docNumber' | 'docDate' | 'place' | 'title';
type MetaSign = 'unit' | 'signerTitle' | 'signerName';

const TOP: [MetaText, StringKey][] = [
  ['superiorBody', 'form_superiorBody'],
  ['issuingBody', 'form_issuingBody'],
];
const DOC: [MetaText, StringKey][] = [
  ['docNumber', 'form_docNumber'],
  ['docDate', 'form_docDate'],
  ['place', 'form_place'],
  ['title', 'form_planTitle'],
];
const SIGN: [MetaSign, StringKey][] = [
  ['unit', 'form_unit'],
  ['signerTitle', 'form_signerTitle'],
  ['signerName', 'form_signerName'],
];

export function FormPanel(p: {
  session: WorkbookSession;
  sheetId: Id;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useLang();
  const { session } = p;
  useSession(session, byVersion);
  const [msg, setMsg] = useState<string | null>(null);
  const say: FormSay = (key, params) => setMsg(key ? t(key, params) : null);
  const run: FormRun = (cmd) => {
    try {
      const r = session.dispatch(cmd, 'form');
      if (!r.ok) {
        setMsg(r.refusals.map((x) => t(`r_${x.code}`, { detail: x.detail ?? '' })).join(' '));
        return false;
      }
      setMsg(null);
      return true;
    } catch (e) {
      setMsg(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  const wb = session.workbook;
  const sheet = wb.sheets.find((s) => s.id === p.sheetId);
  if (!sheet) return null;
  const meta = wb.meta;
  const setMeta = (k: keyof PlanMeta, v: string) =>
    run({ type: 'setMeta', meta: { ...session.workbook.meta, [k]: v.trim() } });
  const field = ([k, key]: [MetaText | MetaSign, StringKey]) => (
    <Field
      key={k}
      label={t(key)}
      value={meta[k] ?? ''}
      testId={`form-${k}`}
      disabled={p.readOnly}
      onCommit={(v) => setMeta(k, v)}
    />
  );
  const rename = (name: string) => {
    if (!name.trim()) return say('form_nameEmpty');
    if (sheetNameTaken(session.workbook, sheet.id, name))
      return say('form_nameTaken', { name: name.trim() });
    run({ type: 'editPlan', edit: { op: 'renameSheet', sheetId: sheet.id, name } });
  };
  return (
    <aside className="pb-form" data-testid="form-panel" aria-label={t('form_title')}>
      <div className="pb-form-head">
        <strong>{t('form_title')}</strong>
        <button type="button" data-testid="form-close" onClick={p.onClose}>
          {t('form_close')}
        </button>
      </div>
      {msg && (
        <p className="pb-msg pb-msg-error" role="alert" data-testid="form-message">
          {msg}
        </p>
      )}
      {TOP.map(field)}
      <label className="pb-form-field">
        <span>{t('form_docType')}</span>
        <select
          data-testid="form-docType"
          value={meta.docType ?? 'Kế hoạch'}
          disabled={p.readOnly}
          onChange={(e) =>
            run({
              type: 'setMeta',
              meta: { ...session.workbook.meta, docType: e.target.value as DocType },
            })
          }
        >
          {DOC_TYPES.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      </label>
      {DOC.map(field)}
      <Field
        label={t('form_sheetTitle')}
        value={sheet.title}
        testId="form-sheetTitle"
        disabled={p.readOnly}
        onCommit={(title) =>
          run({ type: 'editSheet', sheetId: sheet.id, edit: { op: 'setTitle', title } })
        }
      />
      <Field
        label={t('form_sheetName')}
        value={sheet.name}
        testId="form-sheetName"
        disabled={p.readOnly}
        onCommit={rename}
      />
      {SIGN.map(field)}
      <ColumnsEditor sheet={sheet} meta={meta} readOnly={p.readOnly} run={run} say={say} />
      <YearsSources workbook={wb} readOnly={p.readOnly} run={run} say={say} />
    </aside>
  );
}
