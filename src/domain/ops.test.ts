import { describe, expect, it } from 'vitest';
import { insertRows, setCells } from './ops';
import type { AppendixSheet, Row } from './types';

const sheet = (rows: Row[]): AppendixSheet =>
  ({ id: 's', name: 'PL', columns: [], rows }) as unknown as AppendixSheet;

describe('raw cell edits keep one form of an empty cell', () => {
  it('an inserted row keeps no blank cell (null or empty text), as a cleared cell keeps none', () => {
    const s = sheet([{ id: 'a', kind: 'project', level: 0, cells: { name: 'A' } }]);
    const row: Row = {
      id: 'b',
      kind: 'project',
      level: 0,
      cells: { name: 'B', lead: null, note: '' },
    };
    const out = insertRows(s, 1, [row]);
    expect(out.rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(out.rows[1].cells).toEqual({ name: 'B' });
    expect(Object.keys(out.rows[1].cells)).toEqual(['name']);
    const cleared = setCells(out, [{ rowId: 'a', colId: 'name', value: null }]);
    expect(Object.keys(cleared.rows[0].cells)).toEqual([]);
  });

  it('rows inserted in the middle keep the rows after them in order', () => {
    const s = sheet(['a', 'b', 'c'].map((id) => ({ id, kind: 'project', level: 0, cells: {} })));
    const out = insertRows(s, 1, [{ id: 'x', kind: 'project', level: 0, cells: {} }]);
    expect(out.rows.map((r) => r.id)).toEqual(['a', 'x', 'b', 'c']);
  });
});
