/**
 * The conflict of the selected cell, above the grid: every value written while apart, who wrote
 * it and when, and a button per value to keep it for everyone (the panel's settle path). From
 * the keyboard: Alt+K on the cell goes to the first value's button; Esc goes back to the cell.
 */
import { useEffect, useRef } from 'react';
import type { WorkbookSync } from '../app/sync';
import type { CollabMark } from './grid/collabMarks';
import { useLang } from './i18n';
import { valueText } from './syncLabels';

export function CellConflict({
  sync,
  mark,
  readOnly,
  onBack,
}: {
  sync: WorkbookSync;
  mark: CollabMark | undefined;
  readOnly: boolean;
  /** Puts the focus back on the grid's cell. */
  onBack: () => void;
}) {
  const { t, lang } = useLang();
  const c = mark?.conflict;
  const bar = useRef<HTMLDivElement>(null);
  const shown = !!c;
  useEffect(() => {
    if (!shown) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.code !== 'KeyK') return;
      e.preventDefault();
      bar.current?.querySelector<HTMLButtonElement>('button')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shown]);
  if (!c) return null;
  const when = (ms: number) => new Date(ms).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <div
      ref={bar}
      className="pb-cell-conflict"
      role="group"
      data-testid="cell-conflict"
      data-key={c.key}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onBack();
      }}
    >
      <span>{t('collabCellConflict')}</span>
      {c.writes.map((w) => (
        <span key={w.id} className="pb-cell-conflict-value">
          <strong>{valueText(w.v, lang, t('syncBlank'))}</strong>{' '}
          <span className="pb-sync-by">{t('syncBy', { who: w.who, time: when(w.at) })}</span>{' '}
          {!readOnly && (
            <button
              type="button"
              data-testid="cell-conflict-keep"
              data-value={String(w.v)}
              onClick={() => {
                sync.settle(c.key, w.v);
                onBack();
              }}
            >
              {t('syncKeep')}
            </button>
          )}
        </span>
      ))}
    </div>
  );
}
