/**
 * A step's delta applied onto a workbook that may have moved on since the delta was read: an
 * undo or redo in a shared workbook, after other people's steps arrived. Only what the delta
 * changed is changed, and only where the workbook still holds what the delta found; everything
 * else (another person's cells of the same row, rows they added, rows they removed, their later
 * value of the same cell) is kept as it is. On the workbook the delta was read from it gives
 * exactly `applyDelta` (the delta itself is used).
 */
import {
  applyDelta,
  type Delta,
  diffWorkbooks,
  type GridDelta,
  patchGrid,
  patchSheet,
  type SheetDelta,
} from './delta';
import { indexOfRows } from './rowIndex';
import type { AppendixSheet, GridSheet, Id, Row, Workbook } from './types';

type Fields = Record<string, unknown>;

/** Keys of `before`/`after` whose values differ (`skip` excepted). */
function changedKeys(before: object, after: object, skip: string[]): string[] {
  const b = before as Fields;
  const a = after as Fields;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !skip.includes(k) && b[k] !== a[k],
  );
}

/** `now` with each field the step changed set as the step left it, where `now` still held it. */
function mergeFields<T extends object>(now: T, before: T, after: T, skip: string[]): T {
  if (now === before) return after;
  const out = { ...now } as Fields;
  const [n, b, a] = [now as Fields, before as Fields, after as Fields];
  for (const k of changedKeys(before, after, skip)) {
    if (n[k] !== b[k]) continue; // changed by someone else since: theirs is kept
    if (a[k] === undefined) delete out[k];
    else out[k] = a[k];
  }
  return out as T;
}

/** A row as the step leaves it, keeping what others changed in it since (cells one by one). */
function mergeRow(now: Row, before: Row, after: Row): Row {
  if (now === before) return after;
  const out = mergeFields(now, before, after, ['id', 'cells']);
  if (before.cells === after.cells) return out;
  return { ...out, cells: mergeFields(now.cells, before.cells, after.cells, []) };
}

/**
 * An order as the step leaves it (`after`, read against `before`) applied to `now`: ids others
 * removed stay removed, ids others added stay after the id they followed.
 */
export function orderOnto(now: readonly Id[], before: readonly Id[], after: readonly Id[]): Id[] {
  const has = new Set(now);
  const known = new Set(before);
  const out = after.filter((id) => has.has(id) || !known.has(id));
  const kept = new Set(out);
  const extras = new Map<Id | null, Id[]>();
  let last: Id | null = null;
  for (const id of now) {
    if (kept.has(id)) last = id;
    else if (!known.has(id)) extras.set(last, [...(extras.get(last) ?? []), id]);
  }
  if (!extras.size) return out;
  const res = [...(extras.get(null) ?? [])];
  for (const id of out) res.push(id, ...(extras.get(id) ?? []));
  return res;
}

function sheetOnto(s: AppendixSheet, d: SheetDelta): AppendixSheet {
  if (sheetFits(s, d)) return patchSheet(s, d);
  const head = d.header ? mergeFields(s, d.header.before, d.header.after, ['rows']) : s;
  const index = indexOfRows(s.rows);
  const now = (id: Id) => {
    const k = index.get(id);
    return k === undefined ? undefined : s.rows[k];
  };
  const changed = new Map<Id, Row>();
  for (const r of d.rows) {
    const cur = now(r.id);
    if (r.after && r.before && cur) changed.set(r.id, mergeRow(cur, r.before, r.after));
    else if (r.after && !r.before) changed.set(r.id, r.after);
  }
  let rows: Row[];
  if (d.order) {
    const ids = orderOnto(
      s.rows.map((r) => r.id),
      d.order.before,
      d.order.after,
    );
    rows = ids.map((id) => changed.get(id) ?? now(id)!);
  } else rows = s.rows.map((r) => changed.get(r.id) ?? r);
  return { ...head, rows };
}

function gridOnto(g: GridSheet, d: GridDelta): GridSheet {
  if (gridFits(g, d)) return patchGrid(g, d);
  const head = d.header ? mergeFields(g, d.header.before, d.header.after, ['cells']) : g;
  const cells = g.cells.slice();
  if (d.length && g.cells.length === d.length.before) cells.length = d.length.after;
  const copied = new Set<number>();
  for (const x of d.cells) {
    if ((g.cells[x.r]?.[x.c] ?? null) !== x.before) continue; // written by someone else since
    if (!copied.has(x.r)) {
      cells[x.r] = (cells[x.r] ?? []).slice();
      copied.add(x.r);
    }
    cells[x.r][x.c] = x.after;
  }
  return { ...head, cells };
}

/** A list of sheets (or grids) as the step leaves it, onto the list `wb` holds now. */
function listOnto<T extends { id: Id }>(
  list: readonly T[],
  change: { before: readonly Id[] | null; after: readonly Id[] | null } | undefined,
  added: readonly T[],
  removed: readonly T[],
  patch: (x: T) => T,
): T[] {
  const byId = new Map(list.map((x) => [x.id, x]));
  for (const x of removed) byId.delete(x.id);
  for (const x of added) if (!byId.has(x.id)) byId.set(x.id, x);
  const ids = change
    ? orderOnto(
        list.map((x) => x.id),
        change.before ?? [],
        change.after ?? [],
      )
    : list.map((x) => x.id);
  return ids.flatMap((id) => {
    const x = byId.get(id);
    return x ? [patch(x)] : [];
  });
}

const sameIds = (xs: readonly { id: Id }[], ids: readonly Id[] | null) =>
  xs.length === (ids?.length ?? 0) && xs.every((x, k) => x.id === ids![k]);

function sheetFits(s: AppendixSheet | undefined, d: SheetDelta): boolean {
  if (!s) return false;
  if (d.header && changedKeys(s, d.header.before, ['rows']).length) return false;
  if (d.order && !sameIds(s.rows, d.order.before)) return false;
  const index = indexOfRows(s.rows);
  return d.rows.every((r) => {
    const k = index.get(r.id);
    return r.before ? k !== undefined && s.rows[k] === r.before : k === undefined;
  });
}

function gridFits(g: GridSheet | undefined, d: GridDelta): boolean {
  if (!g) return false;
  if (d.header && changedKeys(g, d.header.before, ['cells']).length) return false;
  if (d.length && g.cells.length !== d.length.before) return false;
  return d.rowArrays.every((x) => g.cells[x.r] === x.before);
}

/** Whether `wb` holds exactly what `d` was read from, where `d` looks. */
export function deltaFits(wb: Workbook, d: Delta): boolean {
  const sheets = new Map(wb.sheets.map((s) => [s.id, s]));
  const grids = new Map((wb.grids ?? []).map((g) => [g.id, g]));
  return (
    (!d.meta || wb.meta === d.meta.before) &&
    (!d.sheetList || sameIds(wb.sheets, d.sheetList.before)) &&
    d.added.every((s) => !sheets.has(s.id)) &&
    d.removed.every((s) => sheets.has(s.id)) &&
    d.sheets.every((sd) => sheetFits(sheets.get(sd.sheetId), sd)) &&
    (!d.gridList || sameIds(wb.grids ?? [], d.gridList.before)) &&
    d.gridsAdded.every((g) => !grids.has(g.id)) &&
    d.gridsRemoved.every((g) => grids.has(g.id)) &&
    d.grids.every((gd) => gridFits(grids.get(gd.gridId), gd))
  );
}

/**
 * The step `d` applied onto `wb` (see the module's note) and its delta from `wb`: `d` itself when
 * `wb` is what `d` was read from, else the changes `d` still makes.
 */
export function applyDeltaOnto(wb: Workbook, d: Delta): { after: Workbook; delta: Delta } {
  if (deltaFits(wb, d)) return { after: applyDelta(wb, d), delta: d };
  const out: Workbook = { ...wb };
  if (d.meta) out.meta = mergeFields(wb.meta, d.meta.before, d.meta.after, []);
  if (d.sheetList || d.sheets.length || d.added.length || d.removed.length) {
    const sds = new Map(d.sheets.map((sd) => [sd.sheetId, sd]));
    out.sheets = listOnto(wb.sheets, d.sheetList, d.added, d.removed, (s) => {
      const sd = sds.get(s.id);
      return sd ? sheetOnto(s, sd) : s;
    });
  }
  if (d.gridList || d.grids.length || d.gridsAdded.length || d.gridsRemoved.length) {
    const gds = new Map(d.grids.map((gd) => [gd.gridId, gd]));
    const grids = listOnto(wb.grids ?? [], d.gridList, d.gridsAdded, d.gridsRemoved, (g) => {
      const gd = gds.get(g.id);
      return gd ? gridOnto(g, gd) : g;
    });
    if (grids.length || wb.grids) out.grids = grids;
  }
  return { after: out, delta: diffWorkbooks(wb, out) };
}
