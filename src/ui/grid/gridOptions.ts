/** The look and the fixed options of Planbook's grids (registered once, shared by every grid). */
import {
  AllCommunityModule,
  ColumnAutoSizeModule,
  type Module,
  ModuleRegistry,
  PaginationModule,
  PaginationPageNumbersModule,
  type RowClassParams,
  themeQuartz,
} from 'ag-grid-community';
import { type GridItem, isPinned } from './gridContext';

/**
 * Modules left out of every community module. Column autosize: registered, it makes ag-grid-react
 * start one timer per row whose data changes (1,000 for a pasted block); the double-click fit of a
 * column's edge is Planbook's own (columnFit.ts). Pagination (no grid pages its rows): registered,
 * its hidden panel rewrote its row counts on every model change, 7 % of the open's main thread at
 * 100,000 projects (bench/profileApp.ts open).
 */
export const leftOutModules: readonly Module[] = [
  ColumnAutoSizeModule,
  PaginationModule,
  PaginationPageNumbersModule,
];

/** Every community module but those left out. */
export const gridModules = (AllCommunityModule.dependsOn ?? []).filter(
  (m) => !leftOutModules.includes(m),
);
ModuleRegistry.registerModules(gridModules);

/** The grids' theme: the plan's serif font, 30 px rows. */
export const theme = themeQuartz.withParams({
  fontFamily: '"Times New Roman", "Liberation Serif", serif',
  fontSize: 14,
  headerFontWeight: 700,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 5,
  wrapperBorderRadius: 0,
});

/** A row's AG Grid id: the plan row's id (or the pinned total's). */
export const getRowId = (r: { data: GridItem }) => r.data.id;

/** A row's classes: its kind and level, or a pinned total's. */
export const getRowClass = (r: RowClassParams<GridItem>) => {
  const d = r.data;
  if (!d || isPinned(d)) return d?.source === null ? 'pb-pinned pb-grand' : 'pb-pinned';
  return `pb-${d.kind} pb-level-${Math.min(d.level, 4)}`;
};

/** Rows stay in plan order: no sorting, no column dragging (indexes are the plan's own). */
export const defaultColDef = { sortable: false, suppressMovable: true } as const;
