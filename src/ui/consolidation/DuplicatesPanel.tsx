/** Projects two units both submitted: keep both, keep one, or merge them (each an undoable step). */
import type { ConsolidationSession } from '../../app/consolidation';
import { sumOf } from '../../domain/consolidate';
import type { Resolution } from '../../domain/consolidateTypes';
import { moneyText } from '../../domain/displayMoney';
import { useLang } from '../i18n';

export function DuplicatesPanel({ session }: { session: ConsolidationSession }) {
  const { t, lang } = useLang();
  // in the display unit the consolidated grid shows
  const money = moneyText(session.state.form.unit, session.state.display, lang);
  const table = session.table;
  const resolve = (pair: string, resolution: Resolution | null) =>
    session.dispatch({ type: 'resolve', pair, resolution }, t('c_resolveLabel'));
  if (!table.duplicates.length) return <p data-testid="c-duplicates">{t('c_dupNone')}</p>;
  return (
    <section className="pb-duplicates" data-testid="c-duplicates">
      <table className="pb-list">
        <tbody>
          {table.duplicates.map((d) => {
            const a = table.entries.get(d.a)!;
            const b = table.entries.get(d.b)!;
            const r = d.resolution;
            const side = (e: typeof a) => (
              <div>
                <strong>{e.project.name}</strong>
                <div className="pb-hint">
                  {e.unit} — {money(sumOf(e.requested))}
                </div>
              </div>
            );
            const keptUnit = r?.kind === 'keep' ? table.entries.get(r.keep)?.unit : '';
            return (
              <tr key={d.key} data-pair={d.key} data-resolved={r ? r.kind : ''}>
                <td>{side(a)}</td>
                <td>{side(b)}</td>
                <td>
                  {d.same
                    ? t('c_dupSame')
                    : t('c_dupSimilar', { score: Math.round(d.score * 100) })}
                </td>
                <td>
                  {r ? (
                    <>
                      <span data-testid="c-resolution">
                        {r.kind === 'both'
                          ? t('c_resolvedBoth')
                          : r.kind === 'merge'
                            ? t('c_resolvedMerge')
                            : t('c_resolvedKeep', { unit: keptUnit ?? '' })}
                      </span>{' '}
                      <button type="button" onClick={() => resolve(d.key, null)}>
                        {t('c_unresolve')}
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        data-testid="c-keep-both"
                        onClick={() => resolve(d.key, { kind: 'both' })}
                      >
                        {t('c_keepBoth')}
                      </button>{' '}
                      <button
                        type="button"
                        data-testid="c-keep-a"
                        onClick={() => resolve(d.key, { kind: 'keep', keep: d.a })}
                      >
                        {t('c_keepOne', { unit: a.unit })}
                      </button>{' '}
                      <button
                        type="button"
                        data-testid="c-keep-b"
                        onClick={() => resolve(d.key, { kind: 'keep', keep: d.b })}
                      >
                        {t('c_keepOne', { unit: b.unit })}
                      </button>{' '}
                      <button
                        type="button"
                        data-testid="c-merge"
                        onClick={() => resolve(d.key, { kind: 'merge' })}
                      >
                        {t('c_merge')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
