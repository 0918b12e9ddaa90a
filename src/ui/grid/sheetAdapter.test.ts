/** The sheet adapters: the one grid asks the same questions of an appendix and a plain sheet. */
import { describe, expect, it } from 'vitest';
import { clipboardHtml } from '../../app/clipboardHtml';
import { WorkbookSession } from '../../app/session';
import { makePlan } from '../../domain/template';
import type { CellInput, GridSheet } from '../../domain/types';
import type { Lang } from '../i18n';
import { type GridCtx, reindex } from './gridContext';
import { SPARE_ROWS } from './plainAdapter';
import { sheetAdapter } from './sheetAdapter';

const A11 = 'y2011_dtpt';

function session(cells: CellInput[][]) {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { [A11]: 100 }],
      ['project', 1, 'p2', { [A11]: 250 }],
    ],
  });
  const grid: GridSheet = { kind: 'grid', id: 'g1', name: 'Đối chiếu', cells };
  return new WorkbookSession(
    { workbook: { ...wb, grids: [grid] }, order: new Map(), rev: 1 },
    null,
  );
}

function ctxOf(s: WorkbookSession, id: string, lang: Lang = 'vi'): GridCtx {
  const adapter = sheetAdapter(s, id);
  const leafIds = adapter.leafIds();
  const ctx: GridCtx = {
    session: s,
    sheetId: id,
    adapter,
    index: new Map(),
    lang,
    refused: null,
    selection: null,
    anchor: null,
    cut: null,
    fillTarget: null,
    marks: null,
    leafIds,
    leafIndex: new Map(leafIds.map((x, i) => [x, i])),
    commit: () => undefined,
  };
  reindex(ctx, adapter.items());
  return ctx;
}

/** Runs a planned step, undoes and redoes it, reading `read` at each point. */
function doUndoRedo(
  s: WorkbookSession,
  p: ReturnType<GridCtx['adapter']['paste']>,
  read: () => unknown,
) {
  if (!('command' in p)) throw new Error(`refused: ${JSON.stringify(p.refusals)}`);
  const before = read();
  expect(s.dispatch(p.command, 'range').ok).toBe(true);
  const after = read();
  expect(after).not.toEqual(before);
  s.undo();
  expect(read()).toEqual(before);
  s.redo();
  expect(read()).toEqual(after);
  return after;
}

describe('sheet adapters', () => {
  it('tells the kind of a sheet by its id', () => {
    const s = session([]);
    expect(sheetAdapter(s, 'g1').kind).toBe('plain');
    expect(sheetAdapter(s, 's1').kind).toBe('appendix');
  });

  it('shows a plain sheet with spare rows and columns, and grows as a paste runs past them', () => {
    const s = session([
      ['Nguồn', 'Số tiền'],
      ['NSTW', 100],
    ]);
    const ctx = ctxOf(s, 'g1');
    const a = ctx.adapter;
    expect(a.leafIds()).toHaveLength(8);
    expect(a.rowCount()).toBe(2 + SPARE_ROWS);
    expect(a.rowId(3)).toBe('3');
    const items = a.items();
    // AG Grid keeps its row nodes: the same item objects between steps
    expect(a.items()[1]).toBe(items[1]);
    const got = doUndoRedo(s, a.paste(ctx, { row: 1, col: 7 }, [['1,5', '2', '3']]), () => [
      a.leafIds().length,
      a.value(1, '7'),
      a.value(1, '9'),
    ]);
    expect(got).toEqual([13, 1.5, 3]);
    // and a second paste further right writes too
    const q = a.paste(ctx, { row: 0, col: 12 }, [['x']]);
    expect('command' in q && s.dispatch(q.command, 'range').ok).toBe(true);
    expect(a.value(0, '12')).toBe('x');
  });

  it('fills and clears a plain sheet as one step each', () => {
    const s = session([[1, '=A1*2']]);
    const ctx = ctxOf(s, 'g1');
    const a = ctx.adapter;
    const row = (i: number) => [a.value(i, '0'), a.value(i, '1')];
    expect(
      doUndoRedo(
        s,
        a.fill(ctx, { r0: 0, c0: 0, r1: 0, c1: 1 }, { r0: 1, c0: 0, r1: 2, c1: 1 }),
        () => [row(1), row(2)],
      ),
    ).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(a.raw(2, '1')).toBe('=A3*2');
    const c = a.clear(ctx, { r0: 0, c0: 0, r1: 2, c1: 0 });
    expect(s.dispatch(c!, 'range').ok).toBe(true);
    expect([a.value(0, '1'), a.value(2, '1')]).toEqual([0, 0]);
  });

  it("writes and reads a plain sheet's figures in the user's number style", () => {
    const s = session([[null]]);
    const vi = ctxOf(s, 'g1', 'vi');
    expect(vi.adapter.commit(vi, '0', '0', '1,5')).toEqual({ ok: true, changed: true });
    expect(s.gridValue('g1', 0, 0)).toBe(1.5);
    expect(vi.adapter.editText(vi, '0', '0')).toBe('1,5');
    // the same text again is no step
    expect(vi.adapter.commit(vi, '0', '0', '1,5')).toEqual({ ok: true, changed: false });
    const en = ctxOf(s, 'g1', 'en');
    expect(en.adapter.editText(en, '0', '0')).toBe('1.5');
    en.adapter.commit(en, '0', '0', '1,500');
    expect(s.gridValue('g1', 0, 0)).toBe(1500);
    expect(en.adapter.editText(en, '0', '0')).toBe('1,500');
    expect(vi.adapter.editText(vi, '0', '0')).toBe('1.500');
    // a formula the engine refuses leaves the cell as it was, with the engine's reason
    const r = vi.adapter.commit(vi, '0', '0', '=A1+1');
    expect(r).toMatchObject({ ok: false, refusal: { code: 'CYCLE' } });
    expect(s.gridValue('g1', 0, 0)).toBe(1500);
  });

  it("pastes, fills and commits on an appendix through the same questions (the plan's policy)", () => {
    const s = session([]);
    const ctx = ctxOf(s, 's1');
    const a = ctx.adapter;
    const col = a.leafIds().indexOf(A11);
    // a block over the section row and two projects: the section's computed cell is skipped
    const p = a.paste(ctx, { row: 0, col }, [['9'], ['1.000'], ['2,5']]);
    expect(p).toMatchObject({ skipped: 1 });
    expect(doUndoRedo(s, p, () => [a.value(0, A11), a.value(1, A11), a.value(2, A11)])).toEqual([
      1002.5, 1000, 2.5,
    ]);
    const f = a.fill(ctx, { r0: 1, c0: col, r1: 1, c1: col }, { r0: 2, c0: col, r1: 2, c1: col });
    expect(doUndoRedo(s, f, () => a.value(2, A11))).toBe(1000);
    expect(a.editText(ctx, a.rowId(1)!, A11)).toBe('1.000');
    expect(a.commit(ctx, a.rowId(0)!, A11, '5')).toMatchObject({
      ok: false,
      refusal: { code: 'sectionComputed' },
    });
  });

  it('copies a code such as 0123 as a text and a figure as its number, on both kinds of sheet', () => {
    const s = session([['0123', 61600, 'Mạng LAN']]);
    const plain = ctxOf(s, 'g1');
    const copied = plain.adapter.copy(plain, { r0: 0, c0: 0, r1: 0, c1: 2 });
    expect(copied.values).toEqual([['0123', 61600, 'Mạng LAN']]);
    expect(copied.text).toBe('0123\t61600\tMạng LAN');
    const html = clipboardHtml(copied.values, 'vi');
    expect(html).toContain(`<td style='mso-number-format:"\\@"' sdnum="1033;0;@">0123</td>`);
    expect(html).toContain('<td x:num="61600" sdval="61600" sdnum="1033;0;General">61.600</td>');

    const ctx = ctxOf(s, 's1');
    const a = ctx.adapter;
    expect(a.commit(ctx, a.rowId(1)!, 'name', '0123')).toMatchObject({ ok: true });
    const [name, amount] = ['name', A11].map((c) => a.leafIds().indexOf(c));
    const row = a.copy(ctx, { r0: 1, c0: name, r1: 1, c1: amount }).values[0];
    expect([row[0], row[row.length - 1]]).toEqual(['0123', 100]);
  });
});
