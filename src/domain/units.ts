/**
 * Lead units of a plan (*đơn vị thực hiện*): spellings that differ only in case, diacritics,
 * spacing or punctuation are one unit; the user merges other spellings (`Sở TT&TT`, `Sở Thông tin
 * và Truyền thông`) with an alias list kept in the plan's metadata.
 */
import { normaliseName } from './match';
import type { AppendixSheet, PlanMeta, Row } from './types';

/** One unit: its name, the spellings met, and its projects (row indexes). */
export interface UnitGroup {
  key: string;
  name: string;
  spellings: string[];
  /** The lead cells' exact texts (for matching them in a spreadsheet formula). */
  exact: string[];
  rows: number[];
}

/** The group of projects without a lead unit. */
export const NO_UNIT_KEY = '';

/** The key a lead text belongs to, after the user's aliases. */
export function unitKey(lead: unknown, aliases: PlanMeta['unitAliases'] = {}): string {
  const k = normaliseName(lead);
  const target = Object.hasOwn(aliases, k) ? aliases[k] : undefined;
  return target !== undefined ? normaliseName(target) : k;
}

/** Groups a sheet's projects by lead unit, in order of first appearance (projects without one last). */
export function unitGroups(sheet: AppendixSheet, meta: Pick<PlanMeta, 'unitAliases'>): UnitGroup[] {
  const aliases = meta.unitAliases ?? {};
  const named = new Map<string, string>();
  for (const name of Object.values(aliases)) named.set(normaliseName(name), name.trim());
  const groups = new Map<string, UnitGroup>();
  // each distinct lead text is keyed once (a plan of 100,000 projects has some dozens of units)
  const keyed = new Map<string, { raw: string; key: string }>();
  sheet.rows.forEach((r: Row, i) => {
    if (r.kind !== 'project') return;
    const cell = typeof r.cells.lead === 'string' ? r.cells.lead : '';
    let k = keyed.get(cell);
    if (!k) {
      const raw = cell.replace(/\s+/g, ' ').trim();
      keyed.set(cell, (k = { raw, key: unitKey(raw, aliases) }));
    }
    const { raw, key } = k;
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

/** Aliases after merging the given units into one named `name`. */
export function mergeUnits(
  meta: Pick<PlanMeta, 'unitAliases'>,
  groups: readonly UnitGroup[],
  name: string,
): Record<string, string> {
  const out = { ...(meta.unitAliases ?? {}) };
  for (const g of groups) {
    for (const s of g.spellings) out[normaliseName(s)] = name;
    // aliases that pointed to a merged unit now point to the new name
    for (const [k, v] of Object.entries(out)) if (normaliseName(v) === g.key) out[k] = name;
  }
  return out;
}

/** Aliases after splitting a merged unit back into its spellings. */
export function splitUnit(
  meta: Pick<PlanMeta, 'unitAliases'>,
  group: UnitGroup,
): Record<string, string> {
  const out = { ...(meta.unitAliases ?? {}) };
  for (const [k, v] of Object.entries(out)) if (normaliseName(v) === group.key) delete out[k];
  return out;
}

/**
 * The names of a sheet's lead units as `unitGroups` groups them (spellings of one unit, and the
 * ones the user merged, under one name), sorted as Vietnamese; projects without a unit left out.
 * The unit filter of a sheet lists these.
 */
export function unitNames(sheet: AppendixSheet, aliases: PlanMeta['unitAliases']): string[] {
  return unitGroups(sheet, { unitAliases: aliases })
    .filter((g) => g.key !== NO_UNIT_KEY)
    .map((g) => g.name)
    .sort((a, b) => a.localeCompare(b, 'vi'));
}
