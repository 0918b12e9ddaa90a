import { describe, expect, it } from 'vitest';
import { makePlan, newSheet } from '../domain/template';
import type { StepEvent } from './dispatcher';
import { WorkbookSession } from './session';

describe('step events', () => {
  it('reach storage, checks, views, then the UI, saying what kind of step and which sheet', () => {
    const wb = makePlan({ rows: [['project', 0, 'p1', { '2011:ĐTPT': 1 }]] });
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const seen: Pick<StepEvent, 'kind' | 'sheetId'>[] = [];
    let versions = 0;
    s.subscribeStore(() => versions++);
    s.subscribe((e) => seen.push({ kind: e.kind, sheetId: e.sheetId }));
    const two = { ...newSheet(wb.meta, 'P2'), id: 's2' };
    s.dispatch({ type: 'addSheet', sheet: two, at: 1 }, 'add');
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r1', colId: 'name', value: 'x' }] },
      'edit',
    );
    s.undo();
    s.redo();
    expect(seen).toEqual([
      { kind: 'do', sheetId: 's2' },
      { kind: 'do', sheetId: 's1' },
      { kind: 'undo', sheetId: 's1' },
      { kind: 'redo', sheetId: 's1' },
    ]);
    expect(versions).toBe(4);
    // a refused step and a step that changes nothing are not heard
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r1', colId: 'total', value: 1 }] },
      'x',
    );
    s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r1', colId: 'name', value: 'x' }] },
      'x',
    );
    expect(seen).toHaveLength(4);
  });
});
