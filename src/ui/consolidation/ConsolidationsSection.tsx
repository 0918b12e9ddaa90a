/** The start page's consolidation workbooks: the list, and a new one from a form and its units. */
import { useEffect, useState } from 'react';
import type { ConsolidationSummary } from '../../app/consolidations';
import type { PlanbookApp } from '../../app/services';
import { KNOWN_SOURCES } from '../../domain/sources';
import { useLang } from '../i18n';

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function ConsolidationsSection({ app }: { app: PlanbookApp }) {
  const { t, lang } = useLang();
  const [list, setList] = useState<ConsolidationSummary[] | null>(null);
  const [form, setForm] = useState(() => ({
    title: '',
    firstYear: new Date().getFullYear() + 1,
    years: 3,
    sources: ['ĐTPT', 'SN'],
    unit: 'triệu đồng',
    sections: t('c_defaultSections'),
    units: '',
  }));
  const reload = () => void app.consolidations.list().then(setList);
  useEffect(reload, [app]);

  const create = async () => {
    if (!form.sources.length || form.years < 1 || form.years > 30) return;
    const id = await app.consolidations.create({
      title: form.title || t('c_defaultTitle'),
      unit: form.unit,
      years: Array.from({ length: form.years }, (_, i) => form.firstYear + i),
      sources: form.sources,
      sections: lines(form.sections),
      units: lines(form.units),
    });
    window.location.hash = `#/th/${encodeURIComponent(id)}`;
  };
  const fmtDate = (ms: number) => new Date(ms).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');

  return (
    <section className="pb-consolidations">
      <h2>{t('c_books')}</h2>
      {list && list.length === 0 && <p>{t('c_none')}</p>}
      {!!list?.length && (
        <table className="pb-list" data-testid="consolidation-list">
          <thead>
            <tr>
              <th>{t('title')}</th>
              <th>{t('c_submitted')}</th>
              <th>{t('lastEdited')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id} data-consolidation={c.id}>
                <td>
                  <a href={`#/th/${encodeURIComponent(c.id)}`}>{c.title}</a>
                </td>
                <td>{t('c_expected', { n: c.submitted, total: c.units })}</td>
                <td>{fmtDate(c.updatedAt)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      window.confirm(t('c_confirmRemove', { title: c.title })) &&
                      void app.consolidations.remove(c.id).then(reload)
                    }
                  >
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="pb-new pb-new-consolidation" data-testid="new-consolidation">
        <summary>{t('c_new')}</summary>
        <label>
          {t('c_title')}{' '}
          <input
            data-testid="c-title"
            value={form.title}
            placeholder={t('c_defaultTitle')}
            onChange={(e) => setForm({ ...form, title: e.target.value })}
          />
        </label>
        <label>
          {t('firstYear')}{' '}
          <input
            type="number"
            data-testid="c-first-year"
            value={form.firstYear}
            onChange={(e) => setForm({ ...form, firstYear: Number(e.target.value) })}
          />
        </label>
        <label>
          {t('years')}{' '}
          <input
            type="number"
            min={1}
            max={30}
            data-testid="c-years"
            value={form.years}
            onChange={(e) => setForm({ ...form, years: Number(e.target.value) })}
          />
        </label>
        <fieldset>
          <legend>{t('sources')}</legend>
          {KNOWN_SOURCES.map((s) => (
            <label key={s.code}>
              <input
                type="checkbox"
                checked={form.sources.includes(s.code)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    sources: e.target.checked
                      ? [...form.sources, s.code]
                      : form.sources.filter((x) => x !== s.code),
                  })
                }
              />
              {s.code}
            </label>
          ))}
        </fieldset>
        <label>
          {t('unit')}{' '}
          <input value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value })} />
        </label>
        <label className="pb-block">
          {t('c_sections')}
          <textarea
            rows={4}
            data-testid="c-sections"
            value={form.sections}
            onChange={(e) => setForm({ ...form, sections: e.target.value })}
          />
        </label>
        <label className="pb-block">
          {t('c_units')}
          <textarea
            rows={5}
            data-testid="c-units"
            value={form.units}
            onChange={(e) => setForm({ ...form, units: e.target.value })}
          />
        </label>
        <button type="button" data-testid="c-create" onClick={() => void create()}>
          {t('c_create')}
        </button>
      </details>
    </section>
  );
}
