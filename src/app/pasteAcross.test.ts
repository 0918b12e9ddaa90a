import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { planClear, planFill, planPaste } from './clipboard';
import { shiftBlock } from './copyBlock';
import { WorkbookSession } from './session';

const A11 = 'y2011_dtpt';
// leaves: 0 tt, 1 name, 2 lead, 3 coord, 4 2011 ĐTPT, 5 2011 SN, 6 2012 ĐTPT, 7 2012 SN, 8 total…
function setup() {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I'],
      ['project', 1, 'a', { [A11]: 1 }],
      ['project', 1, 'b', { [A11]: 2 }],
      ['section', 0, 'II'],
      ['project', 1, 'c', { [A11]: 3 }],
      ['total', 0, 'Tổng cộng'],
    ],
  });
  return new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
}
const sheet = (s: WorkbookSession) => s.workbook.sheets[0];

describe('paste across sections', () => {
  it('fills the project rows, skips the section’s sums, counts them, in one undo step', () => {
    const s = setup();
    const r = planPaste(sheet(s), { row: 1, col: 4 }, [['10'], ['20'], ['30'], ['40']]);
    if (!('command' in r)) throw new Error('refused');
    expect(r.skipped).toBe(1);
    expect(s.dispatch(r.command, 'range').ok).toBe(true);
    const amounts = sheet(s).rows.map((x) => x.cells[A11]);
    expect(amounts).toEqual([undefined, 10, 20, undefined, 40, undefined]);
    expect(s.value('s1', 3, A11)).toBe(40); // the section still adds its projects
    expect(s.total('s1', null, A11)).toBe(70);
    expect(s.undo()).toBe(true);
    expect(sheet(s).rows.map((x) => x.cells[A11])).toEqual([
      undefined,
      1,
      2,
      undefined,
      3,
      undefined,
    ]);
    expect(s.history.canUndo).toBe(false);
  });

  it('the row-total column in a block is skipped too; a block only over sums is refused', () => {
    const s = setup();
    // the row total is hidden (not on the form): the block passes over it, 9 is Tổng mức đầu tư
    const r = planPaste(sheet(s), { row: 1, col: 7 }, [['4', '9']]);
    if (!('command' in r)) throw new Error('refused');
    expect(r.skipped).toBe(0);
    expect(r.range.c1).toBe(9);
    // put on the form, it is a column of the block, computed: skipped
    const total = sheet(s).columns.find((c) => c.id === 'total');
    if (total?.kind !== 'leaf') throw new Error('no row total');
    total.onForm = true;
    const shown = planPaste(sheet(s), { row: 1, col: 7 }, [['4', '9']]);
    if (!('command' in shown)) throw new Error('refused');
    expect(shown.skipped).toBe(1);
    expect(planPaste(sheet(s), { row: 3, col: 4 }, [['5', '6']])).toMatchObject({
      refusals: [{ code: 'pasteIntoTotals' }, { code: 'pasteIntoTotals' }],
    });
    // text in an amount still refuses the whole block: bad input never lands
    expect(planPaste(sheet(s), { row: 1, col: 4 }, [['1'], ['x'], ['2']])).toMatchObject({
      refusals: [{ code: 'notNumber' }],
    });
  });

  it('formulas move as Excel moves them, the rows below a section included', () => {
    const s = setup();
    // copied from F2:F5 (2011 SN), each `=E<row>*2`, pasted at H2 (two columns right)
    const copied = [['=E2*2'], ['=E3*2'], ['=E4*2'], ['=E5*2']];
    const raw = shiftBlock(copied, 0, 2);
    const text = raw.map((x) => [String(x[0])]);
    const r = planPaste(sheet(s), { row: 1, col: 7 }, text, raw);
    if (!('command' in r)) throw new Error('refused');
    expect(r.skipped).toBe(1);
    s.dispatch(r.command, 'range');
    expect(s.raw('s1', 1, 'y2012_sn')).toBe('=G2*2');
    expect(s.raw('s1', 4, 'y2012_sn')).toBe('=G5*2');
  });

  it('a fill down over a section row skips it', () => {
    const s = setup();
    const raw = (i: number, c: string) => s.raw('s1', i, c);
    const r = planFill(
      sheet(s),
      { r0: 1, c0: 4, r1: 1, c1: 4 },
      { r0: 2, c0: 4, r1: 4, c1: 4 },
      raw,
    );
    if (!('command' in r)) throw new Error('refused');
    expect(r.skipped).toBe(1);
    s.dispatch(r.command, 'fill');
    expect(sheet(s).rows.map((x) => x.cells[A11])).toEqual([
      undefined,
      1,
      1,
      undefined,
      1,
      undefined,
    ]);
  });
});

describe('clearing and filling under a filter', () => {
  it('touches only the rows the filter shows', () => {
    const s = setup();
    const shown = new Set([sheet(s).rows[1].id, sheet(s).rows[4].id]);
    const keep = (r: { id: string }) => shown.has(r.id);
    const clear = planClear(sheet(s), { r0: 1, c0: 4, r1: 4, c1: 4 }, keep)!;
    s.dispatch(clear, 'clear');
    expect(sheet(s).rows.map((x) => x.cells[A11])).toEqual([
      undefined,
      undefined,
      2,
      undefined,
      undefined,
      undefined,
    ]);
    s.undo();
    const raw = (i: number, c: string) => s.raw('s1', i, c);
    const r = planFill(
      sheet(s),
      { r0: 1, c0: 4, r1: 1, c1: 4 },
      { r0: 2, c0: 4, r1: 4, c1: 4 },
      raw,
      keep,
    );
    if (!('command' in r)) throw new Error('refused');
    expect(r.skipped).toBe(0); // the hidden section row is not a skipped value
    s.dispatch(r.command, 'fill');
    expect(sheet(s).rows.map((x) => x.cells[A11])).toEqual([
      undefined,
      1,
      2,
      undefined,
      1,
      undefined,
    ]);
  });
});
