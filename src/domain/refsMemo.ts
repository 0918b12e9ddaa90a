/**
 * The project list of a sheet kept for the next comparison (compare mode recomputes after every
 * edit; a saved revision never changes): reused only when every row still has the same object,
 * kind, level, id, name and lead unit as when the list was built — all a project ref is made of —
 * so an edit in place, a moved or inserted row builds it again.
 */
import type { ProjectRef } from './matchTypes';
import type { AppendixSheet, CellInput, Row } from './types';

interface Kept {
  sheetId: string;
  rows: Row[];
  kinds: Row['kind'][];
  levels: number[];
  ids: string[];
  names: (CellInput | undefined)[];
  leads: (CellInput | undefined)[];
  refs: ProjectRef[];
}

const KEPT = new WeakMap<Row[], Kept>();

function stillSame(k: Kept, sheet: AppendixSheet): boolean {
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
  const k = KEPT.get(sheet.rows);
  if (k && stillSame(k, sheet)) return k.refs.slice();
  const refs = build(sheet);
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
  }
  KEPT.set(rows, kept);
  return refs.slice();
}
