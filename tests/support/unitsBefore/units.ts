/**
 * Frozen copy of src/domain/units.ts unitGroups as it was before its lead texts were keyed once
 * per distinct text (the oracle of src/app/unitGroups.test.ts).
 */
import type { AppendixSheet, PlanMeta, Row } from '../../../src/domain/types';
import { normaliseName } from '../../../src/domain/match';
import { NO_UNIT_KEY, type UnitGroup, unitKey } from '../../../src/domain/units';

/** Groups a sheet's projects by lead unit, in order of first appearance (projects without one last). */
export function unitGroupsBefore(
  sheet: AppendixSheet,
  meta: Pick<PlanMeta, 'unitAliases'>,
): UnitGroup[] {
  const aliases = meta.unitAliases ?? {};
  const named = new Map<string, string>();
  for (const name of Object.values(aliases)) named.set(normaliseName(name), name.trim());
  const groups = new Map<string, UnitGroup>();
  sheet.rows.forEach((r: Row, i) => {
    if (r.kind !== 'project') return;
    const cell = typeof r.cells.lead === 'string' ? r.cells.lead : '';
    const raw = cell.replace(/\s+/g, ' ').trim();
    const key = unitKey(raw, aliases);
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = { key, name: named.get(key) ?? raw, spellings: [], exact: [], rows: [] }),
      );
    if (raw && !g.spellings.includes(raw)) g.spellings.push(raw);
    if (raw && !g.exact.includes(cell)) g.exact.push(cell);
    g.rows.push(i);
  });
  const none = groups.get(NO_UNIT_KEY);
  groups.delete(NO_UNIT_KEY);
  return none ? [...groups.values(), none] : [...groups.values()];
}
