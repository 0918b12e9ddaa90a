/**
 * The grid's half of the edit warm-up (`app/warmEdit.ts` warms the session's): after the engine is
 * built, in idle periods, the rendered cells are refreshed unforced a few times. Nothing changes
 * on screen (AG Grid compares each value and keeps its classes), but the code every edit runs on
 * its redrawn cells (value getters, formatters, class rules, finding and stated-figure marks, the
 * grid's refresh walk) has run and been optimized before the user's first edits, which otherwise
 * paid for it. Its last round marks `pb:warm-grid` (a warm-up cancelled before marks nothing).
 */
import type { GridApi } from 'ag-grid-community';
import { whenIdle } from '../../app/inSteps';
import type { GridItem } from './gridContext';

/** Refreshes of the rendered cells the warm-up runs, one per idle period. */
export const WARM_REFRESHES = 12;

/**
 * Refreshes (unforced) the grid's rendered cells `rounds` times, one per idle period, while
 * `api()` gives a live grid; returns what cancels the rounds left.
 */
export function warmGridWhenIdle(
  api: () => Pick<GridApi<GridItem>, 'isDestroyed' | 'getEditingCells' | 'refreshCells'> | null,
  rounds = WARM_REFRESHES,
): () => void {
  let left = rounds;
  let cancel = () => {};
  const step = () => {
    const a = api();
    if (!a || a.isDestroyed() || left <= 0) return;
    // while an editor is open nothing is refreshed (the round waits for a later idle period)
    if (!a.getEditingCells().length) {
      a.refreshCells();
      left--;
    }
    if (left > 0) cancel = whenIdle(step, 5000);
    // the e2e tests wait for it before an edit whose own redraw they check
    else performance.mark('pb:warm-grid');
  };
  cancel = whenIdle(step, 5000);
  return () => {
    left = 0;
    cancel();
  };
}
