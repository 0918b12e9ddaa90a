import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as domain from '../domain/consolidate';
import { ConsolidationSession } from './consolidation';
import { readSubmissions } from './consolidationIntake';
import { exportConsolidation, newConsolidation } from './consolidations';

// the domain's consolidation counted: an edited proposal must not lay the appendix out again
vi.mock('../domain/consolidate', async (orig) => {
  const m = await orig<typeof import('../domain/consolidate')>();
  return { ...m, consolidate: vi.fn(m.consolidate) };
});
const laidOut = () => vi.mocked(domain.consolidate).mock.calls.length;

const DIR = 'fixtures/consolidate';
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`${DIR}/${name}`)) });

async function received() {
  const c = newConsolidation({
    title: 'Tổng hợp đề xuất ứng dụng CNTT 2026–2028',
    unit: 'triệu đồng',
    years: [2026, 2027, 2028],
    sources: ['ĐTPT', 'SN'],
    sections: ['Hạ tầng kỹ thuật', 'Ứng dụng CNTT', 'An toàn thông tin'],
    units: ['Sở TT&TT', 'Sở Y tế', 'UBND huyện Gio Linh'],
  });
  const s = new ConsolidationSession({ consolidation: c, submissions: new Map(), rev: 0 }, null);
  const files = ['so-tttt.xlsx', 'so-y-te.xlsx', 'ubnd-gio-linh.xls'].map(file);
  expect(s.receive(await readSubmissions(s.state, s.submissions, files)).ok).toBe(true);
  return s;
}

describe('the consolidated appendix in the engine', () => {
  it('updates subtotals, the grand total and differences through the engine when a proposal is edited, and undoes it', async () => {
    const s = await received();
    const t0 = s.table;
    expect(t0.grand.sums).toEqual({ requested: 60900, proposed: 60900, difference: 0 });
    const i = t0.rows.findIndex((r) => r.name === 'Nâng cấp Cổng thông tin điện tử tỉnh');
    const portal = t0.rows[i];
    const j = t0.columns.findIndex((c) => c.id === 'y2026_dtpt');
    const before = portal.requested[j];
    // its unit subtotal (the row above it one level up) and its section
    const unitAt = t0.rows.findLastIndex((r, k) => k < i && r.level === portal.level - 1);
    const sectionAt = t0.rows.findLastIndex((r, k) => k < unitAt && r.level === 0);
    const other = t0.rows.find((r) => r.kind === 'project' && r.key !== portal.key)!;
    const tttt = t0.byUnit.find((u) => u.unit === 'Sở TT&TT')!;
    // the subtotals are the engine's formulas
    expect(s.live.engine.formula(unitAt, 1, j)).toMatch(/^=SUM\(/);
    expect(s.live.engine.formula(sectionAt, 2, j)).toMatch(/^=[A-Z]+\d+-[A-Z]+\d+$/);
    expect(s.live.engine.formula(t0.rows.length, 1, j)).toMatch(/^=SUM\(/);

    const calls = laidOut();
    expect(
      s.dispatch({ type: 'setProposed', key: portal.key, column: 'y2026_dtpt', value: 600 }, 'cut')
        .ok,
    ).toBe(true);
    expect(laidOut()).toBe(calls); // not consolidated again: the engine recomputed
    const t1 = s.table;
    const cut = 600 - before;
    expect(t1.rows[i].proposed[j]).toBe(600);
    expect(t1.rows[i].difference[j]).toBe(cut);
    expect(t1.rows[unitAt].proposed[j]).toBe(t0.rows[unitAt].proposed[j] + cut);
    expect(t1.rows[unitAt].difference[j]).toBe(cut);
    expect(t1.rows[sectionAt].sums.difference).toBe(cut);
    expect(t1.grand.sums).toEqual({ requested: 60900, proposed: 60900 + cut, difference: cut });
    expect(t1.total.proposed[j]).toBe(t0.total.proposed[j] + cut);
    expect(t1.byUnit.find((u) => u.unit === 'Sở TT&TT')!.sums.proposed).toBe(
      tttt.sums.proposed + cut,
    );
    // rows that did not change keep their objects (the grid redraws only what changed)
    expect(t1.rows.find((r) => r.key === other.key)).toBe(other);
    expect(s.status().find((u) => u.unit === 'Sở TT&TT')!.requested).toBe(34600);

    expect(s.undo()).toBe(true);
    expect(laidOut()).toBe(calls);
    expect(s.table.grand.sums).toEqual({ requested: 60900, proposed: 60900, difference: 0 });
    expect(s.table.rows[unitAt].proposed).toEqual(t0.rows[unitAt].proposed);
    expect(s.redo()).toBe(true);
    expect(s.table.grand.sums.proposed).toBe(60900 + cut);

    // a proposal back to the requested figure (null) is an edit too
    s.dispatch(
      { type: 'setProposed', key: portal.key, column: 'y2026_dtpt', value: null },
      'reset',
    );
    expect(s.table.grand.sums.difference).toBe(0);
    expect(laidOut()).toBe(calls);
    s.close();
  });

  it('lays the appendix out again for a resolution, keeping the edited proposals', async () => {
    const s = await received();
    const portal = s.table.rows.find((r) => r.name === 'Nâng cấp Cổng thông tin điện tử tỉnh')!;
    s.dispatch({ type: 'setProposed', key: portal.key, column: 'y2026_dtpt', value: 600 }, 'cut');
    const cut = s.table.grand.sums.difference;
    const [dup] = s.table.duplicates;
    const other = s.table.rows.find(
      (r) => r.kind === 'project' && r.key !== dup.a && r.key !== dup.b,
    )!;
    const calls = laidOut();
    s.dispatch(
      { type: 'resolve', pair: dup.key, resolution: { kind: 'keep', keep: dup.a } },
      'keep',
    );
    expect(s.table.grand.sums.requested).toBe(46900);
    expect(laidOut()).toBe(calls + 1); // laid out again when next read
    expect(s.table.grand.sums.difference).toBe(cut);
    // the rows the resolution did not touch keep their objects (the grid redraws the others)
    expect(s.table.rows.find((r) => r.key === other.key)).toBe(other);
    expect(
      s.table.rows.some((r) => r.key === dup.a) && s.table.rows.some((r) => r.key === dup.b),
    ).toBe(false);
    s.close();
  });

  it('exports the figures the engine computed, with formulas', async () => {
    const s = await received();
    const portal = s.table.rows.find((r) => r.name === 'Nâng cấp Cổng thông tin điện tử tỉnh')!;
    s.dispatch({ type: 'setProposed', key: portal.key, column: 'y2026_sn', value: 50 }, 'cut');
    const g = s.table.grand;
    const path = join(mkdtempSync(join(tmpdir(), 'pb-cons-')), 'tong-hop.xlsx');
    writeFileSync(path, await exportConsolidation(s, false, 'vi'));
    // read by openpyxl: the grand total row's cached values and its formulas
    const script = `
import json, sys, openpyxl
def row(wb):
    ws = wb.worksheets[0]
    for r in ws.iter_rows(values_only=True):
        if len(r) > 1 and r[1] == 'TỔNG CỘNG': return list(r)
print(json.dumps([row(openpyxl.load_workbook(sys.argv[1], data_only=d)) for d in (True, False)]))`;
    const [values, formulas] = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' }),
    ) as unknown[][];
    const n = s.table.columns.length;
    const at = 4 + 3 * n; // TT, name, unit, lead, three figures per column, then the totals
    expect(values.slice(at, at + 3)).toEqual([
      g.sums.requested,
      g.sums.proposed,
      g.sums.difference,
    ]);
    expect(values.slice(4, 10)).toEqual([
      g.requested[0],
      g.proposed[0],
      g.difference[0],
      g.requested[1],
      g.proposed[1],
      g.difference[1],
    ]);
    expect(formulas[5]).toMatch(/^=SUM\(/);
    expect(formulas[6]).toMatch(/^=F\d+-E\d+$/);
    s.close();
  });
});
