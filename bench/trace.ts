/** A Chromium trace (CDP Tracing) of what a page does while a bench drives it. */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** One trace event (the fields the benches read). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  /** Wall time, µs. */
  ts: number;
  /** Thread CPU time, µs. */
  tts?: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & {
    name?: string;
    data?: Record<string, unknown>;
    usedHeapSizeBefore?: number;
    usedHeapSizeAfter?: number;
  };
}

/** A trace under way: its CDP session (for profiles beside it) and `stop`, which gives its events. */
export interface Trace {
  cdp: CDPSession;
  stop: () => Promise<TraceEvent[]>;
}

/** Starts tracing `page` with the given categories; the caller detaches `cdp` when done. */
export async function startTrace(
  context: BrowserContext,
  page: Page,
  categories: string[],
): Promise<Trace> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const traced = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: categories },
  });
  return {
    cdp,
    stop: async () => {
      await cdp.send('Tracing.end');
      await traced;
      return events;
    },
  };
}

/** The categories that show a page's main-thread tasks and its user timing marks. */
export const TASK_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'];

/** A main-thread task's trace event, by Chromium version. */
const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The tasks of the renderer's main thread of process `pid` (user timing marks may be on another thread). */
export function mainTasks(events: TraceEvent[], pid: number, fallbackTid: number): TraceEvent[] {
  const named = events.find(
    (e) => e.ph === 'M' && e.args?.name === 'CrRendererMain' && e.pid === pid,
  );
  const tid = named?.tid ?? fallbackTid;
  return events.filter((e) => TASK.has(e.name) && e.ph === 'X' && e.pid === pid && e.tid === tid);
}

/** A task's thread CPU time (its wall time where the trace has none), ms. */
export const taskCpu = (e: TraceEvent): number => (e.tdur ?? e.dur ?? 0) / 1000;
