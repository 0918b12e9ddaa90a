/**
 * The names of the other people on a cell, drawn by the grid's cell renderer: a cell someone else
 * is on renders its usual content (the column's own renderer, or its formatted value) with a
 * label naming them; the `pb-presence` class outlines it (`collabCells.ts`, `collab.css`). The
 * names are drawn by the label's style, so the cell's text stays its figure (copy, find, reading).
 * A plain DOM renderer (see cellRenderers.ts): the content and the label sit in one `span`.
 */
import type {
  CellRendererSelectorResult,
  ColDef,
  ICellRendererComp,
  ICellRendererParams,
} from 'ag-grid-community';
import { collabAt } from './collabMarks';
import { shownText } from './cellRenderers';
import { type GridCtx, type GridItem, isPinned } from './gridContext';

interface PresenceParams {
  /** Who is on the cell, as shown. */
  presence: string;
  /** The renderer the cell would have without the label (none: its formatted value). */
  inner?: CellRendererSelectorResult;
}

type Params = ICellRendererParams<GridItem> & PresenceParams;
type InnerClass = new () => ICellRendererComp<GridItem>;

/** A cell someone else is on: its content, then the label with their names. */
export class PresenceCell implements ICellRendererComp<GridItem> {
  private gui!: HTMLElement;
  private inner: ICellRendererComp<GridItem> | null = null;

  /** Draws the cell. */
  init(p: Params): void {
    this.gui = document.createElement('span');
    this.gui.className = 'pb-presence-cell';
    this.fill(p);
  }

  /** The cell's element. */
  getGui(): HTMLElement {
    return this.gui;
  }

  /** Redraws the cell in place (false: no one is on it any more, the usual renderer is made). */
  refresh(p: Params): boolean {
    if (!('presence' in p)) return false;
    this.fill(p);
    return true;
  }

  /** Lets go of the inner renderer. */
  destroy(): void {
    this.inner?.destroy?.();
    this.inner = null;
  }

  private fill(p: Params): void {
    this.destroy();
    this.gui.textContent = '';
    const Inner = p.inner?.component as InnerClass | undefined;
    if (Inner) {
      this.inner = new Inner();
      void this.inner.init?.({ ...p, ...(p.inner?.params as object) });
      this.gui.appendChild(this.inner.getGui());
    } else this.gui.appendChild(document.createTextNode(shownText(p)));
    const label = document.createElement('span');
    label.className = 'pb-presence-label';
    label.setAttribute('data-testid', 'presence-label');
    label.setAttribute('data-names', p.presence);
    this.gui.appendChild(label);
  }
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
