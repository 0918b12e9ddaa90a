/**
 * Plans whose projects are counted straight through the sheet (1…5 across sections I and II) keep
 * that scheme through insert, delete, move and *Đánh số lại*; plans restarting under each section
 * keep theirs. Each step is undone and redone.
 */
import { describe, expect, it } from 'vitest';
import { countsThrough, detectScheme } from '../domain/numbering';
import { renumberAll } from '../domain/sheetNumbering';
import { makePlan } from '../domain/template';
import type { Row, Workbook } from '../domain/types';
import { parsePlanbook, serializePlanbook } from '../io/planbookFile';
import { checkedStep, numbersOf, open, sheetOf } from './numberingKit';
import * as act from './rowActions';
import type { WorkbookSession } from './session';

/** Sections I and II, with projects numbered as `numbers` says (`|` between sections). */
function plan(numbers: string): Workbook {
  const wb = makePlan();
  const rows: Row[] = [];
  numbers.split('|').forEach((part, s) => {
    rows.push({
      id: `s${s}`,
      kind: 'section',
      level: 0,
      cells: { tt: s ? 'II' : 'I', name: `S${s}` },
    });
    for (const tt of part.trim().split(/\s+/))
      rows.push({
        id: `p${tt}${s}`,
        kind: 'project',
        level: 1,
        cells: { tt, name: `P${s}.${tt}` },
      });
  });
  wb.sheets[0] = { ...wb.sheets[0], rows };
  return wb;
}

const tts = (s: WorkbookSession) => numbersOf(s);
const at = (s: WorkbookSession, name: string) =>
  sheetOf(s).rows.findIndex((r) => r.cells.name === name);

/** Runs a step, then undo and redo, checking the numbers at each point. */
const step = (s: WorkbookSession, r: act.RowActionResult, want: string) =>
  checkedStep(s, r, want, tts);

describe('reading the scheme', () => {
  it('tells projects counted straight through from projects restarting under each section', () => {
    expect(countsThrough(plan('1 2 3 | 4 5').sheets[0].rows)).toBe(true);
    expect(countsThrough(plan('1 2 3 | 1 2').sheets[0].rows)).toBe(false);
    // bullets, or one section only: nothing says straight through
    expect(countsThrough(plan('- - | - -').sheets[0].rows)).toBe(false);
    expect(countsThrough(plan('1 2 3').sheets[0].rows)).toBe(false);
    expect(detectScheme(plan('1. 2. | 3. 4.').sheets[0].rows).through).toBe(true);
  });
});

/** A number typed by hand on the row named `name` (kept until *Đánh số lại*). */
function type(s: WorkbookSession, name: string, tt: string) {
  const rowId = sheetOf(s).rows[at(s, name)].id;
  const cmd = {
    type: 'setCells' as const,
    sheetId: sheetOf(s).id,
    changes: [{ rowId, colId: 'tt', value: tt }],
  };
  expect(s.dispatch(cmd, 'x').ok).toBe(true);
}

describe('projects numbered straight through', () => {
  it('keeps counting across sections on insert, delete, move and renumber', () => {
    const s = open(plan('1 2 3 | 4 5'));
    // a project added after 2 is 3; the ones below follow, section II included
    step(s, act.addRow(sheetOf(s), at(s, 'P0.2'), 'project'), 'I 1 2 3 4 II 5 6');
    // deleting 2 closes the gap through both sections
    step(s, act.deleteRow(sheetOf(s), at(s, 'P0.2')), 'I 1 2 3 II 4 5');
    // the second section moved above the first: its projects come first
    step(s, act.moveRow(sheetOf(s), at(s, 'S1'), -1), 'I 1 2 II 3 4 5');
    // a number typed by hand stays through an edit, and *Đánh số lại* counts it through again
    type(s, 'P1.5', '7');
    step(s, act.deleteRow(sheetOf(s), at(s, 'P0.1')), 'I 1 7 II 3 4');
    step(s, act.renumberRows(sheetOf(s)), 'I 1 2 II 3 4');
  });

  it('renumbers a plan typed out of order straight through', () => {
    const wb = plan('1 2 3 | 4 5 9');
    const out = renumberAll(wb.sheets[0]);
    expect(out.rows.map((r) => r.cells.tt).join(' ')).toBe('I 1 2 3 II 4 5 6');
    expect(out.numbering?.through).toBe(true);
  });

  it('learns the scheme from the rows when a stored scheme predates it', () => {
    const wb = plan('1 2 | 3 4');
    const sheet = {
      ...wb.sheets[0],
      numbering: { sections: ['roman' as const], projects: ['arabic' as const] },
    };
    const s = open({ ...wb, sheets: [sheet] });
    step(s, act.deleteRow(sheetOf(s), at(s, 'P0.1')), 'I 1 II 2 3');
  });
});

it('a .planbook file keeps the straight-through count of its scheme', () => {
  const wb = plan('1 2 | 3 4');
  const numbering = { ...detectScheme(wb.sheets[0].rows) };
  const back = parsePlanbook(
    serializePlanbook({ ...wb, sheets: [{ ...wb.sheets[0], numbering }] }),
  );
  expect(back.ok && back.workbook.sheets[0].numbering?.through).toBe(true);
});

describe('projects restarting under each section', () => {
  it('restarts under each section on insert, delete, move and renumber', () => {
    const s = open(plan('1 2 3 | 1 2'));
    step(s, act.addRow(sheetOf(s), at(s, 'P0.2'), 'project'), 'I 1 2 3 4 II 1 2');
    step(s, act.deleteRow(sheetOf(s), at(s, 'P0.2')), 'I 1 2 3 II 1 2');
    step(s, act.moveRow(sheetOf(s), at(s, 'S1'), -1), 'I 1 2 II 1 2 3');
    type(s, 'P1.2', '7');
    step(s, act.renumberRows(sheetOf(s)), 'I 1 2 II 1 2 3');
  });
});
