/**
 * Editing the form of a plan: an appendix's title, its column headers, columns added, removed and
 * moved, tab names, and the plan's years and capital sources. Each edit is a pure function of the
 * workbook; formulas keep pointing at the same cells (their column letters and sheet names follow).
 */
import { leaves, yearGroups } from './columns';
import { remapFormulaCols, renameInFormula, rewriteGrid, rewriteRows } from './formulaCols';
import { namesSheet } from './ops';
import { KNOWN_SOURCES } from './sources';
import { amountColumnId } from './template';
import {
  addLeaf,
  editChildren,
  findNode,
  idsUnder,
  moveNode,
  pruneTree,
  renameNode,
  withYear,
} from './columnTree';
import type {
  AppendixSheet,
  CellInput,
  ColumnLeaf,
  ColumnNode,
  Id,
  Row,
  SourceDef,
  Workbook,
} from './types';

/** An edit of one appendix sheet's form. */
export type SheetEdit =
  | { op: 'setTitle'; title: string }
  | { op: 'renameColumn'; colId: Id; label: string }
  /** A new leaf after `after` (same group), or before the notes; amounts go into their year. */
  | { op: 'addColumn'; column: ColumnLeaf; after?: Id }
  | { op: 'removeColumns'; colIds: Id[] }
  /** A column (or a group of columns) one place left (-1) or right (+1) among its siblings. */
  | { op: 'moveColumn'; colId: Id; by: -1 | 1 };

/** An edit of the plan's form across its sheets. */
export type PlanEdit =
  | { op: 'renameSheet'; sheetId: Id; name: string }
  | { op: 'addYear'; year: number }
  | { op: 'removeYear'; year: number }
  | { op: 'addSource'; source: SourceDef }
  | { op: 'removeSource'; code: string };

/** Rows without the cells keyed by `ids`; the same row objects where none was there. */
function dropCells(rows: Row[], ids: ReadonlySet<Id>): Row[] {
  let out: Row[] | undefined;
  rows.forEach((r, i) => {
    if (!Object.keys(r.cells).some((k) => ids.has(k))) return;
    const cells: Record<Id, CellInput> = {};
    for (const [k, v] of Object.entries(r.cells)) if (!ids.has(k)) cells[k] = v;
    (out ??= rows.slice())[i] = { ...r, cells };
  });
  return out ?? rows;
}

/**
 * The workbook with a sheet's columns replaced: cells of gone columns dropped, and formulas here
 * and in every sheet naming this one pointing at the same columns as before.
 */
function withColumns(wb: Workbook, sheetId: Id, columns: ColumnNode[]): Workbook {
  const k = wb.sheets.findIndex((s) => s.id === sheetId);
  if (k < 0) throw new Error(`sheet ${sheetId} not found`);
  const sheet = wb.sheets[k];
  const before = leaves(sheet.columns).map((l) => l.id);
  const after = leaves(columns).map((l) => l.id);
  const at = new Map(after.map((id, i) => [id, i]));
  const map = (c: number) =>
    c >= before.length ? c - before.length + after.length : (at.get(before[c]) ?? null);
  const kept = new Set([...idsUnder({ kind: 'group', id: '', label: '', children: columns })]);
  const gone = new Set(
    idsUnder({ kind: 'group', id: '', label: '', children: sheet.columns }).filter(
      (id) => !kept.has(id),
    ),
  );
  const moved = before.some((id, i) => at.get(id) !== i) || before.length !== after.length;
  const names = namesSheet(sheet.name);
  const own = moved
    ? (f: string) => remapFormulaCols(f, map, (s) => s === undefined || names(s))
    : null;
  let rows = dropCells(sheet.rows, gone);
  if (own) rows = rewriteRows(rows, own);
  const sheets = wb.sheets.slice();
  sheets[k] = { ...sheet, columns, rows };
  if (!moved) return { ...wb, sheets };
  const other = (f: string) => remapFormulaCols(f, map, names);
  sheets.forEach((s, j) => {
    if (j === k) return;
    const r = rewriteRows(s.rows, other);
    if (r !== s.rows) sheets[j] = { ...s, rows: r };
  });
  const grids = wb.grids?.map((g) => rewriteGrid(g, other));
  const same = !grids || grids.every((g, j) => g === wb.grids![j]);
  return { ...wb, sheets, ...(same ? {} : { grids }) };
}

/** The workbook after an edit of one sheet's form. */
export function applySheetEdit(wb: Workbook, sheetId: Id, e: SheetEdit): Workbook {
  const sheet = wb.sheets.find((s) => s.id === sheetId);
  if (!sheet) throw new Error(`sheet ${sheetId} not found`);
  const put = (s: AppendixSheet) => ({
    ...wb,
    sheets: wb.sheets.map((x) => (x.id === sheetId ? s : x)),
  });
  switch (e.op) {
    case 'setTitle':
      return e.title === sheet.title ? wb : put({ ...sheet, title: e.title });
    case 'renameColumn':
      return put({ ...sheet, columns: renameNode(sheet.columns, e.colId, e.label) });
    case 'addColumn':
      return withColumns(wb, sheetId, addLeaf(sheet.columns, e.column, e.after));
    case 'removeColumns': {
      const drop = new Set(e.colIds);
      if (leaves(sheet.columns).some((l) => l.role === 'name' && drop.has(l.id)))
        throw new Error('the name column cannot be removed');
      return withColumns(
        wb,
        sheetId,
        pruneTree(sheet.columns, (n) => drop.has(n.id)),
      );
    }
    case 'moveColumn': {
      const columns = moveNode(sheet.columns, e.colId, e.by);
      return columns === sheet.columns ? wb : withColumns(wb, sheetId, columns);
    }
  }
}

/** The sources a sheet's year groups hold, in order (the plan's when it has none). */
function sheetSources(wb: Workbook, sheet: AppendixSheet): string[] {
  const out: string[] = [];
  for (const y of yearGroups(sheet.columns))
    for (const l of y.leaves) if (l.source && !out.includes(l.source)) out.push(l.source);
  return out.length ? out : wb.meta.sources.map((s) => s.code);
}

/** Each appendix sheet's columns through `f`, formulas following. */
function eachSheet(wb: Workbook, f: (s: AppendixSheet) => ColumnNode[]): Workbook {
  let out = wb;
  for (const s of wb.sheets) {
    const columns = f(s);
    if (columns !== s.columns) out = withColumns(out, s.id, columns);
  }
  return out;
}

/** The workbook after an edit of the plan's form (years and sources in every appendix sheet). */
export function applyPlanEdit(wb: Workbook, e: PlanEdit): Workbook {
  switch (e.op) {
    case 'renameSheet':
      return renameSheet(wb, e.sheetId, e.name);
    case 'addYear': {
      const years = [...new Set([...wb.meta.years, e.year])].sort((a, b) => a - b);
      const out = eachSheet(wb, (s) => withYear(s.columns, e.year, sheetSources(wb, s)));
      return { ...out, meta: { ...wb.meta, years } };
    }
    case 'removeYear': {
      const out = eachSheet(wb, (s) => {
        const gone = new Set(columnsOfPlanEdit(s, e));
        return gone.size ? pruneTree(s.columns, (n) => gone.has(n.id)) : s.columns;
      });
      return { ...out, meta: { ...wb.meta, years: wb.meta.years.filter((y) => y !== e.year) } };
    }
    case 'addSource': {
      const code = e.source.code;
      const out = eachSheet(wb, (s) => {
        let cs = s.columns;
        for (const y of yearGroups(s.columns)) {
          if (y.leaves.some((l) => l.source === code)) continue;
          const leaf: ColumnLeaf = {
            kind: 'leaf',
            id: amountColumnId(y.group.year!, code),
            label: `Vốn ${code}`,
            role: 'amount',
            year: y.group.year,
            source: code,
          };
          if (findNode(cs, leaf.id)) continue;
          cs = editChildren(cs, y.group.id, (c) => [...c, leaf]);
        }
        return cs;
      });
      const has = wb.meta.sources.some((x) => x.code === code);
      return has ? out : { ...out, meta: { ...wb.meta, sources: [...wb.meta.sources, e.source] } };
    }
    case 'removeSource': {
      const out = eachSheet(wb, (s) => {
        const drop = (n: ColumnNode) =>
          n.kind === 'leaf' && n.role === 'amount' && n.source === e.code;
        return leaves(s.columns).some(drop) ? pruneTree(s.columns, drop) : s.columns;
      });
      const sources = wb.meta.sources.filter((x) => x.code !== e.code);
      return { ...out, meta: { ...wb.meta, sources } };
    }
  }
}

/** A source by its code: the known name for a known code. */
export function sourceDef(code: string): SourceDef {
  return KNOWN_SOURCES.find((s) => s.code === code) ?? { code, name: code };
}

/** Whether another sheet of the workbook already has this name (compared without case). */
export function sheetNameTaken(wb: Workbook, sheetId: Id, name: string): boolean {
  const want = name.trim().toLowerCase();
  return [...wb.sheets, ...(wb.grids ?? [])].some(
    (s) => s.id !== sheetId && s.name.trim().toLowerCase() === want,
  );
}

/** The workbook with an appendix sheet renamed and every formula naming it following. */
function renameSheet(wb: Workbook, sheetId: Id, name: string): Workbook {
  const k = wb.sheets.findIndex((s) => s.id === sheetId);
  if (k < 0) throw new Error(`sheet ${sheetId} not found`);
  const sheet = wb.sheets[k];
  const next = name.trim();
  if (!next || next === sheet.name) return wb;
  if (sheetNameTaken(wb, sheetId, next)) throw new Error(`sheet name ${next} exists`);
  const f = (x: string) => renameInFormula(x, namesSheet(sheet.name), next);
  const sheets = wb.sheets.map((s) => {
    const rows = rewriteRows(s.rows, f);
    return s.id === sheetId ? { ...s, name: next, rows } : rows === s.rows ? s : { ...s, rows };
  });
  const grids = wb.grids?.map((g) => rewriteGrid(g, f));
  const same = !grids || grids.every((g, j) => g === wb.grids![j]);
  return { ...wb, sheets, ...(same ? {} : { grids }) };
}

/** How many figures (typed numbers or formulas) the cells of these columns hold in a sheet. */
export function figuresIn(sheet: AppendixSheet, colIds: readonly Id[]): number {
  let n = 0;
  for (const r of sheet.rows)
    for (const id of colIds) {
      const v = r.cells[id];
      if (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) n++;
    }
  return n;
}

/** The column ids (leaves and year groups) a year or a source removal would take away. */
export function columnsOfPlanEdit(sheet: AppendixSheet, e: PlanEdit): Id[] {
  if (e.op === 'removeYear') {
    const groups = yearGroups(sheet.columns).filter((y) => y.group.year === e.year);
    const inGroups = new Set(groups.flatMap((y) => leaves(y.group.children).map((l) => l.id)));
    const single = leaves(sheet.columns).filter(
      (l) => l.role === 'amount' && l.year === e.year && !inGroups.has(l.id),
    );
    return [...groups.map((y) => y.group.id), ...inGroups, ...single.map((l) => l.id)];
  }
  if (e.op === 'removeSource')
    return leaves(sheet.columns)
      .filter((l) => l.role === 'amount' && l.source === e.code)
      .map((l) => l.id);
  return [];
}
