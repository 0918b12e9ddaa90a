/** The plan's years and capital sources in the form panel: added and removed in every appendix. */
import { useState } from 'react';
import { columnsOfPlanEdit, figuresIn, sourceDef, type PlanEdit } from '../../domain/formEdit';
import { canonicalSource } from '../../domain/sources';
import type { Workbook } from '../../domain/types';
import { useLang } from '../i18n';
import type { FormRun, FormSay } from './FormPanel';

export function YearsSources(p: {
  workbook: Workbook;
  readOnly: boolean;
  run: FormRun;
  say: FormSay;
}) {
  const { t } = useLang();
  const { workbook: wb, run, say } = p;
  const [year, setYear] = useState('');
  const [source, setSource] = useState('');
  const edit = (e: PlanEdit) => run({ type: 'editPlan', edit: e });
  /** Removes a year or a source, asking first when its columns hold figures. */
  const remove = (e: PlanEdit) => {
    const n = wb.sheets.reduce((k, s) => k + figuresIn(s, columnsOfPlanEdit(s, e)), 0);
    if (n && !window.confirm(t('form_confirmRemove', { n }))) return;
    edit(e);
  };
  const addYear = () => {
    const y = Number(year.trim());
    if (!/^\d{4}$/.test(year.trim())) return say('form_badYear');
    if (wb.meta.years.includes(y)) return say('form_yearTaken', { year: y });
    if (edit({ op: 'addYear', year: y })) setYear('');
  };
  const addSource = () => {
    const code = canonicalSource(source) ?? source.trim();
    if (!code) return say('form_badSource');
    if (wb.meta.sources.some((s) => s.code === code))
      return say('form_sourceTaken', { source: code });
    if (edit({ op: 'addSource', source: sourceDef(code) })) setSource('');
  };
  return (
    <section data-testid="form-years">
      <h3>{t('form_yearsSources')}</h3>
      <div className="pb-form-chips">
        {wb.meta.years.map((y) => (
          <button
            key={y}
            type="button"
            data-testid={`form-remove-year-${y}`}
            title={t('form_removeYear', { year: y })}
            disabled={p.readOnly || wb.meta.years.length < 2}
            onClick={() => remove({ op: 'removeYear', year: y })}
          >
            {y} ×
          </button>
        ))}
      </div>
      <div className="pb-form-add">
        <input
          value={year}
          inputMode="numeric"
          placeholder="2026"
          aria-label={t('form_addYear')}
          data-testid="form-year-input"
          onChange={(e) => setYear(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && addYear()}
        />
        <button type="button" data-testid="form-add-year" disabled={p.readOnly} onClick={addYear}>
          {t('form_addYear')}
        </button>
      </div>
      <div className="pb-form-chips">
        {wb.meta.sources.map((s) => (
          <button
            key={s.code}
            type="button"
            data-testid={`form-remove-source-${s.code}`}
            title={t('form_removeSource', { source: s.code })}
            disabled={p.readOnly || wb.meta.sources.length < 2}
            onClick={() => remove({ op: 'removeSource', code: s.code })}
          >
            {s.code} ×
          </button>
        ))}
      </div>
      <div className="pb-form-add">
        <input
          value={source}
          placeholder={t('form_sourceCode')}
          aria-label={t('form_sourceCode')}
          data-testid="form-source-input"
          onChange={(e) => setSource(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && addSource()}
        />
        <button
          type="button"
          data-testid="form-add-source"
          disabled={p.readOnly}
          onClick={addSource}
        >
          {t('form_addSource')}
        </button>
      </div>
    </section>
  );
}
