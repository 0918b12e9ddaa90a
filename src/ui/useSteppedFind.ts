/**
 * Find over the whole workbook without blocking typing: the appendices are searched in steps of
 * a few milliseconds (a 100,000-project plan's first search builds every row's forms, ~2 s), the
 * hits shown when the search is done; after an edit the same query is searched again in steps
 * while the hits from before stay shown. `settle` finishes a search now (Enter wants its hits).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type FindHit, findSteps, finish } from '../domain/find';
import type { TotalsReader } from '../domain/findTotals';
import { findInGrid } from '../domain/gridFind';
import { fold } from '../domain/sources';
import type { Id, Workbook } from '../domain/types';
import { plainHit } from '../domain/workbookFind';

/** Milliseconds of searching before the page gets the thread back. */
const SLICE_MS = 8;

interface Job {
  steps: Generator<void, FindHit[], void>;
  done: (appendixHits: FindHit[]) => FindHit[];
}

/**
 * The hits of `query` over the workbook, searched in steps; `searching` while one runs. `value`:
 * an appendix cell's computed figure (sums and formulas are found as shown), `planUnit` the
 * plan's unit (a sheet shown in another unit is found as shown), `totals` the pinned totals'.
 */
export function useSteppedFind(
  wb: Pick<Workbook, 'sheets' | 'grids'>,
  query: string,
  gridValue: (gridId: Id, r: number, c: number) => unknown,
  appendix: {
    value: (sheetId: Id, row: number, colId: Id) => unknown;
    planUnit: string;
    totals?: TotalsReader;
  },
): { hits: FindHit[]; searching: boolean; settle: () => FindHit[] } {
  const [state, setState] = useState<{ hits: FindHit[]; query: string; searching: boolean }>({
    hits: [],
    query: '',
    searching: false,
  });
  const job = useRef<Job | null>(null);
  const value = useRef(gridValue);
  value.current = gridValue;
  const computed = useRef(appendix.value);
  computed.current = appendix.value;
  const totals = useRef(appendix.totals);
  totals.current = appendix.totals;
  const { planUnit } = appendix;
  const { sheets, grids } = wb;

  useEffect(() => {
    if (!fold(query)) {
      job.current = null;
      setState({ hits: [], query, searching: false });
      return undefined;
    }
    // plain sheets are small: searched at the end, at once
    const done = (found: FindHit[]) => {
      const out = found.slice();
      for (const g of grids ?? [])
        for (const h of findInGrid(g, query, (r, c) => value.current(g.id, r, c)))
          out.push(plainHit(g.id, h.r, h.c));
      return out;
    };
    const steps = findSteps(sheets, query, {
      value: (sheetId, row, colId) => computed.current(sheetId, row, colId),
      planUnit,
      // the totals pinned below a sheet without a Tổng cộng row are found as shown too
      totals: totals.current && {
        sources: (sheetId) => totals.current?.sources(sheetId) ?? [],
        value: (sheetId, source, colId) => totals.current?.value(sheetId, source, colId),
      },
    });
    const me: Job = { steps, done };
    job.current = me;
    const channel = new MessageChannel();
    const slice = () => {
      if (job.current !== me) return;
      const t0 = performance.now();
      for (;;) {
        const n = me.steps.next();
        if (n.done) {
          job.current = null;
          setState({ hits: me.done(n.value), query, searching: false });
          return;
        }
        if (performance.now() - t0 > SLICE_MS) break;
      }
      channel.port2.postMessage(null);
    };
    channel.port1.onmessage = slice;
    // the hits of this query from before an edit stay shown while it is searched again
    setState((s) =>
      s.query === query ? { ...s, searching: true } : { hits: [], query, searching: true },
    );
    slice();
    return () => {
      if (job.current === me) job.current = null;
      channel.port1.close();
    };
  }, [sheets, grids, query, planUnit]);

  const settle = useCallback((): FindHit[] => {
    const me = job.current;
    if (!me) return state.hits;
    job.current = null;
    const hits = me.done(finish(me.steps));
    setState({ hits, query, searching: false });
    return hits;
  }, [state.hits, query]);

  return { hits: state.query === query ? state.hits : [], searching: state.searching, settle };
}
