/**
 * The project list of a sheet kept for the next comparison (compare mode recomputes after every
 * edit; a saved revision never changes): reused only when every row still has the same object,
 * kind, level, id, name and lead unit as when the list was built — all a project ref is made of —
 * so an edit in place, a moved or inserted row builds it again.
 */
import { intern } from './intern';
import type { ProjectRef } from './matchTypes';
import { done, pauseAt, runAll, type Steps } from './steps';
import type { AppendixSheet, CellInput, Row } from './types';

interface Kept {
  sheetId: string;
  rows: Row[];
  kinds: Row['kind'][];
  levels: number[];
  ids: string[];
  names: (CellInput | undefined)[];
  leads: (CellInput | undefined)[];
  refs: readonly ProjectRef[];
}

const KEPT = new WeakMap<Row[], Kept>();

function* stillSame(k: Kept, sheet: AppendixSheet): Steps<boolean> {
  const rows = sheet.rows;
  if (k.sheetId !== sheet.id || k.rows.length !== rows.length) return false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const c = r.cells;
    if (
      r !== k.rows[i] ||
      r.kind !== k.kinds[i] ||
      r.level !== k.levels[i] ||
      r.id !== k.ids[i] ||
      c.name !== k.names[i] ||
      c.lead !== k.leads[i]
    )
      return false;
    if (pauseAt(i)) yield;
  }
  return true;
}

/**
 * The projects of `sheet` as `build` lists them, built again only when a row they are made of
 * changed; a new array each call (the refs themselves are shared: never change one).
 */
export function keptRefs(
  sheet: AppendixSheet,
  build: (sheet: AppendixSheet) => ProjectRef[],
): ProjectRef[] {
  return keptList(sheet, build).slice();
}

/**
 * The same list itself, frozen: one array for as long as the rows are unchanged, so that what is
 * derived from it can be kept with it (`listMemo`).
 */
export function keptList(
  sheet: AppendixSheet,
  build: (sheet: AppendixSheet) => ProjectRef[],
): readonly ProjectRef[] {
  return runAll(keptListSteps(sheet, (sh) => done(build(sh))));
}

/** `keptList` in pieces: the list built by `build` in pieces, then what keeps it noted in pieces. */
export function* keptListSteps(
  sheet: AppendixSheet,
  build: (sheet: AppendixSheet) => Steps<ProjectRef[]>,
): Steps<readonly ProjectRef[]> {
  const k = KEPT.get(sheet.rows);
  if (k && (yield* stillSame(k, sheet))) return k.refs;
  const refs = Object.freeze(yield* build(sheet)) as ProjectRef[];
  const rows = sheet.rows;
  const n = rows.length;
  const kept: Kept = {
    sheetId: sheet.id,
    rows: new Array<Row>(n),
    kinds: new Array<Row['kind']>(n),
    levels: new Array<number>(n),
    ids: new Array<string>(n),
    names: new Array<CellInput | undefined>(n),
    leads: new Array<CellInput | undefined>(n),
    refs,
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    kept.rows[i] = r;
    kept.kinds[i] = r.kind;
    kept.levels[i] = r.level;
    kept.ids[i] = r.id;
    kept.names[i] = r.cells.name;
    kept.leads[i] = r.cells.lead;
    if (pauseAt(i)) yield;
  }
  KEPT.set(rows, kept);
  return refs;
}

const MEMOS = new WeakMap<readonly ProjectRef[], Map<string, unknown>>();

/**
 * What callers derive from a kept (frozen) project list and keep beside it: its figures, its id
 * and key maps, its token counts (a revision compared again after each edit of the open workbook
 * derives them once). Undefined for a list that may change (not frozen): nothing is kept for it.
 * A kept list lives while its rows are the same objects: an edit makes new rows (ops.ts never
 * changes a row or its cells in place), so what is kept is never stale.
 */
export function listMemo(refs: readonly ProjectRef[]): Map<string, unknown> | undefined {
  if (!Object.isFrozen(refs) || !refs.length) return undefined;
  let m = MEMOS.get(refs);
  if (!m) {
    m = new Map();
    MEMOS.set(refs, m);
  }
  return m;
}

/** The value kept under `key` beside a kept list, made by `make` on first need (unkept lists: made each time). */
export function memoised<T>(refs: readonly ProjectRef[], key: string, make: () => T): T {
  const m = listMemo(refs);
  if (!m) return make();
  let v = m.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    m.set(key, v);
  }
  return v;
}

/**
 * `memoised` with a value made in pieces: kept only once whole (work left off keeps nothing).
 */
export function* memoisedSteps<T>(
  refs: readonly ProjectRef[],
  key: string,
  make: () => Steps<T>,
): Steps<T> {
  const m = listMemo(refs);
  if (!m) return yield* make();
  let v = m.get(key) as T | undefined;
  if (v === undefined) {
    v = yield* make();
    m.set(key, v);
  }
  return v;
}

/**
 * Each project's raw cell of column `colId`, by row index (`rows` long; other rows undefined),
 * kept beside a kept list: a pair's cells compared without reading 100,000 cell objects again
 * (texts interned: equal texts of two versions are one object).
 */
export function cellsOf(
  refs: readonly ProjectRef[],
  rows: number,
  colId: string,
): readonly (CellInput | undefined)[] {
  return runAll(cellsOfSteps(refs, rows, colId));
}

/** `cellsOf` in pieces. */
export function cellsOfSteps(
  refs: readonly ProjectRef[],
  rows: number,
  colId: string,
): Steps<readonly (CellInput | undefined)[]> {
  return memoisedSteps(refs, `cells ${rows} ${colId}`, function* () {
    const out = new Array<CellInput | undefined>(rows);
    for (let k = 0; k < refs.length; k++) {
      const p = refs[k];
      const v = p.row.cells[colId];
      // texts interned: the same text of two versions compares as one object
      out[p.index] = typeof v === 'string' ? intern(v) : v;
      if (pauseAt(k)) yield;
    }
    return out;
  });
}
