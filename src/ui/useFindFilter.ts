/**
 * Find and filter in the workbook view. Ctrl+F opens the find bar: the query is matched over the
 * whole plan (every appendix sheet, off-screen rows included); Enter and Shift+Enter go to the
 * next and previous cell found, switching sheets and scrolling the row into view. Filters (lead
 * unit, section, has findings, changed since a version) choose which rows of the sheet are shown;
 * totals stay those of the whole plan, and the bar says that rows are filtered.
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../domain/checks';
import { changedSince } from '../domain/changedSince';
import { type FindHit, filterRows, findInPlan, nextHit } from '../domain/find';
import type { AppendixSheet, Workbook } from '../domain/types';
import type { Versions } from '../app/versions';
import type { GridCtx, GridItem } from './grid/gridContext';
import { setShown } from './grid/planIndexApi';
import { useFindOpener } from './useFindOpener';

export interface FilterState {
  unit: string;
  section: string;
  findings: boolean;
  /** A revision id: rows changed since it. */
  since: string;
}

export const NO_FILTER: FilterState = { unit: '', section: '', findings: false, since: '' };

export interface FindFilterDeps {
  workbook: Workbook;
  sheet: AppendixSheet;
  onSheet: (id: string) => void;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
  ctxRef: React.MutableRefObject<GridCtx | null>;
  findings: readonly Finding[];
  versions?: Versions;
}

/** Units of the sheet's projects (as written, first spelling), sorted as Vietnamese. */
export function unitsOf(sheet: AppendixSheet): string[] {
  const seen = new Map<string, string>();
  for (const r of sheet.rows) {
    const u = String(r.cells.lead ?? '').trim();
    if (r.kind === 'project' && u && !seen.has(u.toLowerCase())) seen.set(u.toLowerCase(), u);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'vi'));
}

export function useFindFilter(d: FindFilterDeps) {
  const { open, setOpen, input, openFind } = useFindOpener();
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState<FindHit | null>(null);
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  const [thenSheet, setThenSheet] = useState<AppendixSheet | undefined>(undefined);
  const deps = useRef(d);
  deps.current = d;
  const { workbook, sheet } = d;

  // a filter belongs to its sheet
  useEffect(() => setFilter(NO_FILTER), [sheet.id]);

  useEffect(() => {
    let live = true;
    if (!filter.since || !d.versions) setThenSheet(undefined);
    else
      void d.versions.snapshot(filter.since).then((got) => {
        if (live) setThenSheet(got?.workbook.sheets.find((s) => s.id === sheet.id));
      });
    return () => {
      live = false;
    };
  }, [filter.since, d.versions, sheet.id]);

  // rows added while a filter is on stay shown (the user is working on them)
  const baseline = useMemo(
    () => new Set(sheet.rows.map((r) => r.id)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- taken when the filter changes
    [filter, sheet.id],
  );
  const shown = useMemo(() => {
    const withFindings = filter.findings
      ? new Set(d.findings.flatMap((f) => (f.rowId ? [f.rowId] : [])))
      : undefined;
    const changed = filter.since ? changedSince(thenSheet, sheet) : undefined;
    const s = filterRows(sheet, {
      units: filter.unit ? [filter.unit] : undefined,
      sections: filter.section ? [filter.section] : undefined,
      withFindings,
      changed,
    });
    if (s) for (const r of sheet.rows) if (!baseline.has(r.id)) s.add(r.id);
    return s;
  }, [filter, sheet, d.findings, thenSheet, baseline]);

  useEffect(() => {
    const ctx = d.ctxRef.current;
    if (ctx && ctx.sheetId === sheet.id) setShown(d.apiRef.current, ctx, shown);
  }, [shown, sheet.id, d.ctxRef, d.apiRef]);

  const hits = useMemo(() => {
    const all = findInPlan(workbook.sheets, query);
    // under a filter, only the rows in view of its sheet
    return shown ? all.filter((h) => h.sheetId !== sheet.id || shown.has(h.rowId)) : all;
  }, [workbook.sheets, query, shown, sheet.id]);

  /** Puts the grid's focus on a hit (switching sheet first), then gives the focus back to the bar. */
  const show = useCallback(
    (h: FindHit) => {
      setCurrent(h);
      if (h.sheetId !== deps.current.sheet.id) deps.current.onSheet(h.sheetId);
      const t0 = performance.now();
      const go = () => {
        const api = deps.current.apiRef.current;
        const ctx = deps.current.ctxRef.current;
        if (!api || !ctx || ctx.sheetId !== h.sheetId || api.isDestroyed()) {
          if (performance.now() - t0 < 3000) setTimeout(go, 30);
          return;
        }
        const i = ctx.index.get(h.rowId);
        if (i === undefined) return;
        api.ensureIndexVisible(i, 'middle');
        api.ensureColumnVisible(h.colId);
        api.setFocusedCell(i, h.colId);
        input.current?.focus();
      };
      go();
    },
    [input],
  );

  const step = useCallback(
    (back: boolean) => {
      const order = deps.current.workbook.sheets.map((s) => s.id);
      const from = current ?? null;
      const h = nextHit(hits, from, order, back);
      if (h) show(h);
    },
    [hits, current, show],
  );

  const close = useCallback(() => {
    setOpen(false);
    setQuery('');
    setCurrent(null);
    const api = deps.current.apiRef.current;
    const f = api?.getFocusedCell();
    if (api && f) api.setFocusedCell(f.rowIndex, f.column.getColId());
  }, [setOpen]);

  const index = current ? hits.findIndex((h) => h === current || sameHit(h, current)) : -1;
  const projects = sheet.rows.filter((r) => r.kind === 'project');
  return {
    open: open || !!shown,
    finding: open,
    openFind,
    query,
    setQuery: (q: string) => {
      setQuery(q);
      setCurrent(null);
    },
    hits,
    index,
    next: () => step(false),
    prev: () => step(true),
    close,
    input,
    filter,
    setFilter,
    filtered: shown
      ? { shown: projects.filter((r) => shown.has(r.id)).length, total: projects.length }
      : null,
  };
}

function sameHit(a: FindHit, b: FindHit): boolean {
  return a.sheetId === b.sheetId && a.rowId === b.rowId && a.colId === b.colId;
}
