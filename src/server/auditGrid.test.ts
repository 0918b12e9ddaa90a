/** The server's audit trail lists a plain sheet's cell edits like an appendix cell's (issue #21). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RegisterIndex } from '../domain/registerIndex';
import { makePlan } from '../domain/template';
import type { Workbook } from '../domain/types';
import { SharedWorkbook } from '../storage/sync/sharedWorkbook';
import type { Account } from './accounts';
import { auditLines } from './audit';

const lan = { id: 'lan', name: 'Lan', unit: 'so-tttt', role: 'editor' } as unknown as Account;

describe('audit of plain sheet cells', () => {
  it('says who changed which plain cell from what to what', () => {
    const doc = new Y.Doc();
    const s = new SharedWorkbook(doc, {
      author: 'lan',
      base: { id: 'x', createdAt: 1, updatedAt: 1 },
    });
    const wb: Workbook = {
      ...makePlan({ rows: [['section', 0, 'I', {}]] }),
      grids: [{ kind: 'grid', id: 'g1', name: 'Ghi chú', cells: [['a', 1]] }],
    };
    s.publish(wb);
    const index = new RegisterIndex();
    const map = doc.getMap<unknown>('reg');
    map.forEach((v, k) => index.apply(k, v));
    const keys: string[] = [];
    map.observe((e) => keys.push(...e.keysChanged));
    const after = { ...wb, grids: [{ ...wb.grids![0], cells: [['a', 5]] }] };
    s.commit(s.workbook!, after);
    const lines = auditLines('plan/p1', index, map, keys, lan, 5);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      kind: 'cell',
      sheet: 'g1',
      row: '0',
      col: '1',
      before: '1',
      after: '5',
      account: 'lan',
    });
  });

  it('records where the cell was when written, after a row was inserted above it', () => {
    const doc = new Y.Doc();
    const s = new SharedWorkbook(doc, {
      author: 'lan',
      base: { id: 'x', createdAt: 1, updatedAt: 1 },
    });
    const g = {
      kind: 'grid' as const,
      id: 'g1',
      name: 'Ghi chú',
      cells: [
        ['a', 1],
        ['b', 2],
      ],
    };
    s.publish({ ...makePlan({ rows: [['section', 0, 'I', {}]] }), grids: [g] });
    const wb = s.workbook!;
    const inserted = { ...g, cells: [['mới'], ...g.cells] };
    s.commit(wb, { ...wb, grids: [inserted] });
    const index = new RegisterIndex();
    const map = doc.getMap<unknown>('reg');
    map.forEach((v, k) => index.apply(k, v));
    const keys: string[] = [];
    map.observe((e) => keys.push(...e.keysChanged));
    const cells = inserted.cells.slice();
    cells[2] = ['b', 20];
    s.commit(s.workbook!, { ...s.workbook!, grids: [{ ...inserted, cells }] });
    const lines = auditLines('plan/p1', index, map, keys, lan, 5);
    expect(lines.map((l) => [l.kind, l.sheet, l.row, l.col, l.before, l.after])).toEqual([
      ['cell', 'g1', '2', '1', '2', '20'],
    ]);
  });
});
