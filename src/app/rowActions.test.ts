import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import * as act from './rowActions';
import { WorkbookSession } from './session';

const A = 'y2011_dtpt';
let n = 0;
type Rows = NonNullable<Parameters<typeof makePlan>[0]>['rows'];
async function setup(rows?: Rows) {
  const wb = makePlan({
    rows: rows ?? [
      ['section', 0, 'I'],
      ['project', 1, 'p1', { '2011:ĐTPT': 1 }],
      ['project', 1, 'p2', { '2011:ĐTPT': 2 }],
      ['project', 1, 'p3', { '2011:ĐTPT': 4 }],
      ['section', 0, 'II'],
      ['project', 1, 'p4', { '2011:ĐTPT': 8 }],
    ],
  });
  const repo = new WorkbookRepo(openDb(`ra${++n}`));
  return new WorkbookSession(await repo.create(wb), repo);
}
const names = (s: WorkbookSession) =>
  s.workbook.sheets[0].rows.map(
    (r) => `${'.'.repeat(r.level)}${r.cells.name}${r.kind === 'section' ? '/' : ''}`,
  );
const run = (s: WorkbookSession, r: act.RowActionResult) => {
  if ('refused' in r) throw new Error(r.refused);
  expect(s.dispatch(r.command, 'x').ok).toBe(true);
};

describe('row actions', () => {
  it('outdents a middle project after its siblings, keeps sums right, and undoes exactly', async () => {
    const s = await setup([
      ['section', 0, 'I'],
      ['section', 1, 'I.1'],
      ['project', 2, 'p1', { '2011:ĐTPT': 1 }],
      ['project', 2, 'p2', { '2011:ĐTPT': 2 }],
      ['project', 2, 'p3', { '2011:ĐTPT': 4 }],
      ['section', 0, 'II'],
      ['project', 1, 'p4', { '2011:ĐTPT': 8 }],
    ]);
    const before = names(s);
    const tts = () => s.workbook.sheets[0].rows.map((r) => r.cells.tt).join(' ');
    const numbersBefore = tts();
    run(s, act.outdentRow(s.workbook.sheets[0], 3));
    const after = ['I/', '.I.1/', '..p1', '..p3', '.p2', 'II/', '.p4'];
    expect(names(s)).toEqual(after);
    expect(s.value('s1', 1, A)).toBe(5);
    expect(s.value('s1', 0, A)).toBe(7);
    const numbersAfter = tts();
    s.undo();
    expect(names(s)).toEqual(before);
    expect(tts()).toBe(numbersBefore);
    expect(s.value('s1', 1, A)).toBe(7);
    s.redo();
    expect(names(s)).toEqual(after);
    expect(tts()).toBe(numbersAfter);
  });

  it('keeps a project inside a section: outdenting it to the top level is refused', async () => {
    const s = await setup();
    const sheet = s.workbook.sheets[0];
    expect(act.outdentRow(sheet, 2)).toEqual({ refused: 'projectOutside' });
    // a project outdented from a subsection lands in the section above, never at the top
    run(s, act.toggleKind(s.workbook.sheets[0], 1)); // p1 becomes a section
    run(s, act.indentRow(s.workbook.sheets[0], 2)); // p2 goes under it
    run(s, act.outdentRow(s.workbook.sheets[0], 2));
    expect(names(s).slice(0, 4)).toEqual(['I/', '.p1/', '.p2', '.p3']);
    expect(s.workbook.sheets[0].rows.filter((r) => r.kind === 'project' && r.level === 0)).toEqual(
      [],
    );
  });

  it('indents, moves blocks, toggles kinds and adds rows where a user expects', async () => {
    const s = await setup();
    run(s, act.moveRow(s.workbook.sheets[0], 4, -1));
    expect(names(s)).toEqual(['II/', '.p4', 'I/', '.p1', '.p2', '.p3']);
    run(s, act.moveRow(s.workbook.sheets[0], 0, 1));
    expect(names(s)[0]).toBe('I/');
    run(s, act.toggleKind(s.workbook.sheets[0], 1)); // p1 becomes a section
    run(s, act.indentRow(s.workbook.sheets[0], 2)); // p2 goes under it
    expect(names(s).slice(0, 4)).toEqual(['I/', '.p1/', '..p2', '.p3']);
    expect(s.value('s1', 1, A)).toBe(2); // p1's own 1 is now its stated figure
    expect(act.toggleKind(s.workbook.sheets[0], 1)).toEqual({ refused: 'hasChildren' });
    expect(act.indentRow(s.workbook.sheets[0], 0)).toEqual({ refused: 'cannotIndent' });
    run(s, act.addRow(s.workbook.sheets[0], 0, 'project'));
    expect(s.workbook.sheets[0].rows[1]).toMatchObject({ kind: 'project', level: 1 });
    run(s, act.deleteRow(s.workbook.sheets[0], 0));
    expect(names(s)).toEqual(['II/', '.p4']);
    expect(s.total('s1', null, 'total')).toBe(8);
  });
});

describe('moving a project from one section to the next', () => {
  it('moves the last project of a section down into the next, and back up, sums following', async () => {
    const s = await setup();
    const sheet = () => s.workbook.sheets[0];
    const before = names(s);
    // p3, the last project of I: Alt+↓ makes it the first project of II
    run(s, act.moveRow(sheet(), 3, 1));
    expect(names(s)).toEqual(['I/', '.p1', '.p2', 'II/', '.p3', '.p4']);
    expect(s.value('s1', 0, A)).toBe(3);
    expect(s.value('s1', 3, A)).toBe(12);
    expect(s.total('s1', null, A)).toBe(15);
    s.undo();
    expect(names(s)).toEqual(before);
    expect(s.value('s1', 0, A)).toBe(7);
    s.redo();
    expect(s.value('s1', 3, A)).toBe(12);
    // the first project of II: Alt+↑ takes it back to the end of I
    run(s, act.moveRow(sheet(), 4, -1));
    expect(names(s)).toEqual(before);
    expect(s.value('s1', 0, A)).toBe(7);
    expect(s.value('s1', 4, A)).toBe(8);
  });

  it('refuses past the first and the last section, and a section past the top level', async () => {
    const s = await setup();
    expect(act.moveRow(s.workbook.sheets[0], 1, -1)).toEqual({ refused: 'cannotMoveUp' });
    expect(act.moveRow(s.workbook.sheets[0], 5, 1)).toEqual({ refused: 'cannotMoveDown' });
    expect(act.moveRow(s.workbook.sheets[0], 4, 1)).toEqual({ refused: 'cannotMoveDown' });
  });

  it('moves into the section after at its own level only, past a deeper one’s rows', async () => {
    const s = await setup([
      ['section', 0, 'I'],
      ['section', 1, 'I.1'],
      ['project', 2, 'p1', { '2011:ĐTPT': 1 }],
      ['section', 1, 'I.2'],
      ['project', 2, 'p2', { '2011:ĐTPT': 2 }],
      ['section', 0, 'II'],
      ['project', 1, 'p3', { '2011:ĐTPT': 4 }],
    ]);
    // p1 (last of I.1) down: first of I.2
    run(s, act.moveRow(s.workbook.sheets[0], 2, 1));
    expect(names(s)).toEqual(['I/', '.I.1/', '.I.2/', '..p1', '..p2', 'II/', '.p3']);
    // p2 (last of I.2) down: II is no section of its parent's level: refused
    expect(act.moveRow(s.workbook.sheets[0], 4, 1)).toEqual({ refused: 'cannotMoveDown' });
    // p3 (first of II) up: I is II's sibling, p3 lands at I's end under I at its level
    run(s, act.moveRow(s.workbook.sheets[0], 6, -1));
    expect(names(s)).toEqual(['I/', '.I.1/', '.I.2/', '..p1', '..p2', '.p3', 'II/']);
    expect(s.value('s1', 0, A)).toBe(7);
  });
});
