/**
 * The grid's cell renderers as plain DOM components (AG Grid's `ICellRendererComp`): the project
 * name with its remark mark, and a section's or total row's stated figure with the computed one
 * beside. They draw the same elements as the React renderers they replace (classes, test ids,
 * titles), without a React root per cell: a row scrolled into view costs a few elements, not a
 * render, and a refresh updates the cell in place.
 */
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { Row } from '../../domain/types';
import { type Lang, type T, translator } from '../i18n';
import { type GridCtx, type GridItem, isPinned } from './gridContext';

type Params = ICellRendererParams<GridItem>;

/** An element with a class (and attributes), of the page's document. */
function el(tag: string, className: string, attrs: Record<string, string> = {}): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** A cell's text as the grid shows it: the formatted value, else the value, else nothing. */
export function shownText(p: Params): string {
  return p.valueFormatted ?? (p.value === null || p.value === undefined ? '' : String(p.value));
}

const translators = new Map<Lang, T>();
/** The translator of the grid's language (one per language, kept). */
function tOf(p: Params): T {
  const lang = (p.context as GridCtx | undefined)?.lang ?? 'vi';
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = translator(lang)));
  return t;
}

/** The params of another renderer (the presence label's): this one does not update in place. */
const presenceParams = (p: Params) => 'presence' in p;

/** The project name cell: the name, and a mark with the transcriber's note when the row has one. */
export class NameCell implements ICellRendererComp<GridItem> {
  private gui!: HTMLElement;

  /** Draws the cell. */
  init(p: Params): void {
    this.gui = el('span', 'pb-name');
    this.fill(p);
  }

  /** The cell's element. */
  getGui(): HTMLElement {
    return this.gui;
  }

  /** Redraws the cell in place (false: the presence label's params, a new renderer is made). */
  refresh(p: Params): boolean {
    if (presenceParams(p)) return false;
    this.fill(p);
    return true;
  }

  private fill(p: Params): void {
    const item = p.data;
    const remark = item && !isPinned(item) ? (item as Row).remark : undefined;
    this.gui.textContent = '';
    if (remark) {
      const label = tOf(p)('remark', { text: remark });
      const mark = el('span', 'pb-remark', {
        title: label,
        'aria-label': label,
        'data-remark': 'true',
      });
      mark.textContent = '⚑';
      this.gui.appendChild(mark);
    }
    this.gui.appendChild(document.createTextNode(String(p.value ?? '')));
  }
}

export interface FigureCellParams {
  /** The stated figure of this cell that differs from its rows, if any. */
  diffOf: (ctx: GridCtx, item: GridItem | undefined) => { stated: number; computed: number } | null;
  /** A figure as the sheet shows it (its display unit and decimals). */
  format: (ctx: GridCtx, n: number) => string;
}

/**
 * A section's or total row's numeric cell whose stated figure differs from its rows: the figure
 * and, beside it, the computed one. (A cell without a difference has no renderer: its text.)
 */
export class FigureCell implements ICellRendererComp<GridItem> {
  private gui!: HTMLElement;

  /** Draws the cell. */
  init(p: Params & FigureCellParams): void {
    this.gui = el('span', 'pb-figure');
    this.fill(p);
  }

  /** The cell's element. */
  getGui(): HTMLElement {
    return this.gui;
  }

  /** Redraws the cell in place; false when it no longer differs (it then shows its text alone). */
  refresh(p: Params & Partial<FigureCellParams>): boolean {
    if (presenceParams(p) || !p.diffOf || !p.format) return false;
    return this.fill(p as Params & FigureCellParams);
  }

  private fill(p: Params & FigureCellParams): boolean {
    const ctx = p.context as GridCtx;
    const d = p.diffOf(ctx, p.data);
    this.gui.textContent = '';
    if (!d) {
      this.gui.textContent = shownText(p);
      return false;
    }
    const beside = el('span', 'pb-computed-beside', { 'data-testid': 'computed-beside' });
    beside.textContent = `≠ ${p.format(ctx, d.computed)}`;
    this.gui.appendChild(beside);
    this.gui.appendChild(document.createTextNode(shownText(p)));
    return true;
  }
}
