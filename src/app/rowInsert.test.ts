import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { addRow, type RowActionResult } from './rowActions';
import { insertRow } from './rowInsert';
import { WorkbookSession } from './session';

const A = 'y2011_dtpt';
let n = 0;
async function setup() {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I'],
      ['project', 1, 'p1', { '2011:ĐTPT': 1 }],
      ['project', 1, 'p2', { '2011:ĐTPT': 2 }],
      ['section', 0, 'II'],
      ['project', 1, 'p3', { '2011:ĐTPT': 8 }],
    ],
  });
  const repo = new WorkbookRepo(openDb(`ri${++n}`));
  return new WorkbookSession(await repo.create(wb), repo);
}
const names = (s: WorkbookSession) =>
  s.workbook.sheets[0].rows.map(
    (r) =>
      `${'.'.repeat(r.level)}${r.cells.name || (r.kind === 'section' ? 'NEWSEC' : 'NEW')}${r.kind === 'section' ? '/' : ''}`,
  );
const run = (s: WorkbookSession, r: RowActionResult) => {
  if ('refused' in r) throw new Error(r.refused);
  expect(s.dispatch(r.command, 'x').ok).toBe(true);
  return r.focus;
};

describe('insertRow', () => {
  it('inserts a project above a project as its sibling, sums unchanged', async () => {
    const s = await setup();
    const id = run(s, insertRow(s.workbook.sheets[0], 2, 'project', 'above'));
    expect(names(s)).toEqual(['I/', '.p1', '.NEW', '.p2', 'II/', '.p3']);
    expect(s.workbook.sheets[0].rows[2].id).toBe(id);
    expect(s.value('s1', 0, A)).toBe(3);
  });

  it('inserts a section above a top-level section', async () => {
    const s = await setup();
    run(s, insertRow(s.workbook.sheets[0], 3, 'section', 'above'));
    expect(names(s)).toEqual(['I/', '.p1', '.p2', 'NEWSEC/', 'II/', '.p3']);
  });

  it('inserts below as the toolbar does: a project under a section is its first child', async () => {
    const s = await setup();
    run(s, insertRow(s.workbook.sheets[0], 0, 'project', 'below'));
    expect(names(s)).toEqual(['I/', '.NEW', '.p1', '.p2', 'II/', '.p3']);
    run(s, insertRow(s.workbook.sheets[0], 0, 'section', 'below'));
    expect(names(s)).toEqual(['I/', '.NEW', '.p1', '.p2', 'NEWSEC/', 'II/', '.p3']);
  });

  it('undoes an insert above in one step', async () => {
    const s = await setup();
    const before = names(s);
    run(s, insertRow(s.workbook.sheets[0], 1, 'section', 'above'));
    // the heading heads the projects below it, up to the next heading of its level
    expect(names(s)).toEqual(['I/', '.NEWSEC/', '..p1', '..p2', 'II/', '.p3']);
    expect(s.value('s1', 1, A)).toBe(3);
    s.undo();
    expect(names(s)).toEqual(before);
  });

  it('adds a section below a project: it heads the projects after it, sums and numbers follow', async () => {
    const s = await setup();
    const sheet = () => s.workbook.sheets[0];
    const tt = () => sheet().rows.map((r) => String(r.cells.tt ?? ''));
    const before = { names: names(s), tt: tt() };
    // Alt+Shift+= on p1: a section at p1's level after it, heading p2
    const id = run(s, addRow(sheet(), 1, 'section'));
    expect(names(s)).toEqual(['I/', '.p1', '.NEWSEC/', '..p2', 'II/', '.p3']);
    expect(sheet().rows[2].id).toBe(id);
    expect(s.value('s1', 2, A)).toBe(2); // the new section adds up p2
    expect(s.value('s1', 0, A)).toBe(3); // I adds p1 and the new section: unchanged
    expect(s.total('s1', null, A)).toBe(11);
    expect(tt()[2]).not.toBe('');
    expect(tt()[3]).toBe(before.tt[2]);
    s.undo();
    expect(names(s)).toEqual(before.names);
    expect(tt()).toEqual(before.tt);
    expect(s.value('s1', 0, A)).toBe(3);
    s.redo();
    expect(names(s)).toEqual(['I/', '.p1', '.NEWSEC/', '..p2', 'II/', '.p3']);
    expect(s.value('s1', 2, A)).toBe(2);
  });

  it('adds an empty section where a heading of its level follows at once', async () => {
    const s = await setup();
    run(s, addRow(s.workbook.sheets[0], 2, 'section'));
    expect(names(s)).toEqual(['I/', '.p1', '.p2', '.NEWSEC/', 'II/', '.p3']);
    expect(s.value('s1', 0, A)).toBe(3);
  });
});
