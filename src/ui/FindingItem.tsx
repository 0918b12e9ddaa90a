/** One finding of the checks panel: its rule, row, figures, and the user's actions on it. */
import { memo, useState } from 'react';
import type { Finding } from '../domain/checks';
import { formatAmount } from '../domain/numbers';
import { useLang } from './i18n';
import type { StringKey } from './strings';

/** The translation key of a rule's name. */
export function ruleKey(rule: Finding['rule']): StringKey {
  return `rule_${rule.replace(/-/g, '_')}` as StringKey;
}

/** The translation key of a finding's severity as the user should read it. */
function severityKey(f: Finding): StringKey {
  if (f.why === 'partial' || f.why === 'inferred') return 'sev_verify';
  if (f.why === 'note') return 'sev_note';
  return f.severity === 'error' ? 'sev_error' : 'sev_warning';
}

export interface CheckActions {
  /** Marks a finding explained with a note (an empty note takes it back). */
  onExplain: (f: Finding, note: string) => void;
  /** Switches off the rules that check the finding's column. */
  onRulesOff: (f: Finding) => void;
  /** Marks the finding's column as never added up. */
  onNotAdditive: (f: Finding) => void;
  /** Whether the finding's stated figure (a section's, a total row's) can take the computed one. */
  canAcceptComputed?: (f: Finding) => boolean;
  /** Clears the finding's stated figure: the row follows its rows from then on. */
  onAcceptComputed?: (f: Finding) => void;
  /** Clears every figure the sheet's sections and total rows state (one undoable step). */
  onAcceptAllComputed?: () => void;
}

/**
 * A finding as a list item: a click selects its cell; its actions under it. Rendered again only
 * when one of its props changed (`row`: its row number as shown), so an edit re-renders the
 * findings it changed, not every one in view.
 */
export const FindingItem = memo(function FindingItem({
  f,
  row,
  onSelect,
  actions,
  figure,
  unit,
}: {
  f: Finding;
  /** The finding's row number as shown ('' for a finding of the plan). */
  row: string;
  onSelect: (f: Finding) => void;
  actions?: CheckActions;
  figure?: (x: number, colId: string | null) => string;
  unit?: string;
}) {
  const { t, lang } = useLang();
  const a = (x: number) => (figure ? figure(x, f.colId) : formatAmount(x, lang));
  const [note, setNote] = useState<string | null>(null);
  const explained = f.explained !== undefined;
  return (
    <li className={explained ? 'pb-finding-explained' : undefined}>
      <button
        type="button"
        className={`pb-finding pb-finding-${f.severity}`}
        data-testid="finding"
        data-rule={f.rule}
        data-row={f.rowId ?? ''}
        data-col={f.colId ?? ''}
        onClick={() => onSelect(f)}
      >
        <span className="pb-finding-rule">
          {t(ruleKey(f.rule))} · {t(severityKey(f))}
          {f.scope ? ` · ${f.scope}` : ''}
        </span>
        <span className="pb-finding-label">
          {row} {f.label}
        </span>
        <span className="pb-finding-nums">
          {t('col_stated')} {a(f.expected)} · {t('col_computed')} {a(f.actual)} · {t('col_diff')}{' '}
          {a(f.actual - f.expected)}
          {unit ? ` (${unit})` : ''}
        </span>
        {f.from && (
          <span className="pb-finding-from">
            {t(`from_${f.from.replace(' ', '_')}` as StringKey)}
          </span>
        )}
        {explained && (
          <span className="pb-finding-note" data-testid="finding-note">
            {t('explainedAs')}: {f.explained}
          </span>
        )}
      </button>
      {actions && f.rowId !== null && (
        <div className="pb-finding-actions">
          {note === null ? (
            <>
              <button
                type="button"
                data-testid="finding-explain"
                onClick={() => setNote(f.explained ?? '')}
              >
                {t(explained ? 'explainEdit' : 'explain')}
              </button>
              {actions.onAcceptComputed && actions.canAcceptComputed?.(f) && (
                <button
                  type="button"
                  data-testid="finding-accept-computed"
                  title={t('acceptComputedHint', { computed: a(f.actual), stated: a(f.expected) })}
                  onClick={() => actions.onAcceptComputed?.(f)}
                >
                  {t('acceptComputed')}
                </button>
              )}
              {f.colId && (
                <>
                  <button
                    type="button"
                    data-testid="finding-rules-off"
                    onClick={() => actions.onRulesOff(f)}
                  >
                    {t('rulesOff')}
                  </button>
                  <button
                    type="button"
                    data-testid="finding-not-additive"
                    onClick={() => actions.onNotAdditive(f)}
                  >
                    {t('notAdditive')}
                  </button>
                </>
              )}
            </>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                actions.onExplain(f, note);
                setNote(null);
              }}
            >
              <input
                data-testid="finding-note-input"
                aria-label={t('explainNote')}
                placeholder={t('explainNote')}
                value={note}
                autoFocus
                onChange={(e) => setNote(e.target.value)}
                onKeyDown={(e) => e.key === 'Escape' && setNote(null)}
              />
              <button type="submit" data-testid="finding-note-save">
                {t('saveNote')}
              </button>
            </form>
          )}
        </div>
      )}
    </li>
  );
});
