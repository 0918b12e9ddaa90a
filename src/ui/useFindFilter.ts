/**
 * Find and filter in an appendix's view. Ctrl+F opens the find bar: the query is matched over the
 * whole workbook (every appendix and plain sheet, off-screen rows included; see useWorkbookFind);
 * Enter and Shift+Enter go to the next and previous cell found, switching sheets. Filters (lead
 * unit, section, has findings, changed since a version) choose which rows of the sheet are shown;
 * totals stay those of the whole plan, and the bar says that rows are filtered.
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { WorkbookSession } from '../app/session';
import type { Finding } from '../domain/checks';
import { changedSince } from '../domain/changedSince';
import { type FindHit, filterRows } from '../domain/find';
import type { AppendixSheet } from '../domain/types';
import type { Versions } from '../app/versions';
import { type GridCtx, type GridItem, isPinnedId } from './grid/gridContext';
import { setShown } from './grid/planIndexApi';
import type { StatusLineProps } from './StatusLine';
import { useWorkbookFind } from './useWorkbookFind';

export interface FilterState {
  unit: string;
  section: string;
  findings: boolean;
  /** A revision id: rows changed since it. */
  since: string;
}

export const NO_FILTER: FilterState = { unit: '', section: '', findings: false, since: '' };

/** Whether a filter leaves rows out (any of its criteria set). */
export function filterIsOn(f: FilterState): boolean {
  return !!(f.unit || f.section || f.findings || f.since);
}

/**
 * The ids of the rows there when a filter was set (rows added after stay shown under it); null
 * when no filter is on (nothing to keep apart).
 */
export function filterBaseline(
  f: FilterState,
  rows: readonly { id: string }[],
): Set<string> | null {
  return filterIsOn(f) ? new Set(rows.map((r) => r.id)) : null;
}

export interface FindFilterDeps {
  session: WorkbookSession;
  sheet: AppendixSheet;
  onSheet: (id: string) => void;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
  ctxRef: React.MutableRefObject<GridCtx | null>;
  findings: readonly Finding[];
  versions?: Versions;
  /** Says on the status line what a replacement did. */
  say?: (m: StatusLineProps['message']) => void;
}

export function useFindFilter(d: FindFilterDeps) {
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  const [thenSheet, setThenSheet] = useState<AppendixSheet | undefined>(undefined);
  const { sheet } = d;

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

  // rows added while a filter is on stay shown (the user is working on them); taken only when one
  // is (no pass over a large plan's rows when it opens)
  const baseline = useMemo(
    () => filterBaseline(filter, sheet.rows),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- taken when the filter changes
    [filter, sheet.id],
  );
  const aliases = d.session.workbook.meta.unitAliases;
  const shown = useMemo(() => {
    const withFindings = filter.findings
      ? new Set(d.findings.flatMap((f) => (f.rowId ? [f.rowId] : [])))
      : undefined;
    const changed = filter.since ? changedSince(thenSheet, sheet) : undefined;
    const s = filterRows(sheet, {
      units: filter.unit ? [filter.unit] : undefined,
      aliases,
      sections: filter.section ? [filter.section] : undefined,
      withFindings,
      changed,
    });
    if (s && baseline) for (const r of sheet.rows) if (!baseline.has(r.id)) s.add(r.id);
    return s;
  }, [filter, sheet, d.findings, thenSheet, baseline, aliases]);

  // in the commit that draws the "filtered" mark (before the page paints), so the mark never shows
  // over rows the filter leaves out
  useLayoutEffect(() => {
    const ctx = d.ctxRef.current;
    if (ctx && ctx.sheetId === sheet.id) setShown(d.apiRef.current, ctx, shown);
  }, [shown, sheet.id, d.ctxRef, d.apiRef]);

  // under a filter, only the rows in view of its sheet are found there
  // (the totals pinned below are those of the whole plan, shown under any filter)
  const keep = useMemo(
    () => (shown ? (h: FindHit) => shown.has(h.rowId) || isPinnedId(h.rowId) : undefined),
    [shown],
  );
  const find = useWorkbookFind({
    session: d.session,
    sheetId: sheet.id,
    onSheet: d.onSheet,
    apiRef: d.apiRef,
    ctxRef: d.ctxRef,
    keep,
    say: d.say,
  });

  const filtered = useMemo(() => {
    if (!shown) return null;
    const projects = sheet.rows.filter((r) => r.kind === 'project');
    return { shown: projects.filter((r) => shown.has(r.id)).length, total: projects.length };
  }, [shown, sheet]);
  return {
    ...find,
    open: find.open || !!shown,
    finding: find.open,
    filter,
    setFilter,
    filtered,
    /** The plan's unit aliases (the unit filter groups spellings as the units view does). */
    aliases,
  };
}
