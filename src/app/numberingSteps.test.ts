/**
 * Numbering as part of every structural step (issue 15, part 2): the plan's own scheme read from
 * its rows and kept, rows renumbered after insert, delete, move, indent and outdent in the same
 * step (undo brings the old numbers back), a number typed by hand kept until *Đánh số lại*.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { parsePlanbook } from '../io/planbookFile';
import { readPlanFile } from '../io/readPlan';
import { planPaste } from './clipboard';
import { checkedStep, numbersOf, open, run, sheetOf } from './numberingKit';
import * as act from './rowActions';
import type { WorkbookSession } from './session';

const tts = (s: WorkbookSession) => numbersOf(s, true);
const at = (s: WorkbookSession, name: RegExp | string) =>
  sheetOf(s).rows.findIndex((r) =>
    typeof name === 'string' ? r.cells.name === name : name.test(String(r.cells.name)),
  );
/** Runs a step, then undo and redo, checking the numbers at each point. */
const step = (s: WorkbookSession, r: act.RowActionResult, want: string) =>
  checkedStep(s, r, want, tts);

const provincial = () =>
  readPlanFile(
    'plan.xlsx',
    readFileSync('fixtures/provincial/ke-hoach-dau-tu-trung-han-2021-2025.xlsx'),
  ).workbook;

const seed = () => {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('seed');
  return r.workbook;
};

describe('numbering after each structural edit', () => {
  it('keeps the imported scheme A / I / 1 through insert, delete, move, indent, outdent', () => {
    const s = open(provincial());
    const start = 'A .I ..1 ..2 .II ..1 ..2 B .1 .2 .3';
    expect(tts(s)).toBe(start);
    // a new section after I (inside A) is II; the old II becomes III
    const i = at(s, /^Dự án chuyển tiếp/);
    step(s, act.addRow(sheetOf(s), i, 'section'), 'A .I ..1 ..2 .II .III ..1 ..2 B .1 .2 .3');
    // a project added under III is numbered as its siblings are (1, 2, …)
    step(
      s,
      act.addRow(sheetOf(s), at(s, /^Dự án khởi công/), 'project'),
      'A .I ..1 ..2 .II .III ..1 ..2 ..3 B .1 .2 .3',
    );
    // deleted: the gap closes
    step(s, act.deleteRow(sheetOf(s), i), 'A .I .II ..1 ..2 ..3 B .1 .2 .3');
    // B moved above A: the letters follow the order
    step(s, act.moveRow(sheetOf(s), at(s, /^ỨNG DỤNG/), -1), 'A .1 .2 .3 B .I .II ..1 ..2 ..3');
    // a first child cannot go one level deeper; section II goes under I
    expect(act.indentRow(sheetOf(s), 2)).toEqual({ refused: 'cannotIndent' });
    step(
      s,
      act.indentRow(sheetOf(s), at(s, /^Dự án khởi công/)),
      // deeper levels than the plan shows take the usual scheme: 1.1, projects `+`
      'A .1 .2 .3 B .I ..1.1 ...+ ...+ ...+',
    );
    // and back out: II again, after I
    step(
      s,
      act.outdentRow(sheetOf(s), at(s, /^Dự án khởi công/)),
      'A .1 .2 .3 B .I .II ..1 ..2 ..3',
    );
  });

  it('keeps the scheme once read: a level emptied and filled again is numbered as before', () => {
    const s = open(provincial());
    run(s, act.deleteRow(sheetOf(s), at(s, /^Dự án chuyển tiếp/)));
    run(s, act.deleteRow(sheetOf(s), at(s, /^Dự án khởi công/)));
    expect(tts(s)).toBe('A B .1 .2 .3');
    // the default would number a second-level section 1; this plan numbers it I
    const a = at(s, /^HẠ TẦNG/);
    run(s, act.addRow(sheetOf(s), a, 'project'));
    run(s, act.toggleKind(sheetOf(s), a + 1));
    run(s, act.addRow(sheetOf(s), a + 1, 'section'));
    expect(tts(s)).toBe('A .I .II B .1 .2 .3');
    expect(sheetOf(s).numbering?.sections.slice(0, 2)).toEqual(['letter', 'roman']);
  });

  it('gives a new section of the seed the next number, and a project its dash', () => {
    const s = open(seed());
    const sections = () =>
      sheetOf(s)
        .rows.filter((r) => r.kind === 'section')
        .map((r) => r.cells.tt)
        .join(' ');
    expect(sections()).toBe('1 2');
    const last = sheetOf(s).rows.findLastIndex((r) => r.kind === 'section');
    run(s, act.addRow(sheetOf(s), last, 'section'));
    expect(sections()).toBe('1 2 3');
    run(s, act.addRow(sheetOf(s), 0, 'section'));
    expect(sections()).toBe('1 2 3 4');
    expect(sheetOf(s).rows[7]).toMatchObject({ kind: 'section', cells: { tt: '2' } });
    run(s, act.addRow(sheetOf(s), 0, 'project'));
    expect(sheetOf(s).rows[1].cells.tt).toBe('-');
  });

  it('keeps a number typed by hand until Đánh số lại, which undoes as one step', () => {
    const s = open(
      makePlan({
        rows: [
          ['section', 0, 'a'],
          ['project', 1, 'p1'],
          ['section', 0, 'b'],
          ['project', 1, 'p2'],
          ['section', 0, 'c'],
        ],
      }),
    );
    const id = sheetOf(s).rows[2].id;
    const set = (value: string | null) =>
      s.dispatch(
        { type: 'setCells', sheetId: 's1', changes: [{ rowId: id, colId: 'tt', value }] },
        'x',
      );
    expect(set('7').ok).toBe(true);
    expect(sheetOf(s).rows[2].manualNumber).toBe(true);
    // a section added at the end, then moved up: the others renumber, the typed 7 stays
    run(s, act.addRow(sheetOf(s), 4, 'section'));
    expect(tts(s)).toBe('1 .- 7 .- 3 4');
    run(s, act.moveRow(sheetOf(s), 5, -1));
    expect(sheetOf(s).rows[4].cells.name ?? '').toBe(''); // the new section, its name still blank
    expect(tts(s)).toBe('1 .- 7 .- 3 4');
    step(s, act.renumberRows(sheetOf(s)), '1 .- 2 .- 3 4');
    expect(sheetOf(s).rows[2].manualNumber).toBeUndefined();
    s.undo();
    expect(sheetOf(s).rows[2].manualNumber).toBe(true);
    // a cleared number is automatic again at the next structural edit
    expect(set(null).ok).toBe(true);
    expect(sheetOf(s).rows[2].manualNumber).toBeUndefined();
    run(s, act.deleteRow(sheetOf(s), 0));
    expect(tts(s)).toBe('1 .- 2 3');
  });

  it('keeps numbers pasted with the rows they add (they are the user’s own)', () => {
    const s = open(
      makePlan({
        rows: [
          ['section', 0, 'I'],
          ['project', 1, 'a'],
        ],
      }),
    );
    const r = planPaste(sheetOf(s), { row: 1, col: 0 }, [
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
    ]);
    if (!('command' in r)) throw new Error('refused');
    expect(s.dispatch(r.command, 'paste').ok).toBe(true);
    expect(tts(s)).toBe('1 .1 .2 .3');
    run(s, act.addRow(sheetOf(s), 0, 'section'));
    expect(tts(s)).toBe('1 .1 .2 .3 2');
    run(s, act.renumberRows(sheetOf(s)));
    expect(tts(s)).toBe('1 .- .- .- 2');
  });
});
