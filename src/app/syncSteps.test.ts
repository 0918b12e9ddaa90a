import { describe, expect, it } from 'vitest';
import { newSheet, makePlan, makeRow } from '../domain/template';
import { prng } from '../domain/generate';
import type { Workbook } from '../domain/types';
import type { Command } from './commands';
import { WorkbookSession } from './session';
import { remoteCommand } from './syncSteps';

const A = 'y2011_dtpt';

function plan(): Workbook {
  return makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
      ['section', 1, '1', {}],
      ['project', 2, 'p2', { '2011:ĐTPT': 200 }],
      ['project', 2, 'p3', { '2011:ĐTPT': 300, '2011:SN': 5 }],
      ['section', 0, 'II', {}],
      ['project', 1, 'p4', { '2011:ĐTPT': 7 }],
    ],
  });
}

const session = (wb: Workbook) =>
  new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);

/** What a person sees: rows, every figure and the totals. */
function seen(s: WorkbookSession) {
  return {
    meta: s.workbook.meta,
    sheets: s.workbook.sheets.map((sh) => ({
      name: sh.name,
      rows: sh.rows,
      figures: sh.rows.map((_, i) => s.value(sh.id, i, A)),
      total: s.total(sh.id, null, 'total'),
    })),
    grids: s.workbook.grids ?? [],
  };
}

/** Steps one person does; the other follows through remoteCommand. */
function follows(steps: ((s: WorkbookSession) => Command)[]) {
  const a = session(plan());
  const b = session(plan());
  for (const step of steps) {
    expect(a.dispatch(step(a), 'step').ok).toBe(true);
    const cmd = remoteCommand(b.workbook, a.workbook);
    expect(cmd).not.toBeNull();
    expect(b.applyRemote(cmd!).ok).toBe(true);
    expect(seen(b)).toEqual(seen(a));
    expect(b.history.canUndo).toBe(false);
  }
  expect(remoteCommand(b.workbook, a.workbook)).toBeNull();
}

describe('remote steps', () => {
  it('cell edits, rows inserted, removed, moved, re-levelled', () =>
    follows([
      () => ({ type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r4', colId: A, value: 250 }] }),
      () => ({
        type: 'insertRows',
        sheetId: 's1',
        at: 5,
        rows: [{ ...makeRow('project', 2, { [A]: 40 }), id: 'n1' }],
      }),
      () => ({ type: 'deleteRows', sheetId: 's1', rowIds: ['r2'] }),
      () => ({ type: 'moveRows', sheetId: 's1', from: 1, count: 3, to: 4 }),
      () => ({
        type: 'reshape',
        sheetId: 's1',
        shapes: [{ rowId: 'r4', level: 1, kind: 'project' }],
      }),
      () => ({
        type: 'setCells',
        sheetId: 's1',
        changes: [{ rowId: 'r5', colId: A, value: null }],
      }),
    ]));

  it('the meta, sheets added and removed, plain grid sheets', () =>
    follows([
      (s) => ({ type: 'setMeta', meta: { ...s.workbook.meta, title: 'Kế hoạch sửa' } }),
      (s) => ({
        type: 'addSheet',
        sheet: { ...newSheet(s.workbook.meta, 'PL2'), id: 's2' },
        at: 1,
      }),
      () => ({
        type: 'addGrid',
        grid: { kind: 'grid', id: 'g1', name: 'Ghi chú', cells: [[1, 2]] },
        at: 0,
      }),
      () => ({ type: 'setGridCells', gridId: 'g1', changes: [{ r: 0, c: 1, value: '=A1*3' }] }),
      () => ({ type: 'removeSheet', sheetId: 's1' }),
    ]));

  it('random steps: the follower always shows what the leader shows', () => {
    const rnd = prng(7);
    const steps: ((s: WorkbookSession) => Command)[] = [];
    let n = 0;
    for (let k = 0; k < 40; k++) {
      const pick = rnd();
      steps.push((s) => {
        const rows = s.workbook.sheets[0].rows;
        const i = Math.floor(rnd() * rows.length);
        if (pick < 0.5)
          return {
            type: 'setCells',
            sheetId: 's1',
            changes: rows
              .filter((r) => r.kind === 'project')
              .slice(0, 2)
              .map((r) => ({ rowId: r.id, colId: A, value: Math.round(rnd() * 1000) })),
          };
        if (pick < 0.7)
          return {
            type: 'insertRows',
            sheetId: 's1',
            at: i,
            rows: [{ ...makeRow('project', rows[i]?.level ?? 0, { [A]: 1 }), id: `x${n++}` }],
          };
        if (pick < 0.85 && rows.length > 3)
          return {
            type: 'moveRows',
            sheetId: 's1',
            from: i,
            count: 1,
            to: Math.floor(rnd() * (rows.length - 1)),
          };
        return rows.length > 3
          ? { type: 'deleteRows', sheetId: 's1', rowIds: [rows[i].id] }
          : { type: 'setMeta', meta: { ...s.workbook.meta, remark: String(k) } };
      });
    }
    follows(steps);
  });
});
