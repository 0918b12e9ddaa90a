import { describe, expect, it } from 'vitest';
import { changedSince } from './changedSince';
import { filterRows } from './find';
import { makePlan } from './template';

const A11 = 'y2011_dtpt';

describe('rows changed since a version', () => {
  it('names rows added or edited, never floating noise, and filters down to them', () => {
    const wb = makePlan({
      rows: [
        ['section', 0, 'I'],
        ['project', 1, 'a', { [A11]: 0.3 }],
        ['project', 1, 'b', { [A11]: 2 }],
        ['total', 0, 'Tổng cộng'],
      ],
    });
    const then = wb.sheets[0];
    const rows = then.rows.map((r) => ({ ...r, cells: { ...r.cells } }));
    rows[1].cells[A11] = 0.1 + 0.2; // the same figure
    rows[2].cells[A11] = 5;
    const added = { ...rows[2], id: 'new', cells: { name: 'c' } };
    const now = { ...then, rows: [...rows.slice(0, 3), added, rows[3]] };
    const changed = changedSince(then, now);
    expect([...changed]).toEqual([rows[2].id, 'new']);
    const shown = filterRows(now, { changed })!;
    expect(now.rows.filter((r) => shown.has(r.id)).map((r) => r.cells.name)).toEqual([
      'I',
      'b',
      'c',
      'Tổng cộng',
    ]);
    expect(changedSince(undefined, now).size).toBe(5);
  });
});
