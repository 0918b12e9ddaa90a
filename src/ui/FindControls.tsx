/** The find field, its count and its previous/next/close buttons, shared by every find bar. */
import type { RefObject } from 'react';
import { useLang } from './i18n';

/** What the find controls read and drive: the appendix's find and a plain sheet's. */
export interface FindState {
  input: RefObject<HTMLInputElement | null>;
  query: string;
  setQuery(q: string): void;
  hits: readonly unknown[];
  /** A search still runs (its hits are not all known yet). */
  searching?: boolean;
  index: number;
  prev(): void;
  next(): void;
  close(): void;
}

/** The field (Enter: next, Shift+Enter: previous, Escape: close), the count and the buttons. */
export function FindControls({ ff }: { ff: FindState }) {
  const { t } = useLang();
  return (
    <>
      <input
        ref={ff.input}
        type="search"
        aria-label={t('findLabel')}
        placeholder={t('findPlaceholder')}
        data-testid="find-input"
        value={ff.query}
        onChange={(e) => ff.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (e.shiftKey) ff.prev();
            else ff.next();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            ff.close();
          }
        }}
      />
      <span data-testid="find-count">
        {ff.query.trim()
          ? ff.searching && !ff.hits.length
            ? t('findSearching')
            : ff.hits.length
              ? t('findCount', { i: ff.index >= 0 ? ff.index + 1 : 0, n: ff.hits.length })
              : t('findNone')
          : ''}
      </span>
      <button type="button" title={t('findPrev')} aria-label={t('findPrev')} onClick={ff.prev}>
        ↑
      </button>
      <button type="button" title={t('findNext')} aria-label={t('findNext')} onClick={ff.next}>
        ↓
      </button>
      <button type="button" title={t('findClose')} aria-label={t('findClose')} onClick={ff.close}>
        ✕
      </button>
    </>
  );
}
