/**
 * A step that renames a top-level label so that the table becomes a balance table (or no longer
 * is one) says so at once (`pinned`), through the one edit path (command → apply → delta), undo
 * and redo as well; a figure typed in a project reads no label. Before, only the next structural
 * step pinned or unpinned the computed totals.
 */
import { describe, expect, it } from 'vitest';
import { grandTotalChanged } from '../domain/grandTotal';
import { amountColumnId, makePlan } from '../domain/template';
import { computedTotalRows } from '../domain/totals';
import type { StepEvent } from './dispatcher';
import { WorkbookSession } from './session';

function session() {
  const wb = makePlan({
    years: [2024],
    sources: ['ĐTPT'],
    rows: [
      ['project', 0, 'Tổng thu ngân sách', { '2024:ĐTPT': 100 }],
      ['project', 0, 'Tổng chi ngân sách', { '2024:ĐTPT': 130 }],
      ['section', 0, 'Dự án giao thông', {}],
      ['project', 1, 'Đường tỉnh 1', { '2024:ĐTPT': 30 }],
    ],
  });
  const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
  const events: StepEvent[] = [];
  s.subscribe((e) => events.push(e));
  return { s, events };
}

const rename = (s: WorkbookSession, rowId: string, name: string) =>
  s.dispatch(
    { type: 'setCells', sheetId: 's1', changes: [{ rowId, colId: 'name', value: name }] },
    'edit',
  );
const pinned = (e: StepEvent) => e.patches.find((p) => p.sheetId === 's1')?.pinned === true;
const shown = (s: WorkbookSession) => computedTotalRows(s.workbook.sheets[0], ['ĐTPT']).length;

describe('the computed totals follow a renamed label at once', () => {
  it('a top-level row renamed to a deficit drops them; undo and redo bring them back and away', () => {
    const { s, events } = session();
    // revenue and expenditure: no grand total
    expect(shown(s)).toBe(0);
    expect(rename(s, 'r2', 'Đường tỉnh 2').ok).toBe(true);
    // no expenditure block any more: the rows are parts of one whole
    expect(shown(s)).toBe(2);
    expect(pinned(events.at(-1)!)).toBe(true);
    s.undo();
    expect(shown(s)).toBe(0);
    expect(pinned(events.at(-1)!)).toBe(true);
    s.redo();
    expect(shown(s)).toBe(2);
    expect(pinned(events.at(-1)!)).toBe(true);
    expect(rename(s, 'r3', 'Bội chi ngân sách').ok).toBe(true);
    expect(shown(s)).toBe(0);
    expect(pinned(events.at(-1)!)).toBe(true);
  });

  it('a rename that keeps the reading, or a figure, changes nothing pinned', () => {
    const { s, events } = session();
    expect(rename(s, 'r3', 'Dự án thủy lợi').ok).toBe(true);
    expect(pinned(events.at(-1)!)).toBe(false);
    s.dispatch(
      {
        type: 'setCells',
        sheetId: 's1',
        changes: [{ rowId: 'r4', colId: amountColumnId(2024, 'ĐTPT'), value: 40 }],
      },
      'edit',
    );
    expect(events.at(-1)!.delta.sheets[0].rows).toHaveLength(1);
    expect(pinned(events.at(-1)!)).toBe(false);
  });

  it('carries the reading over a step below the top levels (no label read)', () => {
    const wb = makePlan({
      rows: [
        ['section', 0, 'A', {}],
        ['section', 1, 'B', {}],
        ['project', 2, 'Bội chi', {}],
      ],
    });
    const rows = wb.sheets[0].rows;
    const after = [rows[0], rows[1], { ...rows[2], cells: { name: 'Tổng thu' } }];
    expect(grandTotalChanged(rows, after, [{ before: rows[2], after: after[2] }])).toBe(false);
    const top = [{ ...rows[0], cells: { name: 'Bội chi' } }, rows[1], rows[2]];
    expect(grandTotalChanged(rows, top, [{ before: rows[0], after: top[0] }])).toBe(true);
  });
});
