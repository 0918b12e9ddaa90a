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
