/**
 * Input methods on a selected cell that is not being edited. Browsers send an input method's text
 * (Vietnamese Telex/VNI keyboards, dictation, on-screen keyboards, characters a key does not
 * produce) only to an editable element, and AG Grid's focused cell is not one: the text was lost.
 * The focused body cell is made editable (plain text, no caret shown) with a slot where the
 * composition goes; when the composition ends, or plain text arrives, the cell editor opens with
 * exactly that text, and whatever arrives before the editor is up is appended to it (behind the
 * keys held meanwhile, keyBurst.ts).
 */
import type { GridApi } from 'ag-grid-community';
import { type GridCtx, type GridItem, isPinnedId } from './gridContext';
import { holdText } from './keyBurst';

export interface ImeDeps {
  api: () => GridApi<GridItem> | null;
  ctx: GridCtx;
}

const SLOT = 'pb-ime-slot';

/** The body cell (not pinned, not the row gutter) an event target is, or null. */
function bodyCell(ctx: GridCtx, t: EventTarget | null): HTMLElement | null {
  if (!(t instanceof HTMLElement) || !t.classList.contains('ag-cell')) return null;
  const row = t.closest('.ag-row');
  if (!row || isPinnedId(row.getAttribute('row-id'))) return null;
  return ctx.leafIndex.has(t.getAttribute('col-id') ?? '') ? t : null;
}

/** Makes the cell an input method's target: editable plain text. */
function arm(cell: HTMLElement): void {
  cell.setAttribute('contenteditable', 'plaintext-only');
  cell.setAttribute('spellcheck', 'false');
  cell.setAttribute('autocorrect', 'off');
  cell.setAttribute('autocapitalize', 'off');
  openSlot(cell);
}

/**
 * A slot after the cell's content holding a zero-width space, selected, so that composed text
 * goes there and never into the cell's own text (which stays as the grid drew it). It exists
 * while the cell has the focus and is not being edited; the space is never part of a value.
 */
function openSlot(cell: HTMLElement): void {
  let slot = cell.querySelector<HTMLElement>(`.${SLOT}`);
  if (!slot) {
    slot = document.createElement('span');
    slot.className = SLOT;
    cell.appendChild(slot);
  }
  slot.textContent = '\u200b';
  const text = slot.firstChild;
  if (text) window.getSelection()?.setBaseAndExtent(text, 0, text, 1);
}

/** Back to a plain grid cell. */
function disarm(cell: HTMLElement): void {
  cell.removeAttribute('contenteditable');
  cell.classList.remove('pb-composing');
  cell.querySelector(`.${SLOT}`)?.remove();
}

/** Listens on the grid's wrapper; returns the function that stops listening. */
export function attachIme(el: HTMLElement, d: ImeDeps): () => void {
  let composing: HTMLElement | null = null;

  const editing = () => (d.api()?.getEditingCells().length ?? 0) > 0;

  /** Opens the cell's editor with `text`, or adds `text` to the editor already opening. */
  const typeInto = (cell: HTMLElement, text: string) => {
    const api = d.api();
    const rowEl = cell.closest('.ag-row');
    const rowId = rowEl?.getAttribute('row-id') ?? '';
    // the plan's index (the API speaks plan indexes, also under a filter)
    const rowIndex = d.ctx.index.get(rowId);
    const colId = cell.getAttribute('col-id') ?? '';
    if (!api || rowIndex === undefined) return;
    // behind keys held while an editor opens (keyBurst.ts): played back in order
    if (holdText(d.ctx, el, api, text)) return;
    const input = el.querySelector<HTMLInputElement>('input.pb-editor');
    if (input) {
      input.setRangeText(text, input.selectionStart ?? 0, input.selectionEnd ?? 0, 'end');
      return;
    }
    const seed = d.ctx.seed;
    const pending = seed && (editing() || performance.now() - seed.at < 1000);
    if (seed && pending && seed.rowId === rowId && seed.colId === colId) {
      seed.text += text;
      return;
    }
    d.ctx.seed = { rowId, colId, text, at: performance.now() };
    api.startEditingCell({ rowIndex, colKey: colId });
  };

  /** Whether the grid would edit the cell (an input method's text elsewhere has nowhere to go). */
  const editable = (cell: HTMLElement) => {
    const api = d.api();
    const node = api?.getRowNode(cell.closest('.ag-row')?.getAttribute('row-id') ?? '');
    const col = api?.getColumn(cell.getAttribute('col-id') ?? '');
    return !!node && !!col && col.isCellEditable(node);
  };
  const onFocusIn = (e: FocusEvent) => {
    const cell = bodyCell(d.ctx, e.target);
    if (cell && !editing() && editable(cell)) arm(cell);
  };
  const onFocusOut = (e: FocusEvent) => {
    const cell = bodyCell(d.ctx, e.target);
    if (cell && cell !== composing) disarm(cell);
  };
  const onBeforeInput = (e: InputEvent) => {
    const cell = bodyCell(d.ctx, e.target);
    if (!cell || e.inputType === 'insertCompositionText') return;
    // nothing but an input method's text changes a cell in place (no paste, drop, formatting)
    e.preventDefault();
    if ((e.inputType === 'insertText' || e.inputType === 'insertReplacementText') && e.data)
      typeInto(cell, e.data);
  };
  const onCompositionStart = (e: CompositionEvent) => {
    const cell = bodyCell(d.ctx, e.target);
    if (!cell) return;
    composing = cell;
    cell.classList.add('pb-composing');
  };
  const onCompositionEnd = (e: CompositionEvent) => {
    const cell = bodyCell(d.ctx, e.target);
    if (!cell) return;
    composing = null;
    const text = (e.data ?? '').replace(/\u200b/g, '');
    cell.classList.remove('pb-composing');
    if (document.activeElement !== cell) disarm(cell);
    if (document.activeElement === cell) openSlot(cell);
    if (text) typeInto(cell, text);
  };

  // a click places the caret where it lands: back into the slot
  const onPointerUp = () => {
    const cell = bodyCell(d.ctx, document.activeElement);
    if (cell && cell.isContentEditable && cell !== composing) openSlot(cell);
  };

  d.ctx.typeText = (text) => {
    const cell = bodyCell(d.ctx, document.activeElement);
    if (cell) typeInto(cell, text);
  };

  el.addEventListener('pointerup', onPointerUp);
  el.addEventListener('focusin', onFocusIn);
  el.addEventListener('focusout', onFocusOut);
  el.addEventListener('beforeinput', onBeforeInput, true);
  el.addEventListener('compositionstart', onCompositionStart, true);
  el.addEventListener('compositionend', onCompositionEnd, true);
  return () => {
    d.ctx.typeText = undefined;
    el.removeEventListener('pointerup', onPointerUp);
    el.removeEventListener('focusin', onFocusIn);
    el.removeEventListener('focusout', onFocusOut);
    el.removeEventListener('beforeinput', onBeforeInput, true);
    el.removeEventListener('compositionstart', onCompositionStart, true);
    el.removeEventListener('compositionend', onCompositionEnd, true);
  };
}

/** The text an editor opening on (rowId, colId) starts with, taken once; null when none waits. */
export function takeSeed(ctx: GridCtx, rowId: string, colId: string): string | null {
  const s = ctx.seed;
  if (!s || s.rowId !== rowId || s.colId !== colId) return null;
  ctx.seed = null;
  return s.text;
}
