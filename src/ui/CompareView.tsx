/**
 * A comparison: summary, pairs, splits and merges to confirm, renamed and moved projects, changes,
 * added/removed, the adjustment table.
 */
import { useMemo } from 'react';
import type { ComparisonResult } from '../app/comparison';
import type { MatchOverrides } from '../domain/match';
import type { SheetDisplay } from '../domain/display';
import { compareFigures } from './compareFigures';
import { AdjustmentGrid } from './AdjustmentGrid';
import { ConfirmList } from './ConfirmList';
import { useLang } from './i18n';
import type { StringKey } from './strings';

const name = (x: { row: { cells: Record<string, unknown> } }) => String(x.row.cells.name ?? '');

/**
 * A comparison's view; its figures (in the plan's unit `unit`) are shown in the unit the sheet on
 * screen shows (`display`), said above them as on a form.
 */
export function CompareView(p: {
  result: ComparisonResult;
  unit: string;
  display?: SheetDisplay;
  overrides: MatchOverrides;
  onOverrides: (o: MatchOverrides) => void;
  onExport: () => void;
}) {
  const { t, lang } = useLang();
  const c = p.result.comparison;
  const f = useMemo(() => compareFigures(p.unit, p.display, lang), [p.unit, p.display, lang]);
  const toConfirm =
    c.matched.filter((m) => m.doubtful).length + c.groups.filter((g) => g.doubtful).length;
  const split = c.groups.filter((g) => g.kind === 'split').length;
  return (
    <section className="pb-compare" data-testid="compare-view">
      <h3>
        {c.a} → {c.b}
      </h3>
      {f.unit && (
        <p className="pb-note" data-testid="compare-unit">
          {t('unit_line', { unit: f.unit })}
        </p>
      )}
      <p data-testid="compare-summary">
        {t('compareSummary', {
          matched: c.matched.length,
          renamed: c.matched.filter((m) => m.renamed).length,
          moved: c.matched.filter((m) => m.moved).length,
          added: c.added.length,
          removed: c.removed.length,
          changed: c.changes.length,
        })}{' '}
        {t('totalsLine', {
          before: f.money(c.totals.before),
          after: f.money(c.totals.after),
          inc: f.money(c.totals.increase),
          dec: f.money(c.totals.decrease),
        })}{' '}
        {t('compareGroups', { split, merged: c.groups.length - split, confirm: toConfirm })}
      </p>
      {c.meta.length > 0 && (
        <>
          <h4>{t('metaChanges')}</h4>
          <ul data-testid="compare-meta">
            {c.meta.map((m) => (
              <li key={m.field}>
                {t(`meta_${m.field}` as StringKey)}: {m.before || '—'} → {m.after || '—'}
              </li>
            ))}
          </ul>
        </>
      )}
      <ConfirmList comparison={c} overrides={p.overrides} onOverrides={p.onOverrides} />
      <div className="pb-compare-lists">
        <div>
          <h4>{t('renamedMoved')}</h4>
          <ul data-testid="compare-renamed">
            {!c.matched.some((m) => m.renamed || m.respelled || m.moved) && (
              <li className="pb-none">—</li>
            )}
            {c.matched
              .filter((m) => m.renamed || m.respelled || m.moved)
              .map((m) => (
                <li key={m.a.row.id}>
                  {m.renamed || m.respelled ? `${name(m.a)} → ${name(m.b)}` : name(m.b)}{' '}
                  <em>
                    (
                    {[
                      m.renamed && t('renamedTag'),
                      m.respelled && t('respelledTag'),
                      m.moved &&
                        `${t('movedTag')} ${t('movedFromTo', {
                          from: m.a.sections.join(' / '),
                          to: m.b.sections.join(' / '),
                        })}`,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                    )
                  </em>
                </li>
              ))}
          </ul>
        </div>
        <div>
          <h4>{t('addedProjects')}</h4>
          <ul data-testid="compare-added">
            {!c.added.length && <li className="pb-none">—</li>}
            {c.added.map((x) => (
              <li key={x.row.id}>{name(x)}</li>
            ))}
          </ul>
        </div>
        <div>
          <h4>{t('removedProjects')}</h4>
          <ul data-testid="compare-removed">
            {!c.removed.length && <li className="pb-none">—</li>}
            {c.removed.map((x) => (
              <li key={x.row.id}>{name(x)}</li>
            ))}
          </ul>
          {c.outside.length > 0 && (
            <p className="pb-none" data-testid="compare-outside">
              {t('outsidePart', {
                n: c.outside.length,
                b: c.b,
                sections: [...new Set(c.outside.map((p) => p.sections.join(' / ')))].join('; '),
              })}
            </p>
          )}
        </div>
      </div>
      <h4>{t('changedCells')}</h4>
      <table className="pb-compare-changes" data-testid="compare-changes">
        <thead>
          <tr>
            <th>{t('colProject')}</th>
            <th>{t('colColumn')}</th>
            <th>{t('colBefore')}</th>
            <th>{t('colAfter')}</th>
            <th>{t('colKind')}</th>
          </tr>
        </thead>
        <tbody>
          {c.changes.map((d, k) => (
            <tr key={k} className={`pb-change-${d.kind}`}>
              <td>{name(d.match.b)}</td>
              <td>{d.column.label}</td>
              <td className="pb-num">
                {d.absent === 'a' ? t('columnAbsent') : f.cell(d.column, d.before)}
              </td>
              <td className="pb-num">
                {d.absent === 'b' ? t('columnAbsent') : f.cell(d.column, d.after)}
              </td>
              <td>{t(`kind_${d.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>
        {t('adjustmentTable')}{' '}
        <button type="button" data-testid="export-adjustment" onClick={p.onExport}>
          {t('exportAdjustment')}
        </button>
      </h4>
      <AdjustmentGrid table={p.result.table} money={f.money} />
    </section>
  );
}
