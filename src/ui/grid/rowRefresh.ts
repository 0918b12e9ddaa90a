/**
 * Redraws, after a step, only the cells of the rendered rows that can show something else: AG
 * Grid compares each cell's value and redraws those that changed (their class marks and tips are
 * re-read always); a cell whose raw input changed and may show the same value (a formula typed
 * again: any raw that is not one number replaced by another, which always changes the value) and a
 * section's or total row's stated figure (the computed one beside it may have moved) are redrawn
 * forced, once: a pasted block of numbers is not drawn twice. A row that changed more than its cells (kind, level, remark, a year group's
 * merged figure) is redrawn whole, as before.
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import { isNumericLeaf, leaves } from '../../domain/columns';
import { yearSpans } from '../../domain/policy';
import type { RowChange } from '../../domain/delta';
import type { ColumnNode, Id, Row } from '../../domain/types';
import { type GridCtx, type GridItem, isPinned } from './gridContext';
import { figureKey, statedFigure } from './totalsModel';

/** The leaf columns of a sheet's tree as the refresh reads them (built once per column tree). */
export interface RefreshColumns {
  leafIds: ReadonlySet<Id>;
  numeric: { leaf: ReturnType<typeof leaves>[number]; group: Id | undefined }[];
}

const cache = new WeakMap<ColumnNode[], RefreshColumns>();

/** The sheet's leaf ids and numeric leaves (with their year group, for merged figures). */
export function refreshColumns(columns: ColumnNode[]): RefreshColumns {
  let out = cache.get(columns);
  if (out) return out;
  const ls = leaves(columns);
  const spans = yearSpans(columns);
  out = {
    leafIds: new Set(ls.map((l) => l.id)),
    numeric: ls.filter(isNumericLeaf).map((leaf) => ({ leaf, group: spans.get(leaf.id)?.groupId })),
  };
  cache.set(columns, out);
  return out;
}

/**
 * The leaf ids whose raw cell differs between two versions of a row; null when something besides
 * its cells changed, or a changed key is not a leaf (then the whole row is redrawn).
 */
export function changedCells(before: Row, after: Row, leafIds: ReadonlySet<Id>): Id[] | null {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) {
    if (k === 'cells') continue;
    if (!Object.is(before[k as keyof Row], after[k as keyof Row])) return null;
  }
  const out: Id[] = [];
  const a = before.cells;
  const b = after.cells;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (Object.is(a[k], b[k])) continue;
    if (!leafIds.has(k)) return null;
    out.push(k);
  }
  return out;
}

/**
 * The changed leaves whose value may be the same as before: all but one number replaced by another
 * (whose value, the number, changed, so AG Grid's comparison redraws it already).
 */
export function sameValueMaybe(before: Row, after: Row, changed: readonly Id[]): Id[] {
  return changed.filter(
    (k) => typeof before.cells[k] !== 'number' || typeof after.cells[k] !== 'number',
  );
}

/** The numeric columns where a section or total row shows a figure the plan states. */
export function statedColumns(row: Row, cols: RefreshColumns): Id[] {
  if (row.kind === 'project') return [];
  const out: Id[] = [];
  for (const { leaf, group } of cols.numeric)
    if (statedFigure(row, figureKey(row, leaf, group)) !== undefined) out.push(leaf.id);
  return out;
}

/** Gives a row node its row's new object and redraws what changed (see the file's comment). */
export function updateRow(
  api: GridApi<GridItem>,
  node: IRowNode<GridItem>,
  row: Row,
  cols: RefreshColumns,
): void {
  updateRows(api, [{ node, row }], cols);
}

/**
 * Refreshes forced, in one call per set of columns, the cells of `nodes` named by `columnsOf`
 * (AG Grid walks every rendered cell on each call: a pasted block of 1,000 rows asks a few times,
 * not 1,000).
 */
function forceGrouped(
  api: GridApi<GridItem>,
  nodes: readonly IRowNode<GridItem>[],
  columnsOf: (n: IRowNode<GridItem>) => Id[],
): void {
  grouped(api, nodes, columnsOf, true);
}

/** Refreshes the cells of `nodes` named by `columnsOf`, one call per set of columns. */
function grouped(
  api: GridApi<GridItem>,
  nodes: readonly IRowNode<GridItem>[],
  columnsOf: (n: IRowNode<GridItem>) => Id[],
  force: boolean,
): void {
  const groups = new Map<string, { columns: Id[]; rowNodes: IRowNode<GridItem>[] }>();
  for (const n of nodes) {
    const columns = columnsOf(n);
    if (!columns.length) continue;
    const key = columns.join('\n');
    const g = groups.get(key);
    if (g) g.rowNodes.push(n);
    else groups.set(key, { columns, rowNodes: [n] });
  }
  for (const g of groups.values()) api.refreshCells({ ...g, force });
}

/**
 * Gives each row node its row's new object and redraws what changed (see the file's comment):
 * the forced redraws only for nodes on screen (`rendered`, by node id; all when absent: a row off
 * screen is drawn from its new data when it scrolls in), grouped by their columns.
 */
export function updateRows(
  api: GridApi<GridItem>,
  updates: readonly { node: IRowNode<GridItem>; row: Row }[],
  cols: RefreshColumns,
  rendered?: ReadonlySet<string | undefined>,
): void {
  const forced = new Map<IRowNode<GridItem>, Id[]>();
  for (const { node, row } of updates) {
    const before = node.data as Row | undefined;
    const changed = before && changedCells(before, row, cols.leafIds);
    if (!changed) {
      node.setData(row);
      continue;
    }
    // AG Grid redraws the cells whose value changed ('update' compares, 'set' redraws every cell)
    node.updateData(row);
    if (rendered && !rendered.has(node.id)) continue;
    const force = [
      ...new Set([...sameValueMaybe(before, row, changed), ...statedColumns(row, cols)]),
    ];
    if (force.length) forced.set(node, force);
  }
  forceGrouped(api, [...forced.keys()], (n) => forced.get(n)!);
}

/**
 * The leaf columns to redraw on a row whose computed values changed in `ids` (the engine's
 * changed cells): those shown there, and those where the row has a finding now (its mark follows
 * the figures it compares).
 */
export function shownColumns(
  ids: ReadonlySet<Id>,
  cols: RefreshColumns,
  ctx: GridCtx,
  row: Row,
): Id[] {
  const out = [...ids].filter((id) => cols.leafIds.has(id));
  for (const f of ctx.session.checks.ofRow(ctx.sheetId, row.id)) {
    if (f.colId && cols.leafIds.has(f.colId)) out.push(f.colId);
    // a finding on a year group is marked on its leaves
    for (const { leaf, group } of cols.numeric) if (group === f.colId) out.push(leaf.id);
  }
  return out;
}

/**
 * The leaf columns where a cell of a row the step changed came or went (empty ↔ holding
 * something): a section above may then show blank instead of 0, or 0 instead of blank.
 */
export function presenceChanged(
  e: { delta: { sheets: readonly { sheetId: Id; rows: readonly RowChange[] }[] } },
  sheetId: Id,
  updated: readonly Row[],
  cols: RefreshColumns,
): Id[] {
  if (!updated.length) return [];
  const out = new Set<Id>();
  const held = (v: unknown) => v !== undefined && v !== null && v !== '';
  for (const sd of e.delta.sheets) {
    if (sd.sheetId !== sheetId) continue;
    for (const { before, after } of sd.rows) {
      if (!before || !after) return [...cols.leafIds];
      for (const k of new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]))
        if (held(before.cells[k]) !== held(after.cells[k]) && cols.leafIds.has(k)) out.add(k);
    }
  }
  return [...out];
}

/**
 * Redraws rows whose data is the same object but whose computed figures may have changed: in the
 * columns given (null: every column), AG Grid comparing each cell's value; a section's or total
 * row's stated figures forced.
 */
export function redrawFigures(
  api: GridApi<GridItem>,
  nodes: ReadonlyMap<IRowNode<GridItem>, Id[] | null>,
  cols: RefreshColumns,
): void {
  if (!nodes.size) return;
  const whole = [...nodes.keys()].filter((n) => nodes.get(n) === null);
  if (whole.length) api.refreshCells({ rowNodes: whole });
  grouped(
    api,
    [...nodes.keys()].filter((n) => nodes.get(n) !== null),
    (n) => [...new Set(nodes.get(n))],
    false,
  );
  forceGrouped(api, [...nodes.keys()], (n) =>
    n.data && !isPinned(n.data) ? statedColumns(n.data, cols) : [],
  );
}
