/**
 * Builds the unit view of a sheet in the background, one step per idle moment, so that switching
 * to it is immediate; rebuilds it when units are merged or a new unit appears.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { whenIdle } from '../app/inSteps';
import type { WorkbookSession } from '../app/session';

const idle = (fn: () => void): (() => void) => whenIdle(fn, 500);

/** Whether the unit view of `sheetId` is ready; `hurry()` runs the remaining steps back to back. */
export function useViewBuilder(session: WorkbookSession, sheetId: string | null) {
  const [ready, setReady] = useState(false);
  const job = useRef<{
    steps: Generator<void, void>;
    fast: boolean;
    cancel?: () => void;
    run?: () => void;
  } | null>(null);

  const start = useCallback(() => {
    job.current?.cancel?.();
    if (!sheetId || !session.workbook.sheets.some((s) => s.id === sheetId)) return;
    setReady(false);
    const me = { steps: session.views.prepareUnits(sheetId), fast: false } as NonNullable<
      typeof job.current
    >;
    job.current = me;
    const step = () => {
      if (job.current !== me) return;
      if (me.steps.next().done) {
        job.current = null;
        performance.mark('pb:views-ready');
        setReady(true);
        return;
      }
      me.cancel = me.fast
        ? (() => {
            const h = setTimeout(step, 0);
            return () => clearTimeout(h);
          })()
        : idle(step);
    };
    me.run = step;
    me.cancel = idle(step);
  }, [session, sheetId]);

  useEffect(() => {
    let waiting: ReturnType<typeof setTimeout> | undefined;
    // start once the grid is on screen (never compete with opening the workbook)
    const mounted = performance.now();
    const later = (tries = 0) => {
      const shown = performance
        .getEntriesByName('pb:grid-ready')
        .some((e) => e.startTime >= mounted - 50);
      // and once the engine is built (a large workbook builds it after its grid is shown)
      if (shown || tries > 25) void session.whenEngineReady().then(() => live && start());
      else waiting = setTimeout(() => later(tries + 1), 200);
    };
    let live = true;
    if (sheetId && session.engineReady && session.views.unitsReady(sheetId)) setReady(true);
    else later();
    const off = session.subscribe((e) => {
      if (sheetId && (e.kind === 'reload' || e.viewsStale.includes(sheetId))) start();
    });
    return () => {
      live = false;
      clearTimeout(waiting);
      off();
      job.current?.cancel?.();
      job.current = null;
    };
  }, [session, sheetId, start]);

  const hurry = useCallback(() => {
    const j = job.current;
    if (!j || j.fast) return;
    j.fast = true;
    j.cancel?.();
    const h = setTimeout(() => j.run?.(), 0);
    j.cancel = () => clearTimeout(h);
  }, []);
  return { ready, hurry };
}
