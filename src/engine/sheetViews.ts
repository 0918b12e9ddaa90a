/**
 * The unit and year views of an appendix sheet as the app and the CLI read them: what the views
 * show, computed by the engine's formulas, and keeping them in step with edits.
 */
import { leaves } from '../domain/columns';
import { amountsEqual, clean } from '../domain/numbers';
import type { AppendixSheet, Id, PlanMeta, Workbook } from '../domain/types';
import { type UnitGroup, unitGroups } from '../domain/units';
import { unitAmountSums } from './unitSums';
import type { PlanViews, YearField } from './views';

/** One row of the unit view. */
export interface UnitRow {
  key: string;
  name: string;
  spellings: string[];
  exact: string[];
  count: number;
  /** Sum per amount column id. */
  amounts: Record<string, number>;
  total: number;
  /** Row indexes of the unit's projects. */
  rows: number[];
}

/** One row of the year view: per source and for all sources. */
export interface YearRow {
  year: number;
  bySource: Record<
    string,
    {
      amount: number;
      share: number;
      cumulative: number;
      ceiling: number | null;
      gap: number | null;
      over: boolean;
    }
  >;
  all: { amount: number; share: number; cumulative: number };
}

/** Which amount column holds a year and source. */
export function amountColumn(
  sheet: AppendixSheet,
  year: number,
  source: string,
): string | undefined {
  return leaves(sheet.columns).find(
    (l) => l.role === 'amount' && l.year === year && l.source === source,
  )?.id;
}

/** Everything the view components read, over one session's engine. */
export class SheetViews {
  private groups = new Map<Id, UnitGroup[]>();

  constructor(
    private readonly views: () => PlanViews,
    private readonly wb: () => Workbook,
    /** A cell's computed value (the export reads unit figures from it, without the view). */
    readonly value: (sheetId: Id, row: number, colId: Id) => unknown = () => null,
  ) {}

  /** Forgets the built views (the engine was reloaded). */
  reset(): void {
    this.groups.clear();
  }

  private sheet(id: Id): AppendixSheet {
    return this.wb().sheets.find((s) => s.id === id)!;
  }

  /** The units of a sheet as they are now. */
  unitGroups(sheetId: Id): UnitGroup[] {
    return unitGroups(this.sheet(sheetId), this.wb().meta);
  }

  /** Whether the unit view can be shown now. */
  unitsReady(sheetId: Id): boolean {
    return this.views().unitsReady(sheetId) && this.groups.has(sheetId);
  }

  /** Steps that build the unit view (run them in idle moments, or all at once). */
  *prepareUnits(sheetId: Id): Generator<void, void> {
    const groups = this.unitGroups(sheetId);
    this.groups.set(sheetId, groups);
    yield;
    yield* this.views().buildUnits(sheetId, groups);
  }

  /** The unit view's rows (empty until it is built). */
  unitRows(sheetId: Id): UnitRow[] {
    const groups = this.groups.get(sheetId);
    if (!groups || !this.views().unitsReady(sheetId)) return [];
    const v = this.views();
    const amountIds = leaves(this.sheet(sheetId).columns)
      .filter((l) => l.role === 'amount')
      .map((l) => l.id);
    return groups.map((g, u) => ({
      key: g.key,
      name: g.name,
      spellings: g.spellings,
      exact: g.exact,
      rows: g.rows,
      count: v.unit(sheetId, u, 'count'),
      amounts: Object.fromEntries(amountIds.map((id) => [id, v.unit(sheetId, u, id)])),
      total: v.unit(sheetId, u, 'total'),
    }));
  }

  /** The year view's rows (built on first use: it is cheap). */
  yearRows(sheetId: Id): YearRow[] {
    const v = this.views();
    const meta = this.wb().meta;
    if (!v.yearsReady(sheetId)) v.buildYears(sheetId, meta.ceilings ?? {});
    const sheet = this.sheet(sheetId);
    const years = [
      ...new Set(
        leaves(sheet.columns).flatMap((l) => (l.role === 'amount' && l.year ? [l.year] : [])),
      ),
    ].sort();
    const sources = [
      ...new Set(
        leaves(sheet.columns).flatMap((l) => (l.role === 'amount' && l.source ? [l.source] : [])),
      ),
    ];
    const get = (y: number, s: string | null, f: YearField) => v.year(sheetId, y, s, f);
    return years.map((year) => ({
      year,
      bySource: Object.fromEntries(
        sources.map((s) => {
          const amount = get(year, s, 'amount') ?? 0;
          const ceiling = get(year, s, 'ceiling');
          return [
            s,
            {
              amount,
              share: get(year, s, 'share') ?? 0,
              cumulative: get(year, s, 'cumulative') ?? 0,
              ceiling,
              gap: ceiling === null ? null : get(year, s, 'gap'),
              over: ceiling !== null && amount > ceiling && !amountsEqual(amount, ceiling),
            },
          ];
        }),
      ),
      all: {
        amount: get(year, null, 'amount') ?? 0,
        share: get(year, null, 'share') ?? 0,
        cumulative: get(year, null, 'cumulative') ?? 0,
      },
    }));
  }

  /**
   * After a step: keeps the views in step. Lead edits and row changes rewrite the helper column;
   * a unit the view does not know, or new aliases, call for a rebuild (`stale`); new ceilings are
   * written straight in.
   */
  afterStep(touches: (sheetId: Id) => boolean, before: PlanMeta): { stale: Id[] } {
    const wb = this.wb();
    const stale: Id[] = [];
    const v = this.views();
    const aliasesChanged =
      before.unitAliases !== wb.meta.unitAliases &&
      JSON.stringify(before.unitAliases ?? {}) !== JSON.stringify(wb.meta.unitAliases ?? {});
    for (const sheetId of [...this.groups.keys()]) {
      if (!wb.sheets.some((s) => s.id === sheetId)) {
        this.groups.delete(sheetId);
        continue;
      }
      if (!aliasesChanged && !touches(sheetId)) continue;
      const groups = this.unitGroups(sheetId);
      // a view the step dropped (the sheet was built again for new columns) is built again too
      if (aliasesChanged || !v.hasUnits(sheetId) || !v.syncUnits(sheetId, groups))
        stale.push(sheetId);
      else this.groups.set(sheetId, mergeRows(this.groups.get(sheetId)!, groups));
    }
    const ceilings = wb.meta.ceilings ?? {};
    if (
      before.ceilings !== wb.meta.ceilings &&
      JSON.stringify(before.ceilings ?? {}) !== JSON.stringify(ceilings)
    )
      for (const s of wb.sheets) if (v.yearsReady(s.id)) v.buildYears(s.id, ceilings);
    return { stale };
  }
}

/** The view's groups (in the built order) with their current rows. */
function mergeRows(built: UnitGroup[], now: UnitGroup[]): UnitGroup[] {
  const byKey = new Map(now.map((g) => [g.key, g]));
  return built.map((g) => byKey.get(g.key) ?? { ...g, rows: [] });
}

/** The views of a sheet as the exporter needs them (builds the unit view if it is not yet). */
export function viewsForExport(views: SheetViews, sheet: AppendixSheet) {
  const amountIds = leaves(sheet.columns)
    .filter((l) => l.role === 'amount')
    .map((l) => l.id);
  const sources = [
    ...new Set(
      leaves(sheet.columns).flatMap((l) => (l.role === 'amount' && l.source ? [l.source] : [])),
    ),
  ];
  return {
    sheetId: sheet.id,
    sources,
    // the unit figures straight from the computed cells: the same sums as the view's formulas,
    // without waiting for the view (it may still be building, or never be, on the command line)
    units: views.unitGroups(sheet.id).map((g) => {
      const amounts = unitAmountSums(sheet, g.rows, amountIds, (r, id) =>
        views.value(sheet.id, r, id),
      ).map(clean);
      return {
        name: g.name,
        exact: g.exact,
        count: g.rows.length,
        amounts,
        total: clean(amounts.reduce((a, x) => a + x, 0)),
      };
    }),
    years: views.yearRows(sheet.id).map((y) => ({
      year: y.year,
      bySource: sources.map((s) => y.bySource[s]),
      all: y.all,
    })),
  };
}
