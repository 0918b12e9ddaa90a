import { describe, expect, it } from 'vitest';
import type { CellInput } from '../domain/types';
import { planClear, planFill, planPaste } from './clipboard';
import { copyRange } from './copyBlock';
import type { WorkbookSession } from './session';
import { A11, pastePlan } from '../../tests/support/pastePlan';

const setup = () => pastePlan();
const sheet = (s: WorkbookSession) => s.workbook.sheets[0];

describe('paste', () => {
  it('pastes Vietnamese, plain and spaced numbers, blanks and formulas in one undo step', () => {
    const s = setup();
    const r = planPaste(sheet(s), { row: 1, col: 4 }, [
      ['1.500', '1,5'],
      ['', '=2*500'],
    ]);
    if (!('command' in r)) throw new Error('refused');
    expect(s.dispatch(r.command, 'paste').ok).toBe(true);
    expect(s.value('s1', 1, A11)).toBe(1500);
    expect(s.value('s1', 1, 'y2011_sn')).toBe(1.5);
    expect(s.value('s1', 2, A11)).toBe(null);
    expect(s.value('s1', 2, 'y2011_sn')).toBe(1000);
    expect(s.total('s1', null, 'total')).toBe(2501.5);
    s.undo();
    expect(s.total('s1', null, 'total')).toBe(3);
    s.redo();
    expect(s.total('s1', null, 'total')).toBe(2501.5);
    expect(planPaste(sheet(s), { row: 1, col: 4 }, [['1 500', '1,500.25']])).toMatchObject({
      range: { r0: 1, c0: 4, r1: 1, c1: 5 },
    });
  });

  it('extends the sheet with new project rows when the block is taller than the room', () => {
    const s = setup();
    const r = planPaste(sheet(s), { row: 2, col: 1 }, [
      ['b2', 'Sở A', '', '10'],
      ['c', 'Sở B', '', '20'],
      ['d', 'Sở C', '', '30'],
    ]);
    if (!('command' in r)) throw new Error('refused');
    expect(r.newRows).toBe(2);
    s.dispatch(r.command, 'paste');
    expect(sheet(s).rows.map((x) => x.cells.name)).toEqual(['I', 'a', 'b2', 'c', 'd', 'Tổng cộng']);
    expect(s.value('s1', 0, A11)).toBe(61);
    s.undo();
    expect(sheet(s).rows.map((x) => x.cells.name)).toEqual(['I', 'a', 'b', 'Tổng cộng']);
  });

  it('refuses values into section totals, total rows and computed cells, and text in amounts', () => {
    const s = setup();
    expect(planPaste(sheet(s), { row: 0, col: 4 }, [['5']])).toEqual({
      refusals: [{ code: 'pasteIntoTotals', rowId: 'r1', colId: A11 }],
    });
    expect(planPaste(sheet(s), { row: 1, col: 8 }, [['5']])).toEqual({
      refusals: [{ code: 'computedColumn', rowId: 'r2', colId: 'total' }],
    });
    expect(planPaste(sheet(s), { row: 1, col: 4 }, [['abc']])).toEqual({
      refusals: [{ code: 'notNumber', rowId: 'r2', colId: A11, detail: 'abc' }],
    });
    // blanks over computed cells are fine (a block copied from a printed table)
    expect('command' in planPaste(sheet(s), { row: 1, col: 7 }, [['4', '', '']])).toBe(true);
  });
});

describe('fill, clear', () => {
  it('fills down and right, moving relative formulas as Excel does', () => {
    const s = setup();
    s.dispatch(
      {
        type: 'setCells',
        sheetId: 's1',
        changes: [{ rowId: 'r2', colId: 'y2011_sn', value: '=E2*2' }],
      },
      'x',
    );
    const raw = (i: number, c: string): CellInput => s.raw('s1', i, c);
    const down = planFill(
      sheet(s),
      { r0: 1, c0: 4, r1: 1, c1: 5 },
      { r0: 2, c0: 4, r1: 2, c1: 5 },
      raw,
    );
    if (!('command' in down)) throw new Error('refused');
    s.dispatch(down.command, 'fill');
    expect(s.raw('s1', 2, 'y2011_sn')).toBe('=E3*2');
    expect(s.value('s1', 2, 'y2011_sn')).toBe(2);
    const right = planFill(
      sheet(s),
      { r0: 1, c0: 5, r1: 2, c1: 5 },
      { r0: 1, c0: 6, r1: 2, c1: 7 },
      raw,
    );
    if (!('command' in right)) throw new Error('refused');
    s.dispatch(right.command, 'fill');
    expect(s.raw('s1', 1, 'y2012_dtpt')).toBe('=F2*2');
    expect(s.raw('s1', 2, 'y2012_sn')).toBe('=G3*2');
    expect(s.value('s1', 1, 'y2012_sn')).toBe(8);
  });

  it('clears amounts and texts of a range, leaving computed cells', () => {
    const s = setup();
    const c = planClear(sheet(s), { r0: 0, c0: 1, r1: 3, c1: 9 });
    expect(c).not.toBeNull();
    s.dispatch(c!, 'clear');
    expect(sheet(s).rows.map((r) => Object.keys(r.cells).sort().join(','))).toEqual([
      'tt',
      'tt',
      'tt',
      'tt',
    ]);
    expect(s.total('s1', null, 'total')).toBe(0);
  });
});

describe('selection status', async () => {
  const { selectionStats } = await import('./editing');
  it('counts, sums and averages the numbers as Excel does, without floating noise', () => {
    expect(selectionStats([0.1, 0.2, null, 'abc', ''])).toEqual({
      cells: 5,
      filled: 3,
      percents: 0,
      numbers: 2,
      sum: 0.3,
      average: 0.15,
    });
    expect(selectionStats([])).toEqual({
      cells: 0,
      filled: 0,
      percents: 0,
      numbers: 0,
      sum: 0,
      average: null,
    });
  });
});

describe('one rule for typing and pasting', async () => {
  const { commitText } = await import('./editing');
  it('a lone dash typed or pasted into an amount means blank', () => {
    const s = setup();
    expect(commitText(s, 's1', 'r2', A11, '-')).toEqual({ ok: true, changed: true });
    expect(sheet(s).rows[1].cells[A11]).toBeUndefined();
    const r = planPaste(sheet(s), { row: 2, col: 4 }, [['–']]);
    if (!('command' in r)) throw new Error('refused');
    s.dispatch(r.command, 'paste');
    expect(sheet(s).rows[2].cells[A11]).toBeUndefined();
    expect(s.total('s1', null, 'total')).toBe(0);
  });

  it('a total row’s figure in an amount column takes a typed and a pasted value alike', () => {
    const s = setup();
    expect(commitText(s, 's1', 'r4', A11, '7').ok).toBe(true);
    expect(sheet(s).rows[3].cells[A11]).toBe(7);
    const r = planPaste(sheet(s), { row: 3, col: 4 }, [['8']]);
    if (!('command' in r)) throw new Error(`refused: ${JSON.stringify(r.refusals)}`);
    expect(s.dispatch(r.command, 'paste').ok).toBe(true);
    // the total row's own figure, not a project row added before it
    expect(sheet(s).rows.map((x) => x.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(sheet(s).rows[3].cells[A11]).toBe(8);
  });

  it('a total row’s stated figure takes a typed and a pasted value alike', () => {
    const s = setup();
    expect(commitText(s, 's1', 'r4', 'stated', '7').ok).toBe(true);
    expect(sheet(s).rows[3].cells.stated).toBe(7);
    const r = planPaste(sheet(s), { row: 3, col: 9 }, [['8']]);
    if (!('command' in r)) throw new Error('refused');
    expect(s.dispatch(r.command, 'paste').ok).toBe(true);
    expect(sheet(s).rows).toHaveLength(4);
    expect(sheet(s).rows[3].cells.stated).toBe(8);
    // and a section's sum refuses both
    expect(commitText(s, 's1', 'r1', A11, '5')).toMatchObject({
      ok: false,
      refusal: { code: 'sectionComputed' },
    });
    expect(planPaste(sheet(s), { row: 0, col: 4 }, [['5']])).toMatchObject({
      refusals: [{ code: 'pasteIntoTotals' }],
    });
  });

  it('a fill dragged onto the total row writes its figure there and adds no row (undoable)', () => {
    const s = setup();
    const raw = (i: number, c: string): CellInput => s.raw('s1', i, c);
    const before = sheet(s).rows.map((x) => x.id);
    // a's figure filled down over b and the total row (a paste of three lines here adds a row)
    const r = planFill(
      sheet(s),
      { r0: 1, c0: 4, r1: 1, c1: 4 },
      { r0: 1, c0: 4, r1: 3, c1: 4 },
      raw,
    );
    if (!('command' in r)) throw new Error('refused');
    expect(r.newRows ?? 0).toBe(0);
    expect(s.dispatch(r.command, 'fill').ok).toBe(true);
    expect(sheet(s).rows.map((x) => x.id)).toEqual(before);
    expect(sheet(s).rows[2].cells[A11]).toBe(1);
    expect(sheet(s).rows[3].cells[A11]).toBe(1);
    s.undo();
    expect(sheet(s).rows.map((x) => x.id)).toEqual(before);
    expect(sheet(s).rows[3].cells[A11] ?? null).toBe(null);
    s.redo();
    expect(sheet(s).rows[3].cells[A11]).toBe(1);
  });
});

describe('the columns the form leaves out', () => {
  // the row total (leaf 8) is Planbook's own, hidden in the grid: not a column of the form
  it('pastes a row with the form’s columns column for column, past the hidden row total', () => {
    const s = setup();
    // tt, name, lead, coord, 2011 ĐTPT, 2011 SN, 2012 ĐTPT, 2012 SN, Tổng mức đầu tư, Ghi chú
    const line = ['-', 'Dự án mới', 'Sở TT và TT', 'Các đơn vị', '1.000', '', '2.000', '', '3.000'];
    const r = planPaste(sheet(s), { row: 1, col: 0 }, [[...line, 'ghi chú']]);
    if (!('command' in r)) throw new Error(`refused: ${JSON.stringify(r.refusals)}`);
    expect(r.range).toEqual({ r0: 1, c0: 0, r1: 1, c1: 10 });
    expect(r.skipped).toBe(0);
    s.dispatch(r.command, 'paste');
    expect(s.value('s1', 1, 'stated')).toBe(3000);
    expect(sheet(s).rows[1].cells.notes).toBe('ghi chú');
    expect(s.value('s1', 1, 'y2012_dtpt')).toBe(2000);
  });

  it('copies the columns the grid shows, leaving out the hidden row total', () => {
    const s = setup();
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r2', colId: 'stated', value: 5 }] },
      'edit',
    );
    const raw = (i: number, c: string) => s.raw('s1', i, c) as CellInput;
    const shown = (i: number, c: string) => {
      const v = s.value('s1', i, c);
      return typeof v === 'number' || typeof v === 'string' ? v : '';
    };
    const block = copyRange(sheet(s), { r0: 1, c0: 0, r1: 1, c1: 10 }, raw, shown);
    expect(block.raw[0]).toHaveLength(10);
    expect(block.text).toBe('-\ta\t\t\t1\t\t\t\t5\t');
  });
});

describe('a fill from a section row (Ctrl+D over a section and its projects)', () => {
  it('leaves the projects’ amounts: a sum the sheet computes is not copied, and says how many', () => {
    // session 19: Ctrl+D with section I on top wiped its projects' figures (the section's cell
    // holds no figure of its own, only the sum shown), silently
    const s = setup();
    const raw = (i: number, c: string) => s.raw('s1', i, c) as CellInput;
    const down = planFill(
      sheet(s),
      { r0: 0, c0: 4, r1: 0, c1: 5 },
      { r0: 1, c0: 4, r1: 2, c1: 5 },
      raw,
    );
    if (!('command' in down)) throw new Error('refused');
    // the two amounts under the sum are left as they are (the blank 2011 SN cells: nothing to say)
    expect(down.skipped).toBe(2);
    s.dispatch(down.command, 'fill');
    expect([s.value('s1', 1, A11), s.value('s1', 2, A11)]).toEqual([1, 2]);
    expect(s.total('s1', null, 'total')).toBe(3);
    // Ctrl+R over the section and its projects: each project's figure goes right, the sum stays
    const right = planFill(
      sheet(s),
      { r0: 0, c0: 4, r1: 2, c1: 4 },
      { r0: 0, c0: 5, r1: 2, c1: 5 },
      raw,
    );
    if (!('command' in right)) throw new Error('refused');
    s.dispatch(right.command, 'fill');
    expect([s.value('s1', 1, 'y2011_sn'), s.value('s1', 2, 'y2011_sn')]).toEqual([1, 2]);
    expect(s.total('s1', null, 'total')).toBe(6);
    s.undo();
    expect(s.total('s1', null, 'total')).toBe(3);
    s.redo();
    expect(s.value('s1', 2, 'y2011_sn')).toBe(2);
  });
});

describe('a fill over the hidden row total', () => {
  it('fills right across it, each figure in its own column', () => {
    const s = setup();
    // 2012 SN (leaf 7) filled right over the hidden total (8) to the stated figure (9)
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r2', colId: 'y2012_sn', value: 7 }] },
      'edit',
    );
    const raw = (i: number, c: string) => s.raw('s1', i, c) as CellInput;
    const r = planFill(
      sheet(s),
      { r0: 1, c0: 7, r1: 1, c1: 7 },
      { r0: 1, c0: 7, r1: 1, c1: 9 },
      raw,
    );
    if (!('command' in r)) throw new Error(`refused: ${JSON.stringify(r.refusals)}`);
    s.dispatch(r.command, 'fill');
    expect(s.value('s1', 1, 'stated')).toBe(7);
    expect(sheet(s).rows[1].cells.notes ?? null).toBe(null);
  });
});
