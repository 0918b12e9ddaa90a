/**
 * The plain DOM cell renderers draw what the React ones drew (frozen copies under
 * tests/support/cellsBefore): the same markup for every row kind of the sample plan, the remark
 * mark, the computed figure beside a stated one, the presence label; refreshed in place.
 */
import { createElement, Fragment, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColDef, ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { WorkbookSession } from '../../app/session';
import { sampleWorkbook } from '../../app/sample';
import { isNumericLeaf, leaves } from '../../domain/columns';
import type { Row } from '../../domain/types';
import { type Lang, LangContext, translator } from '../i18n';
import { FigureCell as OldFigure } from '../../../tests/support/cellsBefore/FigureCell';
import { NameCell as OldName } from '../../../tests/support/cellsBefore/NameCell';
import { PresenceCell as OldPresence } from '../../../tests/support/cellsBefore/PresenceCell';
import { installMiniDom } from '../../../tests/support/miniDom';
import { FigureCell, type FigureCellParams, NameCell } from './cellRenderers';
import { buildColumnDefs } from './columnDefs';
import { cellKey } from './collabMarks';
import { type GridCtx, type GridItem, type PinnedRow, reindex } from './gridContext';
import { PresenceCell } from './PresenceCell';

type P = ICellRendererParams<GridItem> & Record<string, unknown>;
type Comp = new () => ICellRendererComp<GridItem>;

const OldF = OldFigure as unknown as ComponentType<P>;
const OldN = OldName as unknown as ComponentType<P>;
const OldP = OldPresence as unknown as ComponentType<P>;

let uninstall = () => undefined as void;
beforeAll(() => void (uninstall = installMiniDom()));
afterAll(() => uninstall());

/** What the React renderer drew (its static markup), in a language. */
function before(C: ComponentType<P>, p: P, lang: Lang = 'vi'): string {
  const value = { lang, t: translator(lang), setLang: () => undefined };
  return renderToStaticMarkup(createElement(LangContext.Provider, { value }, createElement(C, p)));
}

/** What the plain renderer draws. */
function after(C: Comp, p: P): { html: string; comp: ICellRendererComp<GridItem> } {
  const comp = new C();
  void comp.init?.(p);
  return { html: (comp.getGui() as unknown as { outerHTML: string }).outerHTML, comp };
}

const html = (c: ICellRendererComp<GridItem>) =>
  (c.getGui() as unknown as { outerHTML: string }).outerHTML;

function sampleGrid(lang: Lang = 'vi') {
  const session = new WorkbookSession(
    { workbook: sampleWorkbook(), order: new Map(), rev: 1 },
    null,
  );
  const sheet = session.workbook.sheets[0];
  const ctx = { session, sheetId: sheet.id, lang, marks: null, collab: null } as unknown as GridCtx;
  reindex(ctx, sheet.rows);
  const defs = buildColumnDefs(sheet.columns, translator(lang));
  const flat = (d: unknown): ColDef<GridItem>[] =>
    'children' in (d as object)
      ? (d as { children: unknown[] }).children.flatMap(flat)
      : [d as ColDef<GridItem>];
  const cols = new Map(defs.flatMap(flat).map((d) => [d.colId!, d]));
  return { session, sheet, ctx, cols };
}

/** A cell's renderer params as AG Grid builds them (value, formatted value, context). */
function params(def: ColDef<GridItem>, ctx: GridCtx, data: GridItem): P {
  const base = { data, context: ctx, node: { rowPinned: null } };
  const value = (def.valueGetter as (p: unknown) => unknown)(base);
  const valueFormatted = def.valueFormatter
    ? (def.valueFormatter as (p: unknown) => string)({ ...base, value })
    : null;
  return { ...base, value, valueFormatted } as unknown as P;
}

const remarkRow = (row: Row, remark: string): Row => ({ ...row, remark });

describe('the name cell', () => {
  it('draws the name of every row kind as the React cell did, with the remark mark', () => {
    for (const lang of ['vi', 'en'] as const) {
      const { sheet, ctx, cols } = sampleGrid(lang);
      const def = cols.get('name')!;
      const pinned: PinnedRow = { id: 'pin:all', pinned: true, source: null, label: 'Tổng cộng' };
      const rows: GridItem[] = [
        ...sheet.rows,
        remarkRow(sheet.rows[1], 'chép lại "A" & <B> ’s'),
        remarkRow(sheet.rows[0], 'mục'),
        pinned,
      ];
      for (const r of rows) {
        const p = params(def, ctx, r);
        expect(after(NameCell, p).html).toBe(before(OldN, p, lang));
      }
      expect(after(NameCell, params(def, ctx, rows.at(-3)!)).html).toContain('data-remark');
    }
  });

  it('refreshes in place: a remark added or taken away, another name', () => {
    const { sheet, ctx, cols } = sampleGrid();
    const def = cols.get('name')!;
    const { comp } = after(NameCell, params(def, ctx, sheet.rows[1]));
    const gui = comp.getGui();
    for (const r of [remarkRow(sheet.rows[1], 'x'), sheet.rows[2], sheet.rows[1]]) {
      const p = params(def, ctx, r);
      expect(comp.refresh(p)).toBe(true);
      expect(comp.getGui()).toBe(gui);
      expect(html(comp)).toBe(before(OldN, p));
    }
    expect(comp.refresh({ ...params(def, ctx, sheet.rows[1]), presence: 'An' } as P)).toBe(false);
  });
});

describe('the figure cells', () => {
  it('draw every numeric cell of the sample as the React cells did (computed beside where stated differs)', () => {
    const { sheet, ctx, cols } = sampleGrid();
    let beside = 0;
    let cells = 0;
    for (const leaf of leaves(sheet.columns).filter(isNumericLeaf)) {
      const def = cols.get(leaf.id)!;
      for (const row of sheet.rows) {
        const p = params(def, ctx, row);
        const sel = { ...p, colDef: def };
        const chosen = def.cellRendererSelector?.(sel as never);
        const text = renderToStaticMarkup(createElement(Fragment, null, p.valueFormatted));
        // before: every section and total row had the React figure cell (its text alone where
        // the column's diffOf, the same statedDiff the selector now asks, found no difference)
        const none: FigureCellParams = { diffOf: () => null, format: () => '' };
        const old =
          row.kind === 'project'
            ? text
            : before(OldF, {
                ...p,
                ...((chosen?.params ?? none) as object),
              });
        const now = chosen
          ? after(chosen.component as Comp, { ...p, ...(chosen.params as object) }).html
          : text;
        expect(now, `${row.id} ${leaf.id}`).toBe(old);
        if (chosen) beside++;
        cells++;
      }
    }
    expect(beside).toBeGreaterThan(0);
    expect(cells).toBeGreaterThan(beside);
  });

  it('refreshes in place while the figure differs', () => {
    const { sheet, ctx, cols } = sampleGrid();
    const def = cols.get('stated')!;
    const p = params(def, ctx, sheet.rows[0]);
    const chosen = def.cellRendererSelector!({ ...p, colDef: def } as never)!;
    expect(chosen.component).toBe(FigureCell);
    const { comp } = after(FigureCell, { ...p, ...(chosen.params as object) });
    const gui = comp.getGui();
    const p2 = { ...p, valueFormatted: '1', ...(chosen.params as object) } as P;
    expect(comp.refresh(p2)).toBe(true);
    expect(comp.getGui()).toBe(gui);
    expect(html(comp)).toBe(before(OldF, p2));
  });
});

describe('the presence label', () => {
  it('draws the usual content and the label as the React cell did, in one span', () => {
    const { sheet, ctx, cols } = sampleGrid();
    const cases: [string, GridItem][] = [
      ['name', remarkRow(sheet.rows[1], 'ghi chú')],
      ['name', sheet.rows[0]],
      ['stated', sheet.rows[0]],
      ['stated', sheet.rows[1]],
      ['y2023_dtpt', sheet.rows[1]],
    ];
    for (const [colId, row] of cases) {
      const def = cols.get(colId) ?? cols.get([...cols.keys()].find((k) => k.startsWith('y20'))!)!;
      const marks = new Map([
        [cellKey(row.id, def.colId!), { conflict: null, people: ['An', 'Bình'] }],
      ]);
      const c = { ...ctx, collab: marks } as GridCtx;
      const p = params(def, c, row);
      const chosen = def.cellRendererSelector!({ ...p, colDef: def } as never)!;
      expect(chosen.component).toBe(PresenceCell);
      const inner = chosen.params as { presence: string; inner?: { component: unknown } };
      const oldInner = inner.inner && {
        ...inner.inner,
        component: inner.inner.component === NameCell ? OldName : OldFigure,
      };
      const oldP = { ...p, ...inner, inner: oldInner } as P;
      const { html: now, comp } = after(PresenceCell, { ...p, ...(chosen.params as object) });
      expect(now).toBe(`<span class="pb-presence-cell">${before(OldP, oldP)}</span>`);
      expect(now).toContain('data-names="An, Bình"');
      expect(comp.refresh({ ...p, ...(chosen.params as object), presence: 'An' } as P)).toBe(true);
      expect(html(comp)).toContain('data-names="An"');
      expect(comp.refresh(p)).toBe(false);
    }
  });
});
