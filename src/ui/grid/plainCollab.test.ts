import { describe, expect, it } from 'vitest';
import { registerKey, type Register } from '../../domain/registers';
import type { SyncState } from '../../app/sync';
import type { NamedConflict as Conflict, NamedWrite } from '../../app/syncNames';
import { makePlan } from '../../domain/template';
import { cellLabel } from '../syncLabels';
import { collabAt, collabMarks } from './collabMarks';

type Presence = SyncState['presence'][number];
const w = (v: unknown, by: string, id: string): NamedWrite => ({
  v,
  by,
  at: 1,
  id,
  seen: [],
  who: by,
});
const conflict = (register: Register, orphan = false): Conflict => ({
  key: registerKey(register),
  register,
  writes: [w(10, 'lan', 'a:1'), w(11, 'minh', 'b:1')],
  ...(orphan ? { orphan } : {}),
});
/** A plain cell's conflict at a position now (its register names the row and column ids). */
const plainConflict = (gridId: string, row: number, col: number, orphan = false): Conflict => ({
  ...conflict({ kind: 'gridCell', gridId, rowId: `r${row}`, colId: `c${col}` }, orphan),
  ...(orphan ? {} : { at: { row, col } }),
});

describe('collab marks of a plain sheet', () => {
  it('marks a plain cell conflict at its position, not other sheets or orphans', () => {
    const c = plainConflict('g1', 2, 1);
    const marks = collabMarks(
      'g1',
      [c, plainConflict('g2', 2, 1), plainConflict('g1', 5, 0, true)],
      [],
    );
    expect(collabAt(marks, '2', '1')).toEqual({ conflict: c, people: [] });
    expect(marks.size).toBe(1);
  });

  it('names the others on a plain cell', () => {
    const p: Presence = {
      clientId: 2,
      self: false,
      user: { id: 'minh', name: 'Minh' },
      cell: { sheetId: 'g1', rowId: '3', colId: '0' },
    };
    expect(collabAt(collabMarks('g1', [], [p]), '3', '0')?.people).toEqual(['Minh']);
  });

  it('names a plain cell by its sheet and address in the panels', () => {
    const wb = {
      ...makePlan({ rows: [['section', 0, 'I', {}]] }),
      grids: [{ kind: 'grid' as const, id: 'g1', name: 'Ghi chú', cells: [] }],
    };
    expect(cellLabel(wb, 'g1', '2', '1')).toBe('Ghi chú · B3');
  });
});
