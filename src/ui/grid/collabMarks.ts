/**
 * What the grid marks (an appendix's cells, or a plain sheet's by position) of working together: cells written by two people while apart
 * (an unsettled conflict, every value kept until someone settles it) and the cells the other
 * people in the workbook are on. Pure: built from the sync state, read by the grid's cell
 * classes and tooltips.
 */
import type { SyncState } from '../../app/sync';
import type { NamedConflict, NamedWrite } from '../../app/syncNames';

type Presence = SyncState['presence'][number];

/** What one cell shows: its unsettled conflict, and who else is on it. */
export interface CollabMark {
  conflict: NamedConflict | null;
  /** Names of the other people on this cell (not this person). */
  people: string[];
}

/** Marks of one sheet, by `cellKey(rowId, colId)`. */
export type CollabMarks = Map<string, CollabMark>;

/** The key of a cell in `CollabMarks`. */
export const cellKey = (rowId: string, colId: string) => `${rowId}\u0000${colId}`;

/** A person's shown name: their name, with their unit when known. */
export function personName(p: Presence): string {
  const name = p.user.name || p.user.id;
  return p.user.unit ? `${name} (${p.user.unit})` : name;
}

/**
 * The marks of a sheet: every cell conflict of that sheet (a row removed meanwhile is not in
 * the grid, so orphans are left to the panel), and every other person's current cell on it.
 */
export function collabMarks(
  sheetId: string,
  conflicts: readonly NamedConflict[],
  presence: readonly Presence[],
): CollabMarks {
  const out: CollabMarks = new Map();
  const at = (rowId: string, colId: string): CollabMark => {
    const k = cellKey(rowId, colId);
    let m = out.get(k);
    if (!m) out.set(k, (m = { conflict: null, people: [] }));
    return m;
  };
  for (const c of conflicts) {
    const r = c.register;
    if (c.orphan) continue;
    // a plain sheet's cell: the grid's row and column ids are its 0-based position now
    if (r.kind === 'gridCell' && r.gridId === sheetId && c.at)
      at(String(c.at.row), String(c.at.col)).conflict = c;
    if (r.kind !== 'cell' || r.sheetId !== sheetId) continue;
    at(r.rowId, r.colId).conflict = c;
  }
  for (const p of presence) {
    const cell = p.cell;
    if (p.self || !cell || cell.sheetId !== sheetId) continue;
    const m = at(cell.rowId, cell.colId);
    const name = personName(p);
    if (!m.people.includes(name)) m.people.push(name);
  }
  return out;
}

/** The mark of a cell (undefined: nothing to show). */
export function collabAt(
  marks: CollabMarks | null | undefined,
  rowId: string | undefined,
  colId: string,
): CollabMark | undefined {
  return marks && rowId !== undefined ? marks.get(cellKey(rowId, colId)) : undefined;
}

/** A stable fingerprint of the marks: the grid is refreshed only when it changes. */
export function marksSignature(marks: CollabMarks): string {
  const parts: string[] = [];
  for (const [k, m] of marks)
    parts.push(`${k}|${m.people.join(',')}|${m.conflict?.writes.map((w) => w.id).join(',') ?? ''}`);
  return parts.sort().join('\n');
}

/** The tooltip of a marked cell: each kept value with who wrote it, then who is on it. */
export function collabTooltip(
  m: CollabMark,
  text: {
    value: (w: NamedWrite) => string;
    conflict: (values: string) => string;
    here: (names: string) => string;
  },
): string | undefined {
  const lines: string[] = [];
  if (m.conflict) lines.push(text.conflict(m.conflict.writes.map(text.value).join('; ')));
  if (m.people.length) lines.push(text.here(m.people.join(', ')));
  return lines.length ? lines.join('\n') : undefined;
}
