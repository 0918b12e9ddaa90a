/**
 * The sheet remembers (issue 15, part 5): column widths dragged by the user and the display
 * unit with its rounding and wrapping survive a reload; the unit is an undo step, widths are not
 * and an undo never takes them back.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { displayFactor, toDisplay, unitOf } from '../domain/display';
import { makePlan } from '../domain/template';
import { parsePlanbook, serializePlanbook } from '../io/planbookFile';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { WorkbookSession } from './session';

let n = 0;

describe('display units', () => {
  it('reads the plan’s unit and converts only the display', () => {
    expect(unitOf('Triệu đồng')).toBe('triệu đồng');
    expect(unitOf('ĐVT: tr.đồng')).toBe('triệu đồng');
    expect(unitOf('Tỷ VNĐ')).toBe('tỷ đồng');
    expect(unitOf('Nghìn đồng')).toBe('nghìn đồng');
    expect(unitOf('đồng')).toBe('đồng');
    expect(unitOf('%')).toBeNull();
    expect(toDisplay(61600, 'triệu đồng', { unit: 'tỷ đồng' })).toBeCloseTo(61.6, 12);
    expect(toDisplay(1.5, 'Triệu đồng', { unit: 'nghìn đồng' })).toBeCloseTo(1500, 9);
    expect(toDisplay(7, 'triệu đồng', {})).toBe(7);
    // an unknown plan unit shows figures as they are
    expect(displayFactor('USD', { unit: 'tỷ đồng' })).toBe(1);
  });
});

describe('the sheet remembers', () => {
  it('keeps widths and the display unit across a reload; only the unit is an undo step', async () => {
    const repo = new WorkbookRepo(openDb(`sv${++n}`));
    const wb = makePlan({
      rows: [
        ['section', 0, 'I'],
        ['project', 1, 'p', { '2011:ĐTPT': 61600 }],
      ],
    });
    const s = new WorkbookSession(await repo.create(wb), repo);
    s.widths.set('s1', { name: 412.4, y2011_dtpt: 130 });
    expect(s.history.canUndo).toBe(false);
    const r = s.dispatch(
      { type: 'setDisplay', sheetId: 's1', display: { unit: 'tỷ đồng', decimals: 2, wrap: true } },
      'setDisplay',
    );
    expect(r.ok).toBe(true);
    expect(s.history.canUndo).toBe(true);
    // figures stay in the plan's unit
    expect(s.workbook.sheets[0].rows[1].cells.y2011_dtpt).toBe(61600);
    expect(s.value('s1', 0, 'y2011_dtpt')).toBe(61600);
    s.widths.set('s1', { coord: 99 });
    await s.whenSaved();
    await s.widths.whenSaved();
    s.close();

    const again = await repo.load('w1');
    const t = new WorkbookSession(again!, repo);
    expect(t.workbook.sheets[0].display).toEqual({ unit: 'tỷ đồng', decimals: 2, wrap: true });
    expect(t.widths.of('s1')).toEqual({ name: 412, y2011_dtpt: 130, coord: 99 });
    // an undo in the next session… has nothing to undo; a new unit then undone restores tỷ đồng
    t.dispatch(
      { type: 'setDisplay', sheetId: 's1', display: { unit: 'nghìn đồng' } },
      'setDisplay',
    );
    t.widths.set('s1', { name: 300 });
    expect(t.undo()).toBe(true);
    expect(t.workbook.sheets[0].display?.unit).toBe('tỷ đồng');
    expect(t.widths.of('s1').name).toBe(300);
    await t.whenSaved();
    await t.widths.whenSaved();
    const third = await repo.load('w1');
    expect(third!.workbook.sheets[0].display?.unit).toBe('tỷ đồng');
    expect(third!.widths?.s1.name).toBe(300);
    t.close();
  });

  it('writes no width from a read-only tab, and a .planbook file keeps unit and numbering', async () => {
    const repo = new WorkbookRepo(openDb(`sv${++n}`));
    const wb = makePlan({
      rows: [
        ['section', 0, 'I'],
        ['project', 1, 'p'],
      ],
    });
    const ro = new WorkbookSession(await repo.create(wb), repo, true);
    ro.widths.set('s1', { name: 200 });
    expect(ro.widths.of('s1').name).toBe(200);
    await ro.widths.whenSaved();
    expect((await repo.load('w1'))!.widths).toBeUndefined();

    const sheet = {
      ...wb.sheets[0],
      display: { unit: 'tỷ đồng' as const, decimals: 3 },
      numbering: { sections: ['letter' as const], projects: ['plus' as const] },
    };
    const back = parsePlanbook(serializePlanbook({ ...wb, sheets: [sheet] }));
    if (!back.ok) throw new Error('parse');
    expect(back.workbook.sheets[0].display).toEqual({ unit: 'tỷ đồng', decimals: 3 });
    expect(back.workbook.sheets[0].numbering).toEqual(sheet.numbering);
    // malformed settings are dropped, never refusing the file
    const bad = JSON.parse(serializePlanbook({ ...wb, sheets: [sheet] })) as {
      workbook: { sheets: Record<string, unknown>[] };
    };
    bad.workbook.sheets[0].display = { unit: 'USD', decimals: -1 };
    bad.workbook.sheets[0].numbering = { sections: ['weird'] };
    const r = parsePlanbook(JSON.stringify(bad));
    expect(r.ok && r.workbook.sheets[0].display).toBeUndefined();
    expect(r.ok && r.workbook.sheets[0].numbering).toBeUndefined();
  });
});
