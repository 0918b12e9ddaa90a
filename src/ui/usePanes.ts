/**
 * F6 / Shift+F6 cycle the workbook view's panes (grid, checks panel, toolbar, header, sheet tabs), as in
 * Excel; Esc in a pane other than the grid (outside a text field) returns to the grid.
 */
import { useEffect } from 'react';

/** The panes in F6 order, by selector. */
export const PANES = [
  '[data-testid=plan-grid]',
  '[data-testid=checks-dock], [data-testid=checks-strip], [data-testid=checks-panel]',
  '.pb-toolbar',
  '.pb-header',
  '[data-testid=sheet-tabs]',
] as const;

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

/** The index in PANES of the pane holding `el`, or -1. */
export function paneOf(el: Element | null): number {
  if (!el) return -1;
  return PANES.findIndex((s) => el.closest(s));
}

/** The pane `step` (±1) away from `from` among the panes present (`present[i]`). */
export function nextPane(from: number, step: 1 | -1, present: readonly boolean[]): number {
  const n = PANES.length;
  let i = from < 0 ? (step > 0 ? -1 : 0) : from;
  for (let k = 0; k < n; k++) {
    i = (i + step + n) % n;
    if (present[i]) return i;
  }
  return from;
}

/** Listens for F6 and Esc on the document; `toGrid` puts the focus back on the grid's cell. */
export function usePanes(toGrid: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const active = document.activeElement;
      const from = paneOf(active);
      if (e.key === 'F6' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        const present = PANES.map((s) => !!document.querySelector(s));
        const to = nextPane(from, e.shiftKey ? -1 : 1, present);
        if (to === 0) return toGrid();
        const pane = document.querySelector(PANES[to]);
        // the checks pane is entered at its list (not at its resize handle)
        const target =
          pane?.querySelector<HTMLElement>(`[data-testid=checks-panel] :is(${FOCUSABLE})`) ??
          pane?.querySelector<HTMLElement>(FOCUSABLE);
        target?.focus();
        return;
      }
      if (e.key === 'Escape' && from > 0) {
        const tag = (active as HTMLElement).tagName;
        if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
        e.preventDefault();
        toGrid();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toGrid]);
}
