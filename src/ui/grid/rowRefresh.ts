/**
 * Redraws, after a step, only the cells of the rendered rows that can show something else: AG
 * Grid compares each cell's value and redraws those that changed (their class marks and tips are
 * re-read always); a cell whose raw input changed with no change of value (a formula typed again)
 * and a section's or total row's stated figure (the computed one beside it may have moved) are
 * redrawn forced. A row that changed more than its cells (kind, level, remark, a year group's
 * merged figure) is redrawn whole, as before.
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import { isNumericLeaf, leaves } from '../../domain/columns';
import { yearSpans } from '../../domain/policy';
import type { ColumnNode, Id, Row } from '../../domain/types';
import { type GridItem, isPinned } from './gridContext';
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
  const before = node.data as Row | undefined;
  const changed = before && changedCells(before, row, cols.leafIds);
  if (!changed) return node.setData(row);
  // AG Grid redraws the cells whose value changed ('update' compares, 'set' redraws every cell)
  node.updateData(row);
  const force = [...new Set([...changed, ...statedColumns(row, cols)])];
  if (force.length) api.refreshCells({ rowNodes: [node], columns: force, force: true });
}

/** Redraws rows whose data is the same object but whose computed figures may have changed. */
export function redrawFigures(
  api: GridApi<GridItem>,
  nodes: IRowNode<GridItem>[],
  cols: RefreshColumns,
): void {
  if (!nodes.length) return;
  const unique = [...new Set(nodes)];
  api.refreshCells({ rowNodes: unique });
  for (const n of unique) {
    const columns = n.data && !isPinned(n.data) ? statedColumns(n.data, cols) : [];
    if (columns.length) api.refreshCells({ rowNodes: [n], columns, force: true });
  }
}
