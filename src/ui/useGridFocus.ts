/** The appendix view's focused cell and selection stats, kept so that moving the focus costs React little. */
import { startTransition, useCallback, useRef, useState } from 'react';
import { selectionStats } from '../app/editing';
import type { CellRange } from '../app/selection';
import type { WorkbookSession } from '../app/session';
import { selectionValues } from './displayFigures';
import type { FocusInfo } from './grid/PlanGrid';
import type { StatusLineProps } from './StatusLine';

/** The focused cell: `focusRef` is current at once (the keys read it); `focus` follows as a transition. */
export function useDeferredFocus() {
  const [focus, setFocus] = useState<FocusInfo>({ rowIndex: null, row: null, colId: null });
  const focusRef = useRef(focus);
  const onFocus = useCallback((f: FocusInfo) => {
    focusRef.current = f;
    startTransition(() => setFocus(f));
  }, []);
  return { focus, focusRef, onFocus };
}

/** Sum, count and average of a selected range; a single cell has none and asks React for nothing while none are shown. */
export function useSelectionStats(session: WorkbookSession, sheetId: string, moved: () => void) {
  const [stats, setStats] = useState<StatusLineProps['stats']>(null);
  const statsShown = useRef(false);
  const onSelection = useCallback(
    (r: CellRange | null) => {
      moved();
      const single = !r || (r.r0 === r.r1 && r.c0 === r.c1);
      if (single && !statsShown.current) return;
      statsShown.current = !single;
      setStats(single ? null : selectionStats(selectionValues(session, sheetId, r)));
    },
    [session, sheetId, moved],
  );
  return { stats, onSelection };
}
