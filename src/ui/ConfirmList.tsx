/** Pairs, splits and merges a comparison is not sure of: the user confirms, repairs or refuses them. */
import type { Comparison } from '../domain/compare';
import type { Match, MatchOverrides } from '../domain/match';
import type { ProjectGroup } from '../domain/matchGroups';
import { useLang } from './i18n';

const name = (x: { row: { cells: Record<string, unknown> } }) => String(x.row.cells.name ?? '');

/** The reasons of a pair or group, and how sure, in the user's language. */
export function useWhy(): (x: Pick<Match | ProjectGroup, 'reasons' | 'confidence'>) => string {
  const { t } = useLang();
  return (x) =>
    `${t('confidence', { p: Math.round(x.confidence * 100) })}: ${x.reasons
      .map((r) => t(`reason_${r}`))
      .join(', ')}`;
}

export function ConfirmList(p: {
  comparison: Comparison;
  overrides: MatchOverrides;
  onOverrides: (o: MatchOverrides) => void;
}) {
  const { t } = useLang();
  const why = useWhy();
  const c = p.comparison;
  const o = p.overrides;
  const pairs = c.matched.filter((m) => m.doubtful).sort((x, y) => x.confidence - y.confidence);
  const groups = c.groups.filter((g) => g.doubtful);
  if (!pairs.length && !groups.length) return null;
  const repair = (aId: string, choice: string) => {
    const kept = (o.pairs ?? []).filter(([a]) => a !== aId);
    const unpaired = (o.unpaired ?? []).filter((a) => a !== aId);
    if (choice === '') unpaired.push(aId);
    else kept.push([aId, choice]);
    p.onOverrides({ ...o, pairs: kept, unpaired });
  };
  const add = (field: 'confirmed' | 'ungrouped', id: string) =>
    p.onOverrides({ ...o, [field]: [...(o[field] ?? []), id] });
  const names = (ps: { row: { cells: Record<string, unknown> } }[]) => ps.map(name).join(' + ');
  return (
    <>
      <h4>{t('ambiguousMatches')}</h4>
      <ul data-testid="compare-ambiguous">
        {pairs.map((m) => (
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
            </select>{' '}
            <em className="pb-why">({why(m)})</em>{' '}
            <button type="button" onClick={() => add('confirmed', m.a.row.id)}>
              {t('confirmPair')}
            </button>
          </li>
        ))}
      </ul>
      {groups.length > 0 && (
        <ul data-testid="compare-groups">
          {groups.map((g) => (
            <li key={g.key} data-kind={g.kind}>
              {t(g.kind === 'split' ? 'groupSplit' : 'groupMerge', {
                a: names(g.a),
                b: names(g.b),
              })}{' '}
              <em className="pb-why">({why(g)})</em>{' '}
              <button type="button" onClick={() => add('confirmed', g.key)}>
                {t('confirmPair')}
              </button>{' '}
              <button type="button" onClick={() => add('ungrouped', g.key)}>
                {t('refuseGroup')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
