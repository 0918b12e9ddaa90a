/** Random edits of the form (columns, years, sources, tab names) for the property tests. */
import { leaves } from '../domain/columns';
import type { Command } from '../domain/commands';
import type { AppendixSheet, ColumnLeaf, Workbook } from '../domain/types';
import type { Ids, Seed } from './randomSeeds';

const ROLES: ColumnLeaf['role'][] = ['text', 'value', 'stated', 'amount'];

/** One form edit built from a seed against the workbook as it is (null: nothing to do). */
export function formCommand(wb: Workbook, sheet: AppendixSheet, s: Seed, ids: Ids): Command | null {
  const ls = leaves(sheet.columns);
  const pick = ls[s.c % ls.length];
  const edit = (e: Extract<Command, { type: 'editSheet' }>['edit']): Command => ({
    type: 'editSheet',
    sheetId: sheet.id,
    edit: e,
  });
  switch (s.b % 7) {
    case 0: {
      const role = ROLES[s.d % ROLES.length];
      const year = wb.meta.years[s.d % Math.max(1, wb.meta.years.length)];
      const column: ColumnLeaf = {
        kind: 'leaf',
        id: `c${ids.prefix}${ids.next++}`,
        label: `Cột ${s.d}`,
        role,
        ...(role === 'amount' && year !== undefined ? { year, source: `N${s.d % 3}` } : {}),
      };
      return edit({ op: 'addColumn', column, after: pick.id });
    }
    case 1:
      return pick.role === 'name' ? null : edit({ op: 'removeColumns', colIds: [pick.id] });
    case 2:
      return edit({ op: 'moveColumn', colId: pick.id, by: s.d % 2 ? 1 : -1 });
    case 3:
      return edit({ op: 'renameColumn', colId: pick.id, label: `Tên ${s.d}` });
    case 4:
      return s.d % 2
        ? { type: 'editPlan', edit: { op: 'addYear', year: 2010 + (s.d % 5) } }
        : wb.meta.years.length > 1
          ? {
              type: 'editPlan',
              edit: { op: 'removeYear', year: wb.meta.years[s.c % wb.meta.years.length] },
            }
          : null;
    case 5:
      return s.d % 2
        ? { type: 'editPlan', edit: { op: 'addSource', source: { code: 'NSTW', name: 'NSTW' } } }
        : wb.meta.sources.length > 1
          ? {
              type: 'editPlan',
              edit: {
                op: 'removeSource',
                code: wb.meta.sources[s.c % wb.meta.sources.length].code,
              },
            }
          : null;
    default:
      return {
        type: 'editPlan',
        edit: { op: 'renameSheet', sheetId: sheet.id, name: `Phụ lục ${s.d % 4}` },
      };
  }
}
