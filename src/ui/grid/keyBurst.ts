/**
 * Keys at scanner rate: a barcode reader or a number pad typed blind sends `12345` Enter faster
 * than the cell editor comes up. The first key starts the editor (AG Grid), which React draws a
 * moment later; a key arriving in between found no editor, and AG Grid, seeing the cell already
 * editing, dropped it. While a cell's editor is opening, keys are held here, in order, and played
 * back once it is up: characters go into the editor, other keys (Enter, Tab, arrows, Escape) are
 * sent to it as they came, so Enter commits and moves, and the next keys open the next cell. An
 * input method's keys are never held (Telex/VNI compose their text; `imeCell.ts` delivers it).
 */
import type { GridApi } from 'ag-grid-community';
import type { GridCtx, GridItem } from './gridContext';

/** A key held while an editor opens, or text an input method delivered meanwhile. */
export type HeldKey =
  { text: string } | { key: string; code: string; shiftKey: boolean; location: number };

/** The keys held for the grid's editor, and whether they are being played back. */
export interface HeldKeys {
  keys: HeldKey[];
  replaying: boolean;
}

/** The parts of a key event that decide whether it is held. */
export interface KeyDown {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  keyCode: number;
}

/** Keys a burst carries besides characters: played back to the editor as they came. */
const MOVES = new Set(['Enter', 'Tab', 'Escape', 'Backspace', 'Delete']);

/**
 * Whether a key pressed while an editor is opening is held for it (`queued`: keys already wait,
 * so every key after them waits too, to keep the order): a character, Enter, Tab, Escape,
 * Backspace, Delete; never an input method's key (composing, keyCode 229) nor a shortcut.
 */
export function holdsKey(e: KeyDown, queued: boolean): boolean {
  if (e.isComposing || e.keyCode === 229) return false;
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key.length === 1 || MOVES.has(e.key)) return true;
  return queued && e.key.startsWith('Arrow');
}

/** The editor that is up: the plan grid's plain input, holding the focus; else null. */
function editorUp(el: HTMLElement): HTMLInputElement | null {
  const a = document.activeElement;
  return a instanceof HTMLInputElement && a.classList.contains('pb-editor') && el.contains(a)
    ? a
    : null;
}

/** Whether a cell of the grid is being edited while its editor is not up yet. */
function opening(el: HTMLElement, api: GridApi<GridItem> | null): boolean {
  return !!api && api.getEditingCells().length > 0 && !editorUp(el);
}

/**
 * Holds an input method's `text` behind the keys already held, or while an editor opens (true);
 * false when it may go straight to the editor or open one (`imeCell.ts`).
 */
export function holdText(
  ctx: GridCtx,
  el: HTMLElement,
  api: GridApi<GridItem> | null,
  text: string,
): boolean {
  const h = ctx.held;
  if (!h || h.replaying || (!h.keys.length && !opening(el, api))) return false;
  h.keys.push({ text });
  return true;
}

/**
 * Puts a held key into the editor that is up, as the browser would have: a character or an input
 * method's text at the caret, Backspace and Delete removing the selection or the character beside
 * the caret. False for the keys the grid acts on (Enter, Tab, Escape, arrows): they are sent.
 */
export function typeHeld(input: HTMLInputElement, k: HeldKey): boolean {
  const from = input.selectionStart ?? input.value.length;
  const to = input.selectionEnd ?? from;
  if ('text' in k || k.key.length === 1)
    input.setRangeText('text' in k ? k.text : k.key, from, to, 'end');
  else if (k.key === 'Backspace' || k.key === 'Delete') {
    const back = k.key === 'Backspace';
    const [a, b] = from !== to ? [from, to] : back ? [Math.max(0, from - 1), to] : [from, to + 1];
    input.setRangeText('', a, Math.min(b, input.value.length), 'end');
  } else return false;
  return true;
}

/** How long held keys wait for an editor that does not come (a refused start): then they play. */
const WAIT_MS = 150;

/**
 * Holds keys on the grid's wrapper `el` while an editor opens and plays them back when it is up
 * (`CellEditor` calls `ctx.editorUp`). Listens in the capture phase, before the grid's own keys;
 * returns the function that stops listening.
 */
export function attachKeyBurst(
  el: HTMLElement,
  api: () => GridApi<GridItem> | null,
  ctx: GridCtx,
): () => void {
  const h: HeldKeys = (ctx.held = { keys: [], replaying: false });
  const held = h.keys;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Plays the held keys back, in order, until a key opens another editor (then waits again). */
  const play = () => {
    h.replaying = true;
    try {
      while (held.length && !opening(el, api())) {
        const k = held.shift()!;
        const input = editorUp(el);
        if (input && typeHeld(input, k)) continue;
        // an input method's text with no editor up: it opens the focused cell's (imeCell.ts)
        if ('text' in k) ctx.typeText?.(k.text);
        else {
          const at = document.activeElement instanceof HTMLElement ? document.activeElement : el;
          const init = { ...k, bubbles: true, cancelable: true, composed: true };
          at.dispatchEvent(new KeyboardEvent('keydown', init));
          at.dispatchEvent(new KeyboardEvent('keyup', init));
        }
      }
    } finally {
      h.replaying = false;
    }
  };
  ctx.editorUp = () => queueMicrotask(play);

  /** Never held for good: keys still waiting a while later play, or go once the grid is stuck. */
  const watch = (tries = 0) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!held.length) return;
      if (opening(el, api()) && tries < 20) return watch(tries + 1);
      if (opening(el, api())) api()?.stopEditing(true);
      play();
    }, WAIT_MS);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (h.replaying) return;
    if (!opening(el, api()) && !held.length) return;
    if (!holdsKey(e, held.length > 0)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    held.push({ key: e.key, code: e.code, shiftKey: e.shiftKey, location: e.location });
    // an editor that came up while the key was on its way: play at once
    if (!opening(el, api())) queueMicrotask(play);
    watch();
  };
  el.addEventListener('keydown', onKeyDown, true);
  return () => {
    clearTimeout(timer);
    el.removeEventListener('keydown', onKeyDown, true);
    if (ctx.held === h) ctx.held = null;
    ctx.editorUp = undefined;
  };
}
