import { describe, expect, it } from 'vitest';
import { isBlank, isBlankRow } from '../domain/consolidate';
import { ConsolidationSession } from './consolidation';
import { readSubmissions } from './consolidationIntake';
import { newConsolidation } from './consolidations';
import { departmentFile as file } from '../../tests/support/consolidationBlank';

describe('blank cells of the live consolidated table', () => {
  it('keeps a typed 0 apart from a blank cell, and fills a blank one when a proposal is set', async () => {
    const c = newConsolidation({
      title: 'Tổng hợp 2026',
      unit: 'triệu đồng',
      years: [2026, 2027],
      sources: ['ĐTPT', 'SN'],
      sections: [],
      units: ['Sở Y tế', 'Sở Nội vụ'],
    });
    const s = new ConsolidationSession({ consolidation: c, submissions: new Map(), rev: 0 }, null);
    const files = [
      file('Sở Y tế', 'Bệnh án điện tử', 3000, null),
      file('Sở Nội vụ', 'Số hóa', 500, 0),
    ];
    expect(s.receive(await readSubmissions(s.state, s.submissions, files)).ok).toBe(true);
    const t = s.table;
    const sn = t.columns.findIndex((col) => col.id === 'y2026_sn');
    const later = t.columns.findIndex((col) => col.id === 'y2027_dtpt');
    const row = (name: string) => s.table.rows.find((r) => r.name === name)!;
    expect(isBlank(row('Bệnh án điện tử').filled, 'requested', sn)).toBe(true);
    expect(isBlank(row('Số hóa').filled, 'requested', sn)).toBe(false);
    expect(row('Số hóa').requested[sn]).toBe(0);
    expect(isBlank(t.grand.filled, 'requested', sn)).toBe(false);
    expect(isBlank(t.grand.filled, 'proposed', later)).toBe(true);
    // a proposal of 0 on a blank cell shows 0, in its row and every group above it
    const key = row('Bệnh án điện tử').key;
    expect(
      s.dispatch({ type: 'setProposed', key, column: 'y2027_dtpt', value: 0 }, 'edit').ok,
    ).toBe(true);
    expect(isBlank(row('Bệnh án điện tử').filled, 'proposed', later)).toBe(false);
    expect(isBlank(row('Bệnh án điện tử').filled, 'requested', later)).toBe(true);
    expect(isBlank(s.table.rows[0].filled, 'proposed', later)).toBe(false);
    expect(isBlank(s.table.grand.filled, 'proposed', later)).toBe(false);
    expect(isBlankRow(row('Bệnh án điện tử').filled, 'difference')).toBe(false);
    expect(s.undo()).toBe(true);
    expect(isBlank(row('Bệnh án điện tử').filled, 'proposed', later)).toBe(true);
    expect(isBlank(s.table.grand.filled, 'proposed', later)).toBe(true);
  });
});
