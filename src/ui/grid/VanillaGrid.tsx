/**
 * AG Grid drawn by its own DOM components (ag-grid-community's `createGrid`) inside a React
 * element, instead of ag-grid-react's renderer. ag-grid-react draws every cell as a React
 * component (hooks, fibers, effects): at 10,000 projects each row scrolled in cost ~25 React cell
 * renders and their garbage (most of an edit's 12 MiB, so a major GC landed inside edits), and an
 * edit's redrawn cells and closed editor went through React commits inside the Enter's task. Here
 * a redrawn cell is a text or class change, and a row scrolled in is a few elements. Only for
 * grids whose cell components (renderers, editors) are all plain DOM ones (`ICellRendererComp`,
 * `ICellEditorComp`); the options are passed on as ag-grid-react passes its props: all at
 * creation, then each one whose value changed (by identity) after a render.
 */
import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';
import { useLayoutEffect, useRef } from 'react';

/** The options of a grid as ag-grid-react's props would name them. */
export interface VanillaGridProps<T> {
  options: GridOptions<T>;
}

/** The options whose value differs (by identity) between two renders, or null when none does. */
export function changedOptions<T>(
  before: GridOptions<T>,
  after: GridOptions<T>,
): GridOptions<T> | null {
  const out: Record<string, unknown> = {};
  let any = false;
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const k of Object.keys(b)) {
    if (a[k] === b[k]) continue;
    out[k] = b[k];
    any = true;
  }
  return any ? (out as GridOptions<T>) : null;
}

/** A grid over `options` (created once, updated with the options that change, destroyed on unmount). */
export function VanillaGrid<T>({ options }: VanillaGridProps<T>): React.JSX.Element {
  const host = useRef<HTMLDivElement | null>(null);
  const api = useRef<GridApi<T> | null>(null);
  const seen = useRef<GridOptions<T> | null>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    seen.current = options;
    api.current = createGrid(el, { ...options });
    return () => {
      api.current?.destroy();
      api.current = null;
      seen.current = null;
    };
    // created once: later options are passed on by the effect below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useLayoutEffect(() => {
    const before = seen.current;
    if (!api.current || !before || before === options) return;
    seen.current = options;
    const changes = changedOptions(before, options);
    if (changes && !api.current.isDestroyed()) api.current.updateGridOptions(changes);
  });
  return <div ref={host} style={{ width: '100%', height: '100%' }} />;
}
