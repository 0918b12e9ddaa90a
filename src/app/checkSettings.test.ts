import { readFileSync } from 'node:fs';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../io/readPlan';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { parsePlanbook } from '../io/planbookFile';
import {
  acceptAllComputed,
  acceptComputed,
  canAcceptComputed,
  explainFinding,
  replaceSheet,
  setAdditive,
  statedCount,
  switchRules,
} from './checkSettings';
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

describe('a stated figure replaced by the computed one', () => {
  it('clears a section’s or total row’s figure: the row follows its rows, one undoable step', async () => {
    const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
    if (!r.ok) throw new Error('sample');
    const repo = new WorkbookRepo(openDb('check-accept'));
    const s = new WorkbookSession(await repo.create(r.workbook), repo);
    const id = s.workbook.sheets[0].id;
    const sheet = () => s.workbook.sheets[0];
    const list = () => s.checks.list(s.workbook, id);
    const find = (rule: string, label: string, scope: string) =>
      list().find((x) => x.rule === rule && x.label.startsWith(label) && x.scope === scope);
    // section 1 of the sample states 36.300 where its projects add up to 41.300
    const section = find('section-total', 'Xây dựng cơ sở hạ tầng', 'Tổng mức đầu tư')!;
    expect([section.expected, section.actual]).toEqual([36300, 41300]);
    // a project's stated total investment is the document's, not a sum: never replaced
    const project = list().find((x) => x.rule === 'row-total')!;
    expect(canAcceptComputed(sheet(), project)).toBe(false);
    expect(acceptComputed(sheet(), project)).toBeNull();
    expect(canAcceptComputed(sheet(), section)).toBe(true);

    s.dispatch(replaceSheet(s.workbook, acceptComputed(sheet(), section)!), 'accept');
    const row = () => sheet().rows.find((x) => x.id === section.rowId)!;
    const at = () => sheet().rows.indexOf(row());
    const shown = () => row().cells[section.colId!] ?? s.value(id, at(), section.colId!);
    expect(row().cells[section.colId!]).toBeUndefined();
    expect(shown()).toBe(41300);
    expect(find('section-total', 'Xây dựng cơ sở hạ tầng', 'Tổng mức đầu tư')).toBeUndefined();
    s.undo();
    expect(row().cells[section.colId!]).toBe(36300);
    expect(find('section-total', 'Xây dựng cơ sở hạ tầng', 'Tổng mức đầu tư')).toBeDefined();
    s.redo();
    expect(row().cells[section.colId!]).toBeUndefined();
    // a later edit of one of its projects: the section follows, nothing is found
    const child = sheet().rows[at() + 1];
    const was = child.cells[section.colId!] as number;
    s.dispatch(
      {
        type: 'setCells',
        sheetId: id,
        changes: [{ rowId: child.id, colId: section.colId!, value: was + 1000 }],
      },
      'edit',
    );
    expect(shown()).toBe(42300);
    expect(find('section-total', 'Xây dựng cơ sở hạ tầng', 'Tổng mức đầu tư')).toBeUndefined();
    s.undo();

    // a total row's stated figure: Tổng vốn ĐTPT 2011 states 9.100, its block adds up to 6.500
    const total = find('grand-total', 'Tổng vốn đầu tư phát tri', '2011 ĐTPT')!;
    expect(canAcceptComputed(sheet(), total)).toBe(true);
    s.dispatch(replaceSheet(s.workbook, acceptComputed(sheet(), total)!), 'accept');
    expect(find('grand-total', 'Tổng vốn đầu tư phát tri', '2011 ĐTPT')).toBeUndefined();
    await s.whenSaved();
    const stored = (await repo.load(s.workbook.id))!.workbook.sheets[0];
    expect(stored.rows.find((x) => x.id === section.rowId)!.cells[section.colId!]).toBeUndefined();
    expect(stored.rows.find((x) => x.id === total.rowId)!.cells[total.colId!]).toBeUndefined();
  });

  it('clears every figure the sheet’s sections and total rows state at once, one undoable step', async () => {
    const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
    if (!r.ok) throw new Error('sample');
    const repo = new WorkbookRepo(openDb('check-accept-all'));
    const s = new WorkbookSession(await repo.create(r.workbook), repo);
    const id = s.workbook.sheets[0].id;
    const stated = () =>
      s.checks
        .list(s.workbook, id)
        .filter((f) => f.rule === 'section-total' || f.rule === 'grand-total');
    const before = s.checks.list(s.workbook, id);
    expect(stated().length).toBeGreaterThan(3);
    const n = statedCount(s.workbook.sheets[0]);
    expect(n).toBeGreaterThanOrEqual(stated().length);
    s.dispatch(replaceSheet(s.workbook, acceptAllComputed(s.workbook.sheets[0])!), 'acceptAll');
    expect(stated()).toEqual([]);
    expect(statedCount(s.workbook.sheets[0])).toBe(0);
    expect(acceptAllComputed(s.workbook.sheets[0])).toBeNull();
    // the projects’ own findings stay
    expect(s.checks.list(s.workbook, id).filter((f) => f.rule === 'row-total').length).toBe(
      before.filter((f) => f.rule === 'row-total').length,
    );
    s.undo();
    expect(s.checks.list(s.workbook, id)).toEqual(before);
    expect(statedCount(s.workbook.sheets[0])).toBe(n);
    s.redo();
    expect(stated()).toEqual([]);
  });
});
