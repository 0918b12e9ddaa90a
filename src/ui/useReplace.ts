/**
 * The replace actions of the find bar (Ctrl+H): "Thay thế" replaces the cell the user is on (the
 * first one found when none) and goes to the next, "Thay tất cả" every cell of the query in scope
 * (the whole workbook; on a filtered sheet only the rows shown). Each is one undoable step
 * (`app/replace.ts`); what it did is said in the bar and on the status line.
 */
import { useCallback } from 'react';
import { replaceInWorkbook } from '../app/replace';
import type { WorkbookSession } from '../app/session';
import type { FindHit } from '../domain/find';
import type { ReplaceCell } from '../domain/replacePlan';
import type { FindStore } from './findStore';
import { isPinnedId } from './grid/gridContext';
import { useLang } from './i18n';
import { replaceMessage } from './replaceMessage';
import type { StatusLineProps } from './StatusLine';

export interface ReplaceDeps {
  session: WorkbookSession;
  store: FindStore;
  /** The sheet on screen and which of its hits count (a row filter). */
  sheetId: string;
  keep?: (h: FindHit) => boolean;
  /** Goes to the next hit (as Enter in the find field). */
  next: () => void;
  say?: (m: StatusLineProps['message']) => void;
}

/** "Thay thế" and "Thay tất cả" over the find bar's state. */
export function useReplace({ session, store, sheetId, keep, next, say }: ReplaceDeps) {
  const { t, lang } = useLang();
  const run = useCallback(
    (only: FindHit | null) => {
      const { query, replacement, matchCase, wholeCell } = store.get();
      if (!query.trim()) return;
      // a computed total pinned below the rows: no one types there
      const pinned = !!only && isPinnedId(only.rowId);
      const skipped = { computed: pinned ? 1 : 0, formula: 0, numbering: 0 };
      const inScope = (c: ReplaceCell) =>
        only
          ? c.sheetId === only.sheetId && c.rowId === only.rowId && c.colId === only.colId
          : c.sheetId !== sheetId || !keep || keep({ ...c, rowIndex: -1 });
      const r = pinned
        ? { ok: true, replaced: 0, skipped, refused: [] }
        : replaceInWorkbook(session, query, replacement, { matchCase, wholeCell }, lang, inScope);
      const text = replaceMessage(t, r, query);
      store.set({ said: text });
      say?.({ text, kind: r.ok && !r.refused.length ? 'info' : 'error' });
    },
    [session, store, sheetId, keep, lang, t, say],
  );
  const replaceAll = useCallback(() => {
    run(null);
    store.set({ current: null });
  }, [run, store]);
  const replaceOne = useCallback(() => {
    const { current } = store.get();
    if (current) run(current);
    next();
  }, [run, store, next]);
  return { replaceAll, replaceOne };
}
