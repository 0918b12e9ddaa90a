import { describe, expect, it } from 'vitest';
import { registerKey, type Register } from '../../domain/registers';
import type { SyncState } from '../../app/sync';
import type { NamedConflict, NamedWrite } from '../../app/syncNames';

type Presence = SyncState['presence'][number];
import { cellKey, collabAt, collabMarks, collabTooltip, marksSignature } from './collabMarks';

const w = (v: unknown, by: string, id: string): NamedWrite => ({
  v,
  by,
  at: 1,
  id,
  seen: [],
  who: by,
});
const conflict = (register: Register, writes: NamedWrite[], orphan = false): NamedConflict => ({
  key: registerKey(register),
  register,
  writes,
  ...(orphan ? { orphan } : {}),
});
const cell = (sheetId: string, rowId: string, colId: string): Register => ({
  kind: 'cell',
  sheetId,
  rowId,
  colId,
});
const person = (
  clientId: number,
  name: string,
  at: Presence['cell'],
  self = false,
  unit?: string,
): Presence => ({ clientId, self, user: { id: name, name, unit }, cell: at });

describe('collabMarks', () => {
  it('marks the cell conflicts of the sheet, not other sheets, rows or orphans', () => {
    const c = conflict(cell('s1', 'r1', 'e'), [w(111, 'lan', 'a:1'), w(222, 'minh', 'b:1')]);
    const marks = collabMarks(
      's1',
      [
        c,
        conflict(cell('s2', 'r1', 'e'), [w(1, 'x', 'x:1'), w(2, 'y', 'y:1')]),
        conflict({ kind: 'row', sheetId: 's1', rowId: 'r2' }, [w(1, 'x', 'x:2'), w(2, 'y', 'y:2')]),
        conflict(cell('s1', 'r9', 'e'), [w(1, 'x', 'x:3'), w(2, 'y', 'y:3')], true),
      ],
      [],
    );
    expect([...marks.keys()]).toEqual([cellKey('r1', 'e')]);
    expect(collabAt(marks, 'r1', 'e')).toEqual({ conflict: c, people: [] });
    expect(collabAt(marks, 'r1', 'f')).toBeUndefined();
    expect(collabAt(marks, undefined, 'e')).toBeUndefined();
  });

  it("outlines the others' current cells on this sheet with their names, never one's own", () => {
    const at = { sheetId: 's1', rowId: 'r1', colId: 'e' };
    const marks = collabMarks(
      's1',
      [],
      [
        person(1, 'lan', at, true),
        person(2, 'minh', at, false, 'gtvt'),
        person(3, 'hoa', at),
        person(4, 'tuan', { sheetId: 's2', rowId: 'r1', colId: 'e' }),
        person(5, 'an', null),
      ],
    );
    expect([...marks.keys()]).toEqual([cellKey('r1', 'e')]);
    expect(marks.get(cellKey('r1', 'e'))?.people).toEqual(['minh (gtvt)', 'hoa']);
  });

  it('puts both values with their writers and the people on the cell in the tooltip', () => {
    const c = conflict(cell('s1', 'r1', 'e'), [w(111, 'lan', 'a:1'), w(222, 'minh', 'b:1')]);
    const marks = collabMarks(
      's1',
      [c],
      [person(2, 'hoa', { sheetId: 's1', rowId: 'r1', colId: 'e' })],
    );
    const tip = collabTooltip(marks.get(cellKey('r1', 'e'))!, {
      value: (x) => `${String(x.v)} (${x.by})`,
      conflict: (v) => `Conflict: ${v}`,
      here: (n) => `Here: ${n}`,
    });
    expect(tip).toBe('Conflict: 111 (lan); 222 (minh)\nHere: hoa');
  });

  it('changes its signature when a conflict is settled or someone moves', () => {
    const c = conflict(cell('s1', 'r1', 'e'), [w(111, 'lan', 'a:1'), w(222, 'minh', 'b:1')]);
    const p = person(2, 'hoa', { sheetId: 's1', rowId: 'r1', colId: 'e' });
    const before = marksSignature(collabMarks('s1', [c], [p]));
    expect(marksSignature(collabMarks('s1', [c], [p]))).toBe(before);
    expect(marksSignature(collabMarks('s1', [], [p]))).not.toBe(before);
    const moved = { ...p, cell: { sheetId: 's1', rowId: 'r2', colId: 'e' } };
    expect(marksSignature(collabMarks('s1', [c], [moved]))).not.toBe(before);
  });
});
