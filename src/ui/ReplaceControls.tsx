/**
 * The replace row of the find bar (Ctrl+H): the replacement, "Thay thế" (the cell the user is on,
 * then the next), "Thay tất cả", the options (case, whole cell), the scope in words and what the
 * last replacement did. Shared by the appendix's find bar and a plain sheet's.
 */
import type { FindShared } from './findStore';
import { useLang } from './i18n';

/** What the replace row reads and drives (see useWorkbookFind, useReplace). */
export interface ReplaceState {
  replacing: boolean;
  replacement: string;
  matchCase: boolean;
  wholeCell: boolean;
  said: string;
  setReplace(p: Partial<FindShared>): void;
  replaceOne(): void;
  replaceAll(): void;
  close(): void;
}

/** The "Thay thế" toggle beside the find field: shows or hides the replace row. */
export function ReplaceToggle({ ff }: { ff: ReplaceState }) {
  const { t } = useLang();
  return (
    <button
      type="button"
      data-testid="replace-toggle"
      aria-pressed={ff.replacing}
      title={t('replaceToggleTitle')}
      onClick={() => ff.setReplace({ replace: !ff.replacing })}
    >
      {t('replaceToggle')}
    </button>
  );
}

/** The replace row, shown while replacing; `filtered`: the sheet on screen shows some rows only. */
export function ReplaceControls({ ff, filtered }: { ff: ReplaceState; filtered?: boolean }) {
  const { t } = useLang();
  if (!ff.replacing) return null;
  return (
    <div className="pb-replace" data-testid="replace-row">
      <input
        type="text"
        aria-label={t('replaceLabel')}
        placeholder={t('replacePlaceholder')}
        data-testid="replace-input"
        value={ff.replacement}
        onChange={(e) => ff.setReplace({ replacement: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            ff.replaceOne();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            ff.close();
          }
        }}
      />
      <button
        type="button"
        data-testid="replace-one"
        title={t('replaceOneTitle')}
        onClick={ff.replaceOne}
      >
        {t('replaceOne')}
      </button>
      <button type="button" data-testid="replace-all" onClick={ff.replaceAll}>
        {t('replaceAll')}
      </button>
      <Option ff={ff} option="matchCase" testId="replace-case" label={t('replaceMatchCase')} />
      <Option ff={ff} option="wholeCell" testId="replace-whole" label={t('replaceWholeCell')} />
      <span className="pb-note" data-testid="replace-scope">
        {t(filtered ? 'replaceScopeFiltered' : 'replaceScopeAll')}
      </span>
      {ff.said && (
        <span role="status" data-testid="replace-said">
          {ff.said}
        </span>
      )}
    </div>
  );
}

/** One option of the replacement (a box bound to the find store's flag). */
function Option(p: {
  ff: ReplaceState;
  option: 'matchCase' | 'wholeCell';
  testId: string;
  label: string;
}) {
  return (
    <label>
      <input
        type="checkbox"
        data-testid={p.testId}
        checked={p.ff[p.option]}
        onChange={(e) => p.ff.setReplace({ [p.option]: e.target.checked })}
      />{' '}
      {p.label}
    </label>
  );
}
