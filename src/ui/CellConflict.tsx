/**
 * The conflict of the selected cell, above the grid: every value written while apart, who wrote
 * it and when, and a button per value to keep it for everyone (the panel's settle path).
 */
import type { WorkbookSync } from '../app/sync';
import type { CollabMark } from './grid/collabMarks';
import { useLang } from './i18n';
import { valueText } from './syncLabels';

export function CellConflict({
  sync,
  mark,
  readOnly,
}: {
  sync: WorkbookSync;
  mark: CollabMark | undefined;
  readOnly: boolean;
}) {
  const { t, lang } = useLang();
  const c = mark?.conflict;
  if (!c) return null;
  const when = (ms: number) => new Date(ms).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <div className="pb-cell-conflict" role="group" data-testid="cell-conflict" data-key={c.key}>
      <span>{t('collabCellConflict')}</span>
      {c.writes.map((w) => (
        <span key={w.id} className="pb-cell-conflict-value">
          <strong>{valueText(w.v, lang, t('syncBlank'))}</strong>{' '}
          <span className="pb-sync-by">{t('syncBy', { who: w.by, time: when(w.at) })}</span>{' '}
          {!readOnly && (
            <button
              type="button"
              data-testid="cell-conflict-keep"
              data-value={String(w.v)}
              onClick={() => sync.settle(c.key, w.v)}
            >
              {t('syncKeep')}
            </button>
          )}
        </span>
      ))}
    </div>
  );
}
