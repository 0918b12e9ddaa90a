import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import type { RowActionResult } from './rowActions';
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
    expect(names(s)).toEqual(['I/', '.NEWSEC/', '.p1', '.p2', 'II/', '.p3']);
    s.undo();
    expect(names(s)).toEqual(before);
  });
});
