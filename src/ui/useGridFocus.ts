/** The appendix view's focused cell and selection stats, kept so that moving the focus costs React little. */
import { startTransition, useCallback, useRef, useState } from 'react';
import { selectionStats } from '../app/editing';
import { whenIdle } from '../app/inSteps';
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

/** Cells of a selection over which its stats wait for the page's next idle period. */
const STATS_LATER_CELLS = 2000;

/**
 * Sum, count and average of a selected range; a single cell has none and asks React for nothing
 * while none are shown. A large range (a pasted block) is added up in the page's next idle period,
 * after the grid and its totals are drawn; a newer selection cancels a pending one.
 */
export function useSelectionStats(session: WorkbookSession, sheetId: string, moved: () => void) {
  const [stats, setStats] = useState<StatusLineProps['stats']>(null);
  const statsShown = useRef(false);
  const pending = useRef<(() => void) | null>(null);
  const onSelection = useCallback(
    (r: CellRange | null) => {
      moved();
      pending.current?.();
      pending.current = null;
      const single = !r || (r.r0 === r.r1 && r.c0 === r.c1);
      if (single && !statsShown.current) return;
      statsShown.current = !single;
      if (single || !r) return setStats(null);
      const count = (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
      const add = () => setStats(selectionStats(selectionValues(session, sheetId, r)));
      if (count <= STATS_LATER_CELLS) return add();
      pending.current = whenIdle(() => {
        pending.current = null;
        add();
      }, 200);
    },
    [session, sheetId, moved],
  );
  return { stats, onSelection };
}
