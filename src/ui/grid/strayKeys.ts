/**
 * Keys that reach the page's body while the grid has a focused cell. AG Grid draws its rows again
 * on a scroll (a row scrolled out and back, rows drawn a frame later) and when a commit or a
 * structure change re-renders a row: the element that held the browser's focus is removed, and
 * until the grid focuses the new one (a task later, once React has drawn it) the focus is on
 * `<body>`. A key pressed then went nowhere: a digit typed right after a click, a shortcut right
 * after Enter. Such a key is taken before anything acts on it, the focus is put back on the grid's
 * focused cell (drawn first if it is not) and the key is sent to it, so the grid's keys, the keys
 * held for an opening editor (`keyBurst.ts`) and the workbook's shortcuts see it as if the cell had
 * had it. Keys arriving meanwhile wait behind it, in order. Never while a dialog or a menu is open,
 * after a click elsewhere on the page, for a key something took already (Ctrl+F), nor for an input
 * method's key.
 *
 * The focus itself is put back too, at once: text an input method or a paste of characters sends
 * (`insertText`, no key: Vietnamese letters) goes only to what holds the focus, and on `<body>` it
 * was lost. When the grid's cell or its editor loses the focus to nothing (no element takes it:
 * the element was drawn again or removed) while no pointer is down, the page has the browser's
 * focus and nothing is open over it, the focus goes back to the focused cell (its editor while one
 * is open); an editor losing it so is not ended (AG Grid ends an edit whose input loses the focus
 * to nothing, and the letters typed in it were lost with the next key starting a new one).
 */
import type { GridApi } from 'ag-grid-community';
import type { GridItem } from './gridContext';

/** What decides whether a key on the page goes to the grid's focused cell. */
export interface StrayKey {
  /** The key's target is the page itself (`<body>`, `<html>`): nothing holds the focus. */
  onPage: boolean;
  /** Something took the key already (`preventDefault`). */
  taken: boolean;
  /** An input method composing (its keys are its own). */
  composing: boolean;
  /** A dialog or a menu is open (its keys are its own, even with the focus lost). */
  modal: boolean;
  /** This grid held the page's focus last of the grids, and has a focused cell. */
  gridFocused: boolean;
}

/** Whether a key goes to the grid's focused cell (see the file's comment). */
export function straysToGrid(k: StrayKey): boolean {
  return k.onPage && !k.taken && !k.composing && !k.modal && k.gridFocused;
}

/** What decides whether the focus the grid's cell or editor lost is put back. */
export interface LostFocus {
  /** No element takes the focus (`relatedTarget` null): it falls to the page's body. */
  toNothing: boolean;
  /** A pointer is down: a click or a drag chose where the focus goes. */
  pointerDown: boolean;
  /** The page has the browser's focus (false: another window or tab took it; it comes back). */
  pageFocused: boolean;
  /** A dialog or a menu is open. */
  modal: boolean;
  /** This grid held the page's focus last of the grids, and has a focused cell. */
  gridFocused: boolean;
}

/** Whether the focus the grid lost goes back to its focused cell (see the file's comment). */
export function keepsGridFocus(l: LostFocus): boolean {
  return l.toNothing && !l.pointerDown && l.pageFocused && !l.modal && l.gridFocused;
}

/** Keys that are the grid's alone when typed bare: they move, edit or open the cell. */
const GRID_KEYS = new Set([
  'Enter',
  'Tab',
  'Escape',
  'Backspace',
  'Delete',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'F2',
  'ContextMenu',
]);

/**
 * Whether a stray key is the grid's whatever happens to it: a character or a grid key with no
 * Ctrl, Alt or Meta. Any other key (a shortcut, F5) is the grid's only if the grid takes it;
 * else it stays the browser's (a reload, the browser's own shortcuts).
 */
export function gridOwnsKey(k: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>) {
  if (k.ctrlKey || k.altKey || k.metaKey) return false;
  return k.key.length === 1 || GRID_KEYS.has(k.key);
}

/** What is open over the page and keeps its keys: dialogs, menus. */
const MODAL = '[aria-modal="true"], [role="dialog"], [role="alertdialog"], [role="menu"]';

/** The grid that held the focus last (a page may show several grids; one has the keys). */
let lastGrid: HTMLElement | null = null;

/** A key's parts a replay carries (the target re-reads them as the browser's key). */
type Key = Pick<
  KeyboardEvent,
  'key' | 'code' | 'location' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey' | 'repeat'
>;

function keyOf(e: KeyboardEvent): Key {
  const { key, code, location, ctrlKey, shiftKey, altKey, metaKey, repeat } = e;
  return { key, code, location, ctrlKey, shiftKey, altKey, metaKey, repeat };
}

/** The element of the grid's focused cell (its editor while it is being edited), or null. */
function focusTarget(el: HTMLElement, api: GridApi<GridItem>): HTMLElement | null {
  const f = api.getFocusedCell();
  if (!f) return null;
  const editor = el.querySelector<HTMLElement>('input.pb-editor');
  if (editor && api.getEditingCells().length) return editor;
  const col = CSS.escape(f.column.getColId());
  const cells = el.querySelectorAll<HTMLElement>(
    `.ag-row[row-index="${f.rowIndex}"] [col-id="${col}"]`,
  );
  for (const c of cells) {
    const row = c.closest('.ag-row');
    // a body row's id is the plan row's; the pinned totals' start with `pin:`
    const pinned = !!row?.getAttribute('row-id')?.startsWith('pin:');
    if (pinned === !!f.rowPinned && c.classList.contains('ag-cell')) return c;
  }
  return el.querySelector<HTMLElement>(`.ag-cell.ag-cell-focus[col-id="${col}"]`);
}

/** How long keys wait for the focused cell to be drawn again (frames of ~16 ms). */
const MAX_TRIES = 120;

/**
 * Sends keys that reach the page's body to the focused cell of the grid under `el` (see the
 * file's comment); listens on the document in the capture phase. Returns the function that stops.
 */
export function attachStrayKeys(el: HTMLElement, api: () => GridApi<GridItem> | null): () => void {
  const waiting: Key[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const onFocusIn = () => {
    lastGrid = el;
  };
  // a click elsewhere on the page (a pane, its text, a blank area) takes the keys from the grid
  const onPointerDown = (e: PointerEvent) => {
    pointerDown = true;
    if (lastGrid === el && !(e.target instanceof Node && el.contains(e.target))) lastGrid = null;
  };
  // the grid has the keys from the start (its first cell is focused as the sheet opens)
  lastGrid = el;
  // a pointer down chooses where the focus goes (a click on a blank area gives it to the body)
  let pointerDown = false;
  const onPointerUp = () => {
    pointerDown = false;
  };
  let refocusTimer: ReturnType<typeof setTimeout> | undefined;

  /** The focus back on the focused cell (its editor), once drawn, unless something took it. */
  const refocus = (tries = 0): void => {
    refocusTimer = undefined;
    const a = api();
    const active = document.activeElement;
    if (stopped || !a || a.isDestroyed() || lastGrid !== el || !el.isConnected) return;
    if (active && active !== document.body && active !== document.documentElement) return;
    if (waiting.length || timer !== undefined) return; // the stray keys' flush focuses it
    const target = focusTarget(el, a);
    if (target) return target.focus({ preventScroll: true });
    if (a.getFocusedCell() && tries < MAX_TRIES)
      refocusTimer = setTimeout(() => refocus(tries + 1), 16);
  };

  const onFocusOut = (e: FocusEvent) => {
    const a = api();
    const keep = keepsGridFocus({
      toNothing: e.relatedTarget === null,
      pointerDown,
      pageFocused: document.hasFocus(),
      modal: !!document.querySelector(MODAL),
      gridFocused:
        lastGrid === el && el.isConnected && !!a && !a.isDestroyed() && !!a.getFocusedCell(),
    });
    if (!keep) return;
    // AG Grid ends an edit whose input loses the focus to nothing: the edit goes on instead
    // (not when the grid is redrawing the editor's row: its input is leaving the page)
    const t = e.target;
    if (t instanceof HTMLInputElement && t.classList.contains('pb-editor') && t.isConnected) {
      const editing = a!.getEditingCells()[0];
      const f = a!.getFocusedCell();
      if (editing && f && editing.rowIndex === f.rowIndex && editing.column === f.column)
        e.stopImmediatePropagation();
    }
    clearTimeout(refocusTimer);
    queueMicrotask(() => refocus());
  };

  /** Sends the waiting keys, in order, once the cell is drawn; the focus goes back to it first. */
  const flush = (tries = 0): void => {
    timer = undefined;
    const a = api();
    if (stopped || !a || a.isDestroyed()) return void (waiting.length = 0);
    const target = focusTarget(el, a);
    if (!target) {
      const f = a.getFocusedCell();
      if (!f || tries >= MAX_TRIES) return void (waiting.length = 0);
      // a cell scrolled out of view is brought back, as a key on it does in a spreadsheet
      if (tries === 0 && !f.rowPinned) {
        a.ensureIndexVisible(f.rowIndex);
        a.ensureColumnVisible(f.column);
      }
      timer = setTimeout(() => flush(tries + 1), 16);
      return;
    }
    target.focus({ preventScroll: true });
    while (waiting.length) send(target, waiting.shift()!);
  };

  /** Sends a key to what holds the focus (the key before may have opened an editor, moved). */
  const send = (target: HTMLElement, k: Key): boolean => {
    const at = document.activeElement instanceof HTMLElement ? document.activeElement : target;
    const init = { ...k, bubbles: true, cancelable: true, composed: true };
    const down = new KeyboardEvent('keydown', init);
    at.dispatchEvent(down);
    (document.activeElement ?? at).dispatchEvent(new KeyboardEvent('keyup', init));
    return down.defaultPrevented;
  };

  const onKey = (e: KeyboardEvent) => {
    const t = e.target;
    const onPage = t === document.body || t === document.documentElement || t === document;
    // every key the grid or a field has (the usual case) ends here, before any look at the page
    if (!onPage) return;
    const a = api();
    const stray = straysToGrid({
      onPage,
      taken: e.defaultPrevented,
      composing: e.isComposing || e.keyCode === 229,
      modal: !!document.querySelector(MODAL),
      gridFocused:
        lastGrid === el && el.isConnected && !!a && !a.isDestroyed() && !!a.getFocusedCell(),
    });
    if (!stray) return;
    if (e.type === 'keydown' && !gridOwnsKey(e)) {
      // a shortcut goes to the drawn cell; the browser keeps it if nothing there takes it
      const target = !waiting.length && timer === undefined ? focusTarget(el, a!) : null;
      if (!target) return;
      target.focus({ preventScroll: true });
      if (!send(target, keyOf(e))) return;
    } else if (e.type === 'keydown') {
      waiting.push(keyOf(e));
      if (timer === undefined) flush();
    }
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  el.addEventListener('focusin', onFocusIn);
  el.addEventListener('focusout', onFocusOut, true);
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('pointerup', onPointerUp, true);
  document.addEventListener('pointercancel', onPointerUp, true);
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('keypress', onKey, true);
  document.addEventListener('keyup', onKey, true);
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(refocusTimer);
    el.removeEventListener('focusin', onFocusIn);
    el.removeEventListener('focusout', onFocusOut, true);
    document.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('pointerup', onPointerUp, true);
    document.removeEventListener('pointercancel', onPointerUp, true);
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('keypress', onKey, true);
    document.removeEventListener('keyup', onKey, true);
    if (lastGrid === el) lastGrid = null;
  };
}
