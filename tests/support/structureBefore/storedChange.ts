/**
 * FROZEN (2026-12-02, before #20's structural steps read only the stretch they changed): the
 * storage change of app/storedChange.ts (every row's order key read and sorted per step), the
 * oracle of src/app/structureDelta.test.ts.
 */
import type { Delta } from '../../../src/domain/delta';
import type { Id, Row, Workbook } from '../../../src/domain/types';
import { orderKeys, type StoredChange } from '../../../src/storage/repo';

function keptByOrder(keys: readonly (string | undefined)[]): Set<number> {
  // patience sorting over the defined keys, with back links
  const tails: number[] = [];
  const prev = new Array<number>(keys.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === undefined) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]]! < k) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]) kept.add(i);
  return kept;
}

/** Gives new order keys to the rows of `rows` that are out of order or new; returns their ids. */
function assignOrder(rows: readonly Row[], order: Map<Id, string>): Set<Id> {
  const keys = rows.map((r) => order.get(r.id));
  const kept = keptByOrder(keys);
  const changed = new Set<Id>();
  let i = 0;
  while (i < rows.length) {
    if (kept.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < rows.length && !kept.has(j)) j++;
    const lo = i > 0 ? order.get(rows[i - 1].id)! : null;
    const hi = j < rows.length ? order.get(rows[j].id)! : null;
    const fresh = orderKeys(lo, hi, j - i);
    for (let k = i; k < j; k++) {
      order.set(rows[k].id, fresh[k - i]);
      changed.add(rows[k].id);
    }
    i = j;
  }
  return changed;
}

const isProject = (r: Row | null) => (r?.kind === 'project' ? 1 : 0);

/** Project rows a step added minus those it removed (kinds changed included). */
function projectsAdded(d: Delta): number {
  let n = 0;
  for (const s of d.added) for (const r of s.rows) n += isProject(r);
  for (const s of d.removed) for (const r of s.rows) n -= isProject(r);
  for (const sd of d.sheets) for (const r of sd.rows) n += isProject(r.after) - isProject(r.before);
  return n;
}

/** The storage change of a step from `before` to `after`; updates `order` (row id → key). */
export function storedChangeBefore(
  d: Delta,
  after: Workbook,
  order: Map<Id, string>,
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
    if (!sd.order) {
      for (const r of sd.rows) if (r.after) put(sd.sheetId, r.after);
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
