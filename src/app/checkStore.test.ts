import { describe, expect, it } from 'vitest';
import { contextWork, sheetContext } from '../domain/checkContext';
import { sheetFindings } from '../domain/checks';
import { generatePlan } from '../domain/generate';
import { WorkbookSession } from './session';

function session(projects = 60) {
  const wb = generatePlan({ projects });
  return new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
}

describe('check context across steps', () => {
  it('an amount edit keeps the context: no row of the sheet is hashed again', () => {
    const s = session();
    const sheet = s.workbook.sheets[0];
    sheetContext(sheet);
    const p = sheet.rows.find((r) => r.kind === 'project')!;
    const before = contextWork.keys;
    const r = s.dispatch(
      {
        type: 'setCells',
        sheetId: sheet.id,
        changes: [{ rowId: p.id, colId: 'y2022_dtpt', value: 4321 }],
      },
      'edit',
    );
    expect(r.ok).toBe(true);
    const after = s.workbook.sheets[0];
    expect(after.rows).not.toBe(sheet.rows);
    expect(sheetContext(after)).toBe(sheetContext(sheet));
    expect(contextWork.keys).toBe(before);
    // the findings are those a fresh pass finds
    expect(s.checks.list(s.workbook, after.id)).toEqual(
      sheetFindings(after, s.workbook.meta, s.values(after.id)),
    );
  });

  it('a numbering edit hashes the rows again (the context reads the numbers)', () => {
    const s = session();
    const sheet = s.workbook.sheets[0];
    sheetContext(sheet);
    const p = sheet.rows.find((r) => r.kind === 'project')!;
    const before = contextWork.keys;
    s.dispatch(
      { type: 'setCells', sheetId: sheet.id, changes: [{ rowId: p.id, colId: 'tt', value: 'a)' }] },
      'edit',
    );
    sheetContext(s.workbook.sheets[0]);
    expect(contextWork.keys).toBe(before + 1);
  });
});

describe('the findings list across steps', () => {
  it('follows edits that change, clear and add findings and a row move, as a fresh pass lists them', () => {
    const wb = generatePlan({ projects: 60 });
    // a stated total below the amounts on every project: a finding each
    for (const r of wb.sheets[0].rows)
      if (r.kind === 'project') r.cells.stated = Number(r.cells.stated ?? 0) - 7;
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const sheetId = wb.sheets[0].id;
    const fresh = () => {
      const sheet = s.workbook.sheets[0];
      return sheetFindings(sheet, s.workbook.meta, s.values(sheetId));
    };
    const first = s.checks.list(s.workbook, sheetId);
    expect(first.length).toBeGreaterThanOrEqual(60);
    expect(first).toEqual(fresh());
    const projects = () => s.workbook.sheets[0].rows.filter((r) => r.kind === 'project');
    const set = (rowId: string, colId: string, value: number) =>
      s.dispatch({ type: 'setCells', sheetId, changes: [{ rowId, colId, value }] }, 'edit');
    // the same rows with findings, one of them with other figures
    set(projects()[3].id, 'y2022_dtpt', 4321);
    expect(s.checks.list(s.workbook, sheetId)).toEqual(fresh());
    // a finding cleared (its stated total agrees again), then back
    const p = projects()[5];
    const at = s.workbook.sheets[0].rows.indexOf(p);
    const own = s.checks.list(s.workbook, sheetId).find((f) => f.rowId === p.id)!;
    set(p.id, own.colId!, own.actual);
    const cleared = s.checks.list(s.workbook, sheetId);
    expect(cleared.some((f) => f.rowId === p.id)).toBe(false);
    expect(cleared).toEqual(fresh());
    set(p.id, 'stated', 1);
    expect(s.checks.list(s.workbook, sheetId)).toEqual(fresh());
    // rows moved: the list follows their new places
    s.dispatch({ type: 'moveRows', sheetId, from: at, count: 1, to: at + 9 }, 'move');
    expect(s.checks.list(s.workbook, sheetId)).toEqual(fresh());
    set(projects()[0].id, 'y2021_sn', 77);
    expect(s.checks.list(s.workbook, sheetId)).toEqual(fresh());
  });
});
