import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import type { Command } from '../domain/commands';
import { makePlan, newSheet } from '../domain/template';
import type { GridSheet, Workbook } from '../domain/types';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { freshValues, snapshot } from './randomSteps';
import { WorkbookSession } from './session';

const A11 = 'y2011_dtpt';
let dbn = 0;

function plan(): Workbook {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { '2011:ĐTPT': 100, '2011:SN': 10, '2012:SN': 4 }],
      ['project', 1, 'p2', { '2011:ĐTPT': '=E2*2', '2012:ĐTPT': 5 }],
      ['total', 0, 'Tổng cộng', { stated: 300, y2011: 310 }],
    ],
  });
  const grid: GridSheet = {
    kind: 'grid',
    id: 'g1',
    name: 'Dữ liệu',
    cells: [["='Phụ lục'!E2+1", "=SUM('Phụ lục'!E2:F3)"]],
  };
  return { ...wb, grids: [grid] };
}

async function open() {
  const repo = new WorkbookRepo(openDb(`form${++dbn}`));
  const loaded = await repo.create(plan());
  return { repo, s: new WorkbookSession(loaded, repo) };
}

/**
 * Dispatches the command, checks what `after` says, then undo (everything as before), redo
 * (everything as after), the engine agreeing with one built afresh, and storage holding the
 * workbook as it is (read back as a reload reads it).
 */
async function doUndoRedo(cmd: Command, after: (s: WorkbookSession) => void) {
  const { s, repo } = await open();
  const before = snapshot(s);
  const r = s.dispatch(cmd, 'form');
  expect(r.ok).toBe(true);
  const done = snapshot(s);
  expect(done).not.toEqual(before);
  after(s);
  expect(s.undo()).toBe(true);
  expect(snapshot(s)).toEqual(before);
  await s.whenSaved();
  expect(modelOf((await repo.load(s.workbook.id))!.workbook)).toEqual(modelOf(s.workbook));
  expect(s.redo()).toBe(true);
  expect(snapshot(s)).toEqual(done);
  expect(freshValues(s)).toEqual(done.values);
  await s.whenSaved();
  const stored = (await repo.load(s.workbook.id))!.workbook;
  expect(modelOf(stored)).toEqual(modelOf(s.workbook));
  // a reload (a session built from storage) shows the same figures
  const reloaded = new WorkbookSession({ workbook: stored, order: new Map(), rev: 1 }, null);
  expect(snapshot(reloaded).values).toEqual(done.values);
  after(reloaded);
  s.close();
}

const modelOf = (wb: Workbook) => ({ meta: wb.meta, sheets: wb.sheets, grids: wb.grids });
const ids = (s: WorkbookSession) => leaves(s.workbook.sheets[0].columns).map((l) => l.id);
const total = (s: WorkbookSession, row: number) => s.value('s1', row, 'total');

describe('editing the form: do → undo → redo, stored, reloaded', () => {
  it('plan metadata (two-line issuing body, document type, signer)', () =>
    doUndoRedo(
      {
        type: 'setMeta',
        meta: {
          ...plan().meta,
          superiorBody: 'UBND TỈNH HÀ GIANG',
          issuingBody: 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ',
          docType: 'Tờ trình',
          docNumber: '12/TTr-SKH',
          docDate: '05/03/2025',
          place: 'Hà Giang',
          signerTitle: 'GIÁM ĐỐC',
          signerName: 'Nguyễn Văn A',
        },
      },
      (s) => {
        expect(s.workbook.meta.docType).toBe('Tờ trình');
        expect(s.workbook.meta.superiorBody).toBe('UBND TỈNH HÀ GIANG');
        expect(s.workbook.meta.signerName).toBe('Nguyễn Văn A');
      },
    ));

  it('appendix title', () =>
    doUndoRedo(
      { type: 'editSheet', sheetId: 's1', edit: { op: 'setTitle', title: 'Phụ lục I' } },
      (s) => expect(s.workbook.sheets[0].title).toBe('Phụ lục I'),
    ));

  it('column header renamed (leaf and year group)', () =>
    doUndoRedo(
      {
        type: 'batch',
        commands: [
          {
            type: 'editSheet',
            sheetId: 's1',
            edit: { op: 'renameColumn', colId: 'name', label: 'Danh mục' },
          },
          {
            type: 'editSheet',
            sheetId: 's1',
            edit: { op: 'renameColumn', colId: 'y2011', label: 'Năm 2011' },
          },
        ],
      },
      (s) => {
        const cols = s.workbook.sheets[0].columns;
        expect(leaves(cols)[1].label).toBe('Danh mục');
        expect(JSON.stringify(cols)).toContain('Năm 2011');
      },
    ));

  it('tab renamed: formulas naming it follow', () =>
    doUndoRedo(
      { type: 'editPlan', edit: { op: 'renameSheet', sheetId: 's1', name: 'Phụ lục I' } },
      (s) => {
        expect(s.workbook.sheets[0].name).toBe('Phụ lục I');
        expect(s.workbook.grids![0].cells[0][0]).toBe("='Phụ lục I'!E2+1");
        expect(s.gridValue('g1', 0, 0)).toBe(101);
      },
    ));

  it('a text column added: never an amount, never in totals or checks', () =>
    doUndoRedo(
      {
        type: 'batch',
        commands: [
          {
            type: 'editSheet',
            sheetId: 's1',
            edit: {
              op: 'addColumn',
              after: 'coord',
              column: { kind: 'leaf', id: 'place', label: 'Địa điểm xây dựng', role: 'text' },
            },
          },
          {
            type: 'setCells',
            sheetId: 's1',
            changes: [{ rowId: 'r2', colId: 'place', value: '2021' }],
          },
        ],
      },
      (s) => {
        expect(ids(s).slice(0, 6)).toEqual(['tt', 'name', 'lead', 'coord', 'place', A11]);
        // p2's formula named p1's 2011 ĐTPT (E2): it is F2 now, and still reads 100
        expect(s.workbook.sheets[0].rows[2].cells[A11]).toBe('=F2*2');
        expect(s.value('s1', 2, A11)).toBe(200);
        expect(total(s, 1)).toBe(114);
        expect(s.workbook.grids![0].cells[0]).toEqual(["='Phụ lục'!F2+1", "=SUM('Phụ lục'!F2:G3)"]);
        expect(s.gridValue('g1', 0, 0)).toBe(101);
        const findings = s.checks.list(s.workbook, 's1');
        expect(findings.filter((f) => f.colId === 'place')).toEqual([]);
      },
    ));

  it('an amount column for a year and a new source is added into its year and totals', () =>
    doUndoRedo(
      {
        type: 'batch',
        commands: [
          {
            type: 'editSheet',
            sheetId: 's1',
            edit: {
              op: 'addColumn',
              column: {
                kind: 'leaf',
                id: 'y2011_x',
                label: 'Vốn NSTW',
                role: 'amount',
                year: 2011,
                source: 'NSTW',
              },
            },
          },
          {
            type: 'setCells',
            sheetId: 's1',
            changes: [{ rowId: 'r2', colId: 'y2011_x', value: 1000 }],
          },
        ],
      },
      (s) => {
        expect(ids(s).indexOf('y2011_x')).toBe(ids(s).indexOf('y2011_sn') + 1);
        expect(total(s, 1)).toBe(1114);
        expect(s.total('s1', null, 'y2011_x')).toBe(1000);
      },
    ));

  it('stated figure and free number columns added', () =>
    doUndoRedo(
      {
        type: 'batch',
        commands: [
          {
            type: 'editSheet',
            sheetId: 's1',
            edit: {
              op: 'addColumn',
              column: { kind: 'leaf', id: 'v', label: 'Lũy kế', role: 'value' },
            },
          },
          { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r2', colId: 'v', value: 7 }] },
        ],
      },
      (s) => {
        expect(ids(s).at(-2)).toBe('v');
        expect(s.value('s1', 1, 'v')).toBe(7);
      },
    ));

  it('a column removed: its cells go, formulas that read it show #REF!, undo brings all back', () =>
    doUndoRedo(
      { type: 'editSheet', sheetId: 's1', edit: { op: 'removeColumns', colIds: ['coord'] } },
      (s) => {
        expect(ids(s)).not.toContain('coord');
        // E2 (2011 ĐTPT) is D2 now
        expect(s.workbook.sheets[0].rows[2].cells[A11]).toBe('=D2*2');
        expect(s.value('s1', 2, A11)).toBe(200);
      },
    ));

  it('a year group moved right: formulas follow the cells', () =>
    doUndoRedo(
      { type: 'editSheet', sheetId: 's1', edit: { op: 'moveColumn', colId: 'y2011', by: 1 } },
      (s) => {
        expect(ids(s).slice(4, 8)).toEqual(['y2012_dtpt', 'y2012_sn', A11, 'y2011_sn']);
        expect(s.workbook.sheets[0].rows[2].cells[A11]).toBe('=G2*2');
        expect(s.value('s1', 2, A11)).toBe(200);
        expect(total(s, 1)).toBe(114);
      },
    ));

  it('a year added: every sheet gets it, totals compute', () =>
    doUndoRedo(
      {
        type: 'batch',
        commands: [
          { type: 'editPlan', edit: { op: 'addYear', year: 2013 } },
          {
            type: 'setCells',
            sheetId: 's1',
            changes: [{ rowId: 'r2', colId: 'y2013_dtpt', value: 50 }],
          },
        ],
      },
      (s) => {
        expect(s.workbook.meta.years).toEqual([2011, 2012, 2013]);
        expect(ids(s).slice(4, 10)).toEqual([
          A11,
          'y2011_sn',
          'y2012_dtpt',
          'y2012_sn',
          'y2013_dtpt',
          'y2013_sn',
        ]);
        expect(total(s, 1)).toBe(164);
        expect(s.value('s1', 0, 'y2013_dtpt')).toBe(50); // the section adds it up
        expect(s.total('s1', null, 'y2013_dtpt')).toBe(50);
        expect(s.total('s1', 'ĐTPT', 'total')).toBe(100 + 200 + 5 + 50);
      },
    ));

  it('a year removed: its figures and the total row’s stated year figure go', () =>
    doUndoRedo({ type: 'editPlan', edit: { op: 'removeYear', year: 2011 } }, (s) => {
      expect(s.workbook.meta.years).toEqual([2012]);
      expect(ids(s)).not.toContain(A11);
      expect(s.workbook.sheets[0].rows[3].cells).not.toHaveProperty('y2011');
      expect(total(s, 1)).toBe(4);
    }));

  it('a source added to every year, and a source removed', async () => {
    await doUndoRedo(
      {
        type: 'editPlan',
        edit: { op: 'addSource', source: { code: 'NSTW', name: 'Ngân sách trung ương' } },
      },
      (s) => {
        expect(ids(s)).toContain('y2011_nstw');
        expect(ids(s)).toContain('y2012_nstw');
        expect(s.workbook.meta.sources.map((x) => x.code)).toEqual(['ĐTPT', 'SN', 'NSTW']);
      },
    );
    await doUndoRedo({ type: 'editPlan', edit: { op: 'removeSource', code: 'SN' } }, (s) => {
      expect(ids(s).filter((id) => id.endsWith('_sn'))).toEqual([]);
      expect(total(s, 1)).toBe(100);
      expect(s.workbook.meta.sources.map((x) => x.code)).toEqual(['ĐTPT']);
    });
  });

  it('the views follow: a year added shows in the year view and the unit view', () => {
    const s = new WorkbookSession({ workbook: plan(), order: new Map(), rev: 1 }, null);
    for (const _ of s.views.prepareUnits('s1'));
    const stale: string[] = [];
    s.subscribe((e) => stale.push(...e.viewsStale));
    s.dispatch({ type: 'editPlan', edit: { op: 'addYear', year: 2013 } }, 'form');
    // the unit view is built again for the new columns (as the app does on this event)
    expect(stale).toContain('s1');
    for (const _ of s.views.prepareUnits('s1'));
    s.dispatch(
      {
        type: 'setCells',
        sheetId: 's1',
        changes: [{ rowId: 'r2', colId: 'y2013_dtpt', value: 50 }],
      },
      'e',
    );
    const years = s.views.yearRows('s1').map((y) => [y.year, y.all.amount]);
    expect(years).toEqual([
      [2011, 310],
      [2012, 9],
      [2013, 50],
    ]);
    expect(s.views.unitRows('s1')[0].amounts.y2013_dtpt).toBe(50);
  });

  it('a plan whose years are single columns (no sources) gets a single column for a new year', () => {
    const wb = makePlan({ years: [2017, 2018], sources: [], rows: [] });
    const sheet = wb.sheets[0];
    sheet.columns = [
      { kind: 'leaf', id: 'name', label: 'Chỉ tiêu', role: 'name' },
      { kind: 'leaf', id: 'y2017', label: 'Năm 2017', role: 'amount', year: 2017 },
      { kind: 'leaf', id: 'y2018', label: 'Năm 2018', role: 'amount', year: 2018 },
      { kind: 'leaf', id: 'notes', label: 'Ghi chú', role: 'notes' },
    ];
    sheet.rows = [
      { id: 'a', kind: 'project', level: 0, cells: { name: 'Thu', y2017: 5, y2018: 1 } },
    ];
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    expect(s.dispatch({ type: 'editPlan', edit: { op: 'addYear', year: 2019 } }, 'f').ok).toBe(
      true,
    );
    expect(ids(s)).toEqual(['name', 'y2017', 'y2018', 'y2019', 'notes']);
    expect(s.dispatch({ type: 'editPlan', edit: { op: 'removeYear', year: 2017 } }, 'f').ok).toBe(
      true,
    );
    expect(ids(s)).toEqual(['name', 'y2018', 'y2019', 'notes']);
    expect(s.workbook.sheets[0].rows[0].cells).toEqual({ name: 'Thu', y2018: 1 });
    expect(s.views.yearRows(s.workbook.sheets[0].id).map((y) => y.year)).toEqual([2018, 2019]);
  });

  it('a tab renamed: formulas in an earlier appendix naming it follow, figures unchanged', async () => {
    const { s } = await open();
    const other = { ...newSheet(s.workbook.meta, 'Tổng hợp'), id: 's0' };
    other.rows = [{ ...other.rows[1], cells: { name: 'x', [A11]: "='Phụ lục'!E2*3" } }];
    expect(s.dispatch({ type: 'addSheet', sheet: other, at: 0 }, 'a').ok).toBe(true);
    expect(s.value('s0', 0, A11)).toBe(300);
    const r = s.dispatch(
      { type: 'editPlan', edit: { op: 'renameSheet', sheetId: 's1', name: 'PL 1' } },
      'form',
    );
    expect(r).toMatchObject({ ok: true });
    expect(s.workbook.sheets[0].rows[0].cells[A11]).toBe("='PL 1'!E2*3");
    expect(s.value('s0', 0, A11)).toBe(300);
    expect(freshValues(s)).toEqual(snapshot(s).values);
    expect(s.undo()).toBe(true);
    expect(s.workbook.sheets[0].rows[0].cells[A11]).toBe("='Phụ lục'!E2*3");
    expect(s.value('s0', 0, A11)).toBe(300);
    expect(freshValues(s)).toEqual(snapshot(s).values);
    s.close();
  });
});
