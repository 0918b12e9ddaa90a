/**
 * Restoring a version into the open workbook: its sheets, grid sheets and metadata replace the
 * current ones in one command (one undo step). A version of this workbook keeps its row ids; a
 * file added as a version (ids its reader numbered) takes the ids of the projects it was matched
 * with, and of the sections with the same path, so later comparisons still pair by identity.
 */
import type { Comparison } from '../domain/compare';
import { newId } from '../domain/ids';
import { nameKey } from '../domain/nameKey';
import type { AppendixSheet, Id, Workbook } from '../domain/types';
import type { Command } from './commands';

/** Canonical section path of every section row of a sheet, by row id. */
function sectionPaths(sheet: AppendixSheet): Map<Id, string> {
  const out = new Map<Id, string>();
  const stack: { level: number; key: string }[] = [];
  for (const r of sheet.rows) {
    while (stack.length && stack[stack.length - 1].level >= r.level) stack.pop();
    if (r.kind !== 'section') continue;
    stack.push({ level: r.level, key: nameKey(r.cells.name) });
    out.set(r.id, stack.map((s) => s.key).join('/'));
  }
  return out;
}

/**
 * The version's workbook with the row and sheet ids of the current one where they name the same
 * thing (pairs of `c`, a comparison of current → version; sections by path) and fresh ids elsewhere.
 */
export function adoptIds(version: Workbook, c: Comparison): Workbook {
  const rowIds = new Map<Id, Id>();
  for (const m of c.matched) rowIds.set(m.b.row.id, m.a.row.id);
  const used = new Set(rowIds.values());
  const usedSheets = new Set<Id>();
  const sheets = version.sheets.map((s) => {
    const pair = c.sheets.find((p) => p.b?.id === s.id);
    const mine = pair?.a && !usedSheets.has(pair.a.id) ? pair.a : undefined;
    if (mine) {
      usedSheets.add(mine.id);
      const byPath = new Map<string, Id>();
      for (const [id, path] of sectionPaths(mine)) if (!byPath.has(path)) byPath.set(path, id);
      for (const [id, path] of sectionPaths(s)) {
        const old = byPath.get(path);
        if (old && !used.has(old)) {
          rowIds.set(id, old);
          used.add(old);
        }
      }
    }
    return {
      ...structuredClone(s),
      id: mine ? mine.id : newId('s'),
      rows: s.rows.map((r) => ({ ...structuredClone(r), id: rowIds.get(r.id) ?? newId('r') })),
    };
  });
  return { ...version, sheets };
}

/** The one command that makes the workbook's content the version's. */
export function restoreCommand(current: Workbook, version: Workbook): Command {
  const commands: Command[] = [{ type: 'setMeta', meta: structuredClone(version.meta) }];
  for (const s of current.sheets) commands.push({ type: 'removeSheet', sheetId: s.id });
  version.sheets.forEach((s, at) =>
    commands.push({ type: 'addSheet', sheet: structuredClone(s), at }),
  );
  for (const g of current.grids ?? []) commands.push({ type: 'removeGrid', gridId: g.id });
  (version.grids ?? []).forEach((g, at) =>
    commands.push({ type: 'addGrid', grid: structuredClone(g), at }),
  );
  return { type: 'batch', commands };
}
