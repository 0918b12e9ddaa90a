/** Frozen copy (session 12) of the React cell renderer the grid used before the plain JS ones (oracle for cellRenderers.test.ts). */
/**
 * The names of the other people on a cell, drawn by the grid's cell renderer: a cell someone else
 * is on renders its usual content (the column's own renderer, or its formatted value) with a
 * label naming them; the `pb-presence` class outlines it (`collabCells.ts`, `collab.css`). The
 * names are drawn by the label's style, so the cell's text stays its figure (copy, find, reading).
 */
import type { CellRendererSelectorResult, ColDef, ICellRendererParams } from 'ag-grid-community';
import type { ComponentType } from 'react';
import { collabAt } from '../../../src/ui/grid/collabMarks';
import { type GridCtx, type GridItem, isPinned } from '../../../src/ui/grid/gridContext';

interface PresenceParams {
  /** Who is on the cell, as shown. */
  presence: string;
  /** The renderer the cell would have without the label (none: its formatted value). */
  inner?: CellRendererSelectorResult;
}

export function PresenceCell(p: ICellRendererParams<GridItem> & PresenceParams) {
  const Inner = p.inner?.component as ComponentType<Record<string, unknown>> | undefined;
  const text =
    p.valueFormatted ?? (p.value === null || p.value === undefined ? '' : String(p.value));
  return (
    <>
      {Inner ? <Inner {...p} {...(p.inner?.params as object)} /> : text}
      <span className="pb-presence-label" data-testid="presence-label" data-names={p.presence} />
    </>
  );
}

/** The column with its cells' presence label: the others on a cell are named on it. */
export function withPresenceLabel(def: ColDef<GridItem>, leafId: string): ColDef<GridItem> {
  const own = def.cellRendererSelector;
  const base = def.cellRenderer as unknown;
  def.cellRendererSelector = (p) => {
    const chosen = own?.(p) ?? (base ? { component: base } : undefined);
    const d = p.data;
    const m = !d || isPinned(d) ? undefined : collabAt((p.context as GridCtx).collab, d.id, leafId);
    if (!m?.people.length) return chosen;
    const params: PresenceParams = { presence: m.people.join(', '), inner: chosen };
    return { component: PresenceCell, params };
  };
  return def;
}
