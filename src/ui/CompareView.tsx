/** A comparison: summary, ambiguous pairs to confirm, changes, added/removed, the adjustment table. */
import type { ComparisonResult } from '../app/comparison';
import type { MatchOverrides } from '../domain/match';
import { formatAmount } from '../domain/numbers';
import { AdjustmentGrid } from './AdjustmentGrid';
import { useLang } from './i18n';
import type { StringKey } from './strings';

const name = (x: { row: { cells: Record<string, unknown> } }) => String(x.row.cells.name ?? '');

export function CompareView(p: {
  result: ComparisonResult;
  overrides: MatchOverrides;
  onOverrides: (o: MatchOverrides) => void;
  onExport: () => void;
}) {
  const { t, lang } = useLang();
  const c = p.result.comparison;
  const fmt = (v: number | string | null) =>
    v === null ? '' : typeof v === 'number' ? formatAmount(v, lang) : v;
  const ambiguous = c.matched.filter((m) => m.ambiguous || m.by === 'similar');
  const repair = (aId: string, choice: string) => {
    const pairs = (p.overrides.pairs ?? []).filter(([a]) => a !== aId);
    const unpaired = (p.overrides.unpaired ?? []).filter((a) => a !== aId);
    if (choice === '') unpaired.push(aId);
    else pairs.push([aId, choice]);
    p.onOverrides({ pairs, unpaired });
  };
  return (
    <section className="pb-compare" data-testid="compare-view">
      <h3>
        {c.a} → {c.b}
      </h3>
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
          before: formatAmount(c.totals.before, lang),
          after: formatAmount(c.totals.after, lang),
          inc: formatAmount(c.totals.increase, lang),
          dec: formatAmount(c.totals.decrease, lang),
        })}
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
      {ambiguous.length > 0 && (
        <>
          <h4>{t('ambiguousMatches')}</h4>
          <ul data-testid="compare-ambiguous">
            {ambiguous.map((m) => (
              <li key={m.a.row.id}>
                {name(m.a)} {t('matchWith')}{' '}
                <select
                  value={m.b.row.id}
                  onChange={(e) => repair(m.a.row.id, e.target.value)}
                  aria-label={t('matchWith')}
                >
                  <option value={m.b.row.id}>{name(m.b)}</option>
                  {c.added.map((b) => (
                    <option key={b.row.id} value={b.row.id}>
                      {name(b)}
                    </option>
                  ))}
                  <option value="">{t('noMatch')}</option>
                </select>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="pb-compare-lists">
        <div>
          <h4>{t('renamedMoved')}</h4>
          <ul data-testid="compare-renamed">
            {!c.matched.some((m) => m.renamed || m.moved) && <li className="pb-none">—</li>}
            {c.matched
              .filter((m) => m.renamed || m.moved)
              .map((m) => (
                <li key={m.a.row.id}>
                  {m.renamed ? `${name(m.a)} → ${name(m.b)}` : name(m.b)}{' '}
                  <em>
                    (
                    {[m.renamed && t('renamedTag'), m.moved && t('movedTag')]
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
              <td className="pb-num">{fmt(d.before)}</td>
              <td className="pb-num">{fmt(d.after)}</td>
              <td>{t(`kind_${d.kind}` as StringKey)}</td>
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
      <AdjustmentGrid table={p.result.table} />
    </section>
  );
}
