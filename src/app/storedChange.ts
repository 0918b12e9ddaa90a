/**
 * What storage must write for a step, read from its delta: the rows changed, added or deleted
 * (with order keys for the rows that came to a new place), the header records that changed.
 */
import type { Delta, SheetDelta } from '../domain/delta';
import { commonEnds } from '../domain/rowIndex';
import type { Id, Row, Workbook } from '../domain/types';
import type { StoredChange } from '../storage/repo';
import { assignOrder, assignOrderBetween, knownInOrder, markInOrder } from './rowOrder';

export { assignOrder };

const isProject = (r: Row | null) => (r?.kind === 'project' ? 1 : 0);

/** Project rows a step added minus those it removed (kinds changed included). */
function projectsAdded(d: Delta): number {
  let n = 0;
  for (const s of d.added) for (const r of s.rows) n += isProject(r);
  for (const s of d.removed) for (const r of s.rows) n -= isProject(r);
  for (const sd of d.sheets) for (const r of sd.rows) n += isProject(r.after) - isProject(r.before);
  return n;
}

/**
 * Whether every row the sheet delta changed or added lies in the stretch `rows` does not share
 * with `prev` at its ends (so only that stretch needs writing).
 */
function changedWithin(sd: SheetDelta, rows: readonly Row[], prev: readonly Row[]): boolean {
  const { head, tail } = commonEnds(prev, rows);
  const stretch = new Set<Id>();
  for (let i = head; i < rows.length - tail; i++) stretch.add(rows[i].id);
  return sd.rows.every((r) => !r.after || stretch.has(r.id));
}

/**
 * The storage change of a step (`d`) from `before` to `after`; updates `order` (row id → key).
 * With `before`, rows moved in a sheet whose keys are known in order cost the stretch they changed.
 */
export function storedChange(
  d: Delta,
  after: Workbook,
  order: Map<Id, string>,
  before?: Workbook,
): StoredChange {
  const change: StoredChange = { putRows: [], deleteRows: [] };
  const put = (sheetId: Id, row: Row) =>
    change.putRows.push({ sheetId, row, order: order.get(row.id)! });
  for (const s of d.removed)
    for (const r of s.rows) {
      change.deleteRows.push({ sheetId: s.id, rowId: r.id });
      order.delete(r.id);
    }
  for (const s of d.added) {
    for (const r of s.rows) order.delete(r.id);
    assignOrder(s.rows, order);
    for (const r of s.rows) put(s.id, r);
  }
  for (const sd of d.sheets) {
    const sheet = after.sheets.find((s) => s.id === sd.sheetId)!;
    const ids = new Set<Id>();
    for (const r of sd.rows) {
      if (r.after) ids.add(r.id);
      else {
        change.deleteRows.push({ sheetId: sd.sheetId, rowId: r.id });
        order.delete(r.id);
      }
    }
    const prev = before?.sheets.find((s) => s.id === sd.sheetId)?.rows;
    if (!sd.order) {
      for (const r of sd.rows) if (r.after) put(sd.sheetId, r.after);
      // the same ids in the same order: what was known in order still is
      if (prev && knownInOrder(prev, order)) markInOrder(sheet.rows, order);
      continue;
    }
    const part =
      prev && changedWithin(sd, sheet.rows, prev)
        ? assignOrderBetween(prev, sheet.rows, order)
        : null;
    if (part) {
      for (const id of part.changed) ids.add(id);
      for (let i = part.from; i < part.to; i++)
        if (ids.has(sheet.rows[i].id)) put(sd.sheetId, sheet.rows[i]);
      continue;
    }
    for (const id of assignOrder(sheet.rows, order)) ids.add(id);
    for (const r of sheet.rows) if (ids.has(r.id)) put(sd.sheetId, r);
  }
  const projects = projectsAdded(d);
  if (projects) change.projects = projects;
  if (d.meta) change.meta = after.meta;
  if (d.sheetList || d.added.length || d.removed.length || d.sheets.some((s) => s.header))
    change.sheets = after.sheets;
  if (d.gridList || d.grids.length || d.gridsAdded.length || d.gridsRemoved.length)
    change.grids = after.grids ?? [];
  return change;
}
