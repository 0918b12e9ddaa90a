/** The three bugs of issue #14, each reproduced through the session as the app drives it. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES } from '../domain/refusals';
import { makePlan, makeRow } from '../domain/template';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { WorkbookSession } from './session';

const A11 = 'y2011_dtpt';
let n = 0;

async function nested() {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['section', 1, '1', {}],
      ['project', 2, 'p1', { '2011:ĐTPT': 100 }],
      ['section', 2, '1.1', {}],
      ['project', 3, 'p2', { '2011:ĐTPT': 5 }],
      ['project', 2, 'p3', { '2011:ĐTPT': 7 }],
      ['section', 1, '2', {}],
      ['project', 2, 'p4', { '2011:ĐTPT': 1 }],
    ],
  });
  const repo = new WorkbookRepo(openDb(`bugs${++n}`));
  return { repo, s: new WorkbookSession(await repo.create(wb), repo) };
}

const shape = (s: WorkbookSession) =>
  s.workbook.sheets[0].rows.map((r) => `${r.id}:${r.kind}:${r.level}`);
const figures = (s: WorkbookSession) => {
  const sh = s.workbook.sheets[0];
  return [...sh.rows.map((_, i) => s.value(sh.id, i, A11)), s.total(sh.id, null, 'total')];
};

describe('bug (a): deleting nested sections and undoing', () => {
  it('restores every level, the totals and the stored rows', async () => {
    const { s, repo } = await nested();
    const before = { shape: shape(s), figures: figures(s) };
    // the nested section 1 and its nested section 1.1, without their projects
    expect(s.dispatch({ type: 'deleteRows', sheetId: 's1', rowIds: ['r2', 'r4'] }, 'x').ok).toBe(
      true,
    );
    expect(s.undo()).toBe(true);
    expect(shape(s)).toEqual(before.shape);
    expect(figures(s)).toEqual(before.figures);
    await s.whenSaved();
    const stored = (await repo.load(s.workbook.id))!.workbook.sheets[0].rows;
    expect(stored).toEqual(s.workbook.sheets[0].rows);
  });
});

describe('bug (b): a refused formula leaves no trace', () => {
  it('TRANSPOSE over its own cell is refused and no total shows an error', () => {
    const wb = makePlan({
      rows: [
        ['section', 0, 'I', {}],
        ['project', 1, 'p0', { '2011:ĐTPT': 7 }],
        ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
        ['project', 1, 'p2', { '2011:ĐTPT': 3 }],
      ],
    });
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const before = figures(s);
    const r = s.dispatch(
      {
        type: 'setCells',
        sheetId: 's1',
        changes: [{ rowId: 'r2', colId: A11, value: '=TRANSPOSE(E2:E3)' }],
      },
      'edit',
    );
    expect(r.ok).toBe(false);
    expect(figures(s)).toEqual(before);
    expect(s.total('s1', null, 'total')).toBe(110);
  });

  it('an array formula spilling over its neighbours is refused (one cell holds one value)', () => {
    const wb = makePlan({
      rows: [
        ['section', 0, 'I', {}],
        ['project', 1, 'p0', { '2011:ĐTPT': 7, '2011:SN': 1 }],
        ['project', 1, 'p1', {}],
        ['project', 1, 'p2', {}],
      ],
    });
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const before = figures(s);
    const r = s.dispatch(
      {
        type: 'setCells',
        sheetId: 's1',
        changes: [{ rowId: 'r3', colId: A11, value: '=TRANSPOSE(E2:F2)' }],
      },
      'edit',
    );
    expect(r.ok ? 'ok' : r.refusals[0].code).toBe('SPILL');
    expect(figures(s)).toEqual(before);
  });
});

describe('bug (c): every refusal has a known code', () => {
  it('an array formula (SEQUENCE) is refused with a code the UI can word', async () => {
    const { s } = await nested();
    const before = figures(s);
    const r = s.dispatch(
      {
        type: 'setCells',
        sheetId: 's1',
        changes: [{ rowId: 'r3', colId: A11, value: '=SEQUENCE(3)' }],
      },
      'edit',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(REFUSAL_CODES).toContain(r.refusals[0].code);
    expect(figures(s)).toEqual(before);
  });
});

describe('formulas follow their rows', () => {
  it('a formula keeps pointing at its row when rows are inserted above; storage agrees', async () => {
    const wb = makePlan({
      rows: [
        ['section', 0, 'I', {}],
        ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
        ['project', 1, 'p2', { '2011:ĐTPT': '=E2*2' }],
      ],
    });
    const repo = new WorkbookRepo(openDb(`bugs${++n}`));
    const s = new WorkbookSession(await repo.create(wb), repo);
    s.dispatch(
      { type: 'insertRows', sheetId: 's1', at: 1, rows: [makeRow('project', 1, { [A11]: 7 })] },
      'add',
    );
    expect(s.value('s1', 3, A11)).toBe(200);
    expect(s.workbook.sheets[0].rows[3].cells[A11]).toBe('=E3*2');
    await s.whenSaved();
    const again = new WorkbookSession((await repo.load('w1'))!, repo);
    expect(again.value('s1', 3, A11)).toBe(200);
    s.undo();
    expect(s.workbook.sheets[0].rows[2].cells[A11]).toBe('=E2*2');
  });
});
