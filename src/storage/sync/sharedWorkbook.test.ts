import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteRows, insertRows, moveRows, setCells, type CellChange } from '../../domain/ops';
import { makePlan, makeRow } from '../../domain/template';
import type { AppendixSheet, Workbook } from '../../domain/types';
import { writeOrder } from './order';
import { SharedWorkbook } from './sharedWorkbook';

const A = 'y2011_dtpt';
const base = { id: 'local', createdAt: 1, updatedAt: 1 };

function plan(): Workbook {
  return makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { '2011:ĐTPT': 100, '2011:SN': 10 }],
      ['project', 1, 'p2', { '2011:ĐTPT': 200 }],
      ['project', 1, 'p3', { '2011:ĐTPT': 5 }],
    ],
  });
}

/** A replica: its own Yjs document and shared workbook, as one person's browser. */
function replica(author: string, clock = () => 1000) {
  const doc = new Y.Doc();
  const shared = new SharedWorkbook(doc, { author, base, now: clock });
  const steps: { kind: string; before: Workbook | null; after: Workbook }[] = [];
  shared.onChange((kind, before, after) => steps.push({ kind, before, after }));
  return { doc, shared, steps };
}

/** Brings every document up to date with every other one (a reconnection). */
function exchange(...docs: Y.Doc[]) {
  for (const a of docs)
    for (const b of docs)
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** One local step through a sheet edit. */
function edit(s: SharedWorkbook, f: (sh: AppendixSheet) => AppendixSheet): Workbook {
  const before = s.workbook!;
  const after = { ...before, sheets: [f(before.sheets[0]), ...before.sheets.slice(1)] };
  s.commit(before, after);
  return after;
}
const setCell = (s: SharedWorkbook, rowId: string, value: number | string | null, colId = A) =>
  edit(s, (sh) => setCells(sh, [{ rowId, colId, value } satisfies CellChange]));

const cell = (wb: Workbook, rowId: string, colId = A) =>
  wb.sheets[0].rows.find((r) => r.id === rowId)?.cells[colId];

describe('shared workbook', () => {
  it('another replica reads the published workbook as it was', () => {
    const a = replica('lan');
    const wb = plan();
    a.shared.publish(wb);
    const b = replica('minh');
    exchange(a.doc, b.doc);
    expect(b.steps.map((s) => s.kind)).toEqual(['load']);
    expect(b.shared.workbook).toEqual({ ...wb, ...base });
  });

  it('a cell edit arrives as a step that changes that row only, with who, when and what it replaced', () => {
    const a = replica('lan', () => 5000);
    a.shared.publish(plan());
    const b = replica('minh');
    exchange(a.doc, b.doc);
    const before = b.shared.workbook!;
    setCell(a.shared, 'r2', 150);
    exchange(a.doc, b.doc);
    const after = b.shared.workbook!;
    expect(b.steps.at(-1)!.kind).toBe('remote');
    expect(cell(after, 'r2')).toBe(150);
    const rows = after.sheets[0].rows;
    expect(rows.filter((r, i) => r !== before.sheets[0].rows[i]).map((r) => r.id)).toEqual(['r2']);
    expect(after.meta).toBe(before.meta);
    const w = b.shared.cellWrite('s1', 'r2', A)!;
    expect(w).toMatchObject({ v: 150, by: 'lan', at: 5000, was: 100 });
    expect(a.steps).toEqual([]); // own steps are never echoed back
  });

  it('two people writing one cell while apart: both values are kept and shown to both', () => {
    const a = replica('lan', () => 2000);
    a.shared.publish(plan());
    const b = replica('minh', () => 3000);
    exchange(a.doc, b.doc);
    setCell(a.shared, 'r2', 111);
    setCell(b.shared, 'r2', 222);
    exchange(a.doc, b.doc);
    for (const r of [a, b]) {
      const c = r.shared.conflicts();
      expect(c).toHaveLength(1);
      expect(c[0].register).toEqual({ kind: 'cell', sheetId: 's1', rowId: 'r2', colId: A });
      expect(c[0].writes.map((w) => [w.v, w.by, w.was])).toEqual([
        [222, 'minh', 100],
        [111, 'lan', 100],
      ]);
      expect(cell(r.shared.workbook!, 'r2')).toBe(222); // the latest meanwhile, the same for both
    }
    // lan settles it with her value: settled everywhere
    a.shared.settle(a.shared.conflicts()[0].key, 111);
    exchange(a.doc, b.doc);
    for (const r of [a, b]) {
      expect(r.shared.conflicts()).toEqual([]);
      expect(cell(r.shared.workbook!, 'r2')).toBe(111);
    }
    expect(b.shared.cellWrite('s1', 'r2', A)).toMatchObject({ v: 111, by: 'lan', was: 222 });
  });

  it('a plain Yjs map key written by two replicas keeps one value (why registers exist)', () => {
    const x = new Y.Doc();
    const y = new Y.Doc();
    x.getMap('m').set('k', 1);
    y.getMap('m').set('k', 2);
    exchange(x, y);
    expect(x.getMap('m').get('k')).toBe(y.getMap('m').get('k'));
    expect([...x.getMap('m').values()]).toHaveLength(1);
  });

  it('edits of different cells of one row while apart both land, no conflict', () => {
    const a = replica('lan');
    a.shared.publish(plan());
    const b = replica('minh');
    exchange(a.doc, b.doc);
    setCell(a.shared, 'r2', 1);
    setCell(b.shared, 'r2', 2, 'y2011_sn');
    exchange(a.doc, b.doc);
    for (const r of [a, b]) {
      expect(r.shared.conflicts()).toEqual([]);
      expect([cell(r.shared.workbook!, 'r2'), cell(r.shared.workbook!, 'r2', 'y2011_sn')]).toEqual([
        1, 2,
      ]);
    }
  });

  it('rows inserted, moved and removed while apart: all converge, an edit of a removed row is surfaced', () => {
    const a = replica('lan');
    a.shared.publish(plan());
    const b = replica('minh');
    const c = replica('hoa');
    exchange(a.doc, b.doc, c.doc);
    const n1 = { ...makeRow('project', 1, { name: 'new A', [A]: 7 }), id: 'nA' };
    const n2 = { ...makeRow('project', 1, { name: 'new B', [A]: 8 }), id: 'nB' };
    edit(a.shared, (sh) => insertRows(sh, 2, [n1]));
    edit(b.shared, (sh) => insertRows(sh, 2, [n2]));
    edit(b.shared, (sh) => deleteRows(sh, ['r4']));
    setCell(c.shared, 'r4', 55);
    edit(c.shared, (sh) => moveRows(sh, 1, 1, 3)); // p1 after p3
    exchange(a.doc, b.doc, c.doc);
    const ids = (r: ReturnType<typeof replica>) =>
      r.shared.workbook!.sheets[0].rows.map((x) => x.id);
    expect(ids(b)).toEqual(ids(a));
    expect(ids(c)).toEqual(ids(a));
    expect(ids(a)).toContain('nA');
    expect(ids(a)).toContain('nB');
    expect(ids(a)).not.toContain('r4');
    for (const r of [a, b, c]) {
      const orphans = r.shared.conflicts().filter((x) => x.orphan);
      expect(orphans.map((o) => [o.writes[0].v, o.writes[0].by])).toEqual([[55, 'hoa']]);
    }
    // letting it go with its row settles it everywhere
    b.shared.settle(b.shared.conflicts()[0].key, undefined);
    exchange(a.doc, b.doc, c.doc);
    for (const r of [a, b, c]) expect(r.shared.conflicts()).toEqual([]);
  });

  it('a row re-shaped by one and edited by another while apart keeps both', () => {
    const a = replica('lan');
    a.shared.publish(plan());
    const b = replica('minh');
    exchange(a.doc, b.doc);
    edit(a.shared, (sh) => ({
      ...sh,
      rows: sh.rows.map((r) => (r.id === 'r3' ? { ...r, remark: 'checked' } : r)),
    }));
    setCell(b.shared, 'r3', 999);
    exchange(a.doc, b.doc);
    for (const r of [a, b]) {
      const row = r.shared.workbook!.sheets[0].rows.find((x) => x.id === 'r3')!;
      expect([row.remark, row.cells[A]]).toEqual(['checked', 999]);
    }
  });

  it('writing an order moves only what moved', () => {
    const doc = new Y.Doc();
    const arr = doc.getArray<string>('o');
    const ids = Array.from({ length: 1000 }, (_, i) => `r${i}`);
    arr.insert(0, ids);
    let ops = 0;
    arr.observe((e) => (ops += e.changes.delta.filter((d) => !('retain' in d)).length));
    const want = ids.slice();
    want.splice(500, 0, ...want.splice(10, 2));
    doc.transact(() => writeOrder(arr, want));
    expect(arr.toArray()).toEqual(want);
    expect(ops).toBeLessThanOrEqual(2);
  });
});
