/**
 * The consolidated appendix in a display unit: one undoable step, kept across a reload; a proposed
 * figure typed in tỷ đồng is stored in the form's triệu đồng.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyConsolidation } from '../domain/consolidateEdits';
import type { Consolidation } from '../domain/consolidateTypes';
import { openDb } from '../storage/db';
import { ConsolidationRepo } from '../storage/consolidations';
import { moneyText, readMoney } from '../domain/displayMoney';
import { Consolidations } from './consolidations';

describe('the consolidation’s display unit', () => {
  it('is one step: done, undone, redone, and kept across a reload', async () => {
    const app = new Consolidations(new ConsolidationRepo(openDb('consDisplay')));
    const id = await app.create({
      title: 'Tổng hợp',
      unit: 'triệu đồng',
      years: [2026],
      sources: ['ĐTPT'],
      sections: ['Hạ tầng'],
      units: ['Sở Y tế'],
    });
    const s = (await app.open(id))!;
    expect(s.state.display).toBeUndefined();
    expect(s.dispatch({ type: 'setDisplay', display: { unit: 'tỷ đồng' } }, 'unit').ok).toBe(true);
    expect(s.state.display).toEqual({ unit: 'tỷ đồng' });
    expect(s.undo()).toBe(true);
    expect(s.state.display).toBeUndefined();
    expect(s.redo()).toBe(true);
    expect(s.state.display).toEqual({ unit: 'tỷ đồng' });
    await s.whenSaved();
    const again = (await app.open(id))!;
    expect(again.state.display).toEqual({ unit: 'tỷ đồng' });
    const fmt = moneyText(again.state.form.unit, again.state.display, 'vi');
    expect(fmt(46300)).toBe('46,3');
  });

  it('a proposal typed in tỷ đồng is stored in triệu đồng', () => {
    const c = {
      form: { title: '', unit: 'triệu đồng', columns: [{ id: 'c1', year: 2026, source: 'ĐTPT' }] },
      proposed: {},
      display: { unit: 'tỷ đồng' },
    } as unknown as Consolidation;
    const value = readMoney('0,6', c.form.unit, c.display);
    expect(value).toBe(600);
    const r = applyConsolidation(
      c,
      { type: 'setProposed', key: 'k', column: 'c1', value: value as number },
      () => 1000,
    );
    expect(r.state.proposed).toEqual({ k: { c1: 600 } });
    // clearing the display setting goes back to the form's unit (the field is dropped)
    const back = applyConsolidation(r.state, { type: 'setDisplay', display: {} }, () => undefined);
    expect('display' in back.state).toBe(false);
    expect(back.inverse).toEqual({ type: 'setDisplay', display: { unit: 'tỷ đồng' } });
  });
});
