/**
 * The cell editor: a plain input (no React render on open and close, which keeps Enter → totals
 * fast). It starts from the typed key, or from the cell's raw content (formula or number).
 */
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import type { Row } from '../../domain/types';
import type { GridCtx, GridItem } from './gridContext';
import { takeSeed } from './imeCell';
import { takeRefused } from './refusedEntry';

/**
 * The text an editor starts with for a cell: formulas as typed, numbers in the user's style and
 * in the sheet's display unit (what `commitText` takes back).
 */
export function rawText(ctx: GridCtx, row: Row, colId: string): string {
  return ctx.adapter.editText(ctx, row.id, colId);
}

export class PlanCellEditor implements ICellEditorComp<GridItem> {
  private input!: HTMLInputElement;
  private ctx: GridCtx | null = null;

  init(p: ICellEditorParams<GridItem, unknown, GridCtx>): void {
    this.input = document.createElement('input');
    this.input.className = 'pb-editor';
    this.input.setAttribute('aria-label', 'cell editor');
    this.ctx = p.context;
    const row = p.data as Row;
    const seed = takeSeed(p.context, row.id, p.column.getColId());
    const typed = seed ?? (p.eventKey && p.eventKey.length === 1 ? p.eventKey : null);
    const refused = takeRefused(p.context, row.id, p.column.getColId());
    if (refused !== null) {
      // a refused entry comes back as typed, with the reason
      this.input.classList.add('pb-editor-refused');
      this.input.title = p.context.refused?.message ?? '';
      this.input.setAttribute('aria-invalid', 'true');
    }
    this.input.value = refused ?? typed ?? rawText(p.context, row, p.column.getColId());
  }

  getGui(): HTMLElement {
    return this.input;
  }

  afterGuiAttached(): void {
    this.input.focus();
    const n = this.input.value.length;
    this.input.setSelectionRange(n, n);
    // the keys typed while the editor was opening come in now, in order (keyBurst.ts)
    this.ctx?.editorUp?.();
  }

  getValue(): string {
    return this.input.value;
  }

  isPopup(): boolean {
    return false;
  }
}
