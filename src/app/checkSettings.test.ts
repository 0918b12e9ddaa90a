import { readFileSync } from 'node:fs';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../io/readPlan';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { explainFinding, replaceSheet, setAdditive, switchRules } from './checkSettings';
import { WorkbookSession } from './session';

const plan = () =>
  readPlanFile(
    'plan.xlsx',
    readFileSync('fixtures/provincial/ke-hoach-dau-tu-trung-han-2021-2025.xlsx'),
  ).workbook;

describe('the user’s decisions about the checks', () => {
  it('explain a finding, switch a column’s rules off, mark a column not additive: undoable steps', async () => {
    const repo = new WorkbookRepo(openDb('check-settings'));
    const s = new WorkbookSession(await repo.create(plan()), repo);
    const id = s.workbook.sheets[0].id;
    const errors = () => s.checks.list(s.workbook, id).filter((f) => f.severity === 'error');
    expect(errors()).toHaveLength(4);
    const f = errors().find((x) => x.rule === 'column-rule')!;
    s.dispatch(
      replaceSheet(
        s.workbook,
        explainFinding(s.workbook.sheets[0], f, 'Số liệu theo QĐ điều chỉnh'),
      ),
      'explain',
    );
    const explained = s.checks
      .list(s.workbook, id)
      .find((x) => x.rowId === f.rowId && x.rule === f.rule)!;
    expect(explained.explained).toBe('Số liệu theo QĐ điều chỉnh');
    // the rules of the period-total column switched off: its findings go
    s.dispatch(replaceSheet(s.workbook, switchRules(s.workbook.sheets[0], f.colId!, true)), 'off');
    expect(errors().filter((x) => x.colId === f.colId)).toEqual([]);
    s.undo();
    expect(errors().filter((x) => x.colId === f.colId).length).toBeGreaterThan(0);
    // the 2023 column marked as not additive: its section finding goes, the engine stops summing it
    const col = errors().find((x) => x.rule === 'section-total' && x.scope === 'Năm 2023')!.colId!;
    s.dispatch(replaceSheet(s.workbook, setAdditive(s.workbook.sheets[0], col, false)), 'ratio');
    expect(errors().some((x) => x.colId === col)).toBe(false);
    s.undo();
    expect(errors().some((x) => x.colId === col)).toBe(true);
    s.redo();
    expect(errors().some((x) => x.colId === col)).toBe(false);
    // stored, and read back the same
    await s.whenSaved();
    const stored = (await repo.load(s.workbook.id))!.workbook.sheets[0];
    expect(stored.checks?.explained).toEqual({
      [`column-rule:${f.rowId}:${f.colId}`]: 'Số liệu theo QĐ điều chỉnh',
    });
    expect(stored.columns).toEqual(s.workbook.sheets[0].columns);
  });
});
