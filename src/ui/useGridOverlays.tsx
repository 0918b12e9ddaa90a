/**
 * The keyboard's overlays of the workbook view: the row menu (right-click, ContextMenu key,
 * Shift+F10), the help panel (F1, ?), the panes (F6, Esc), and the row shortcuts of the key map.
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useState } from 'react';
import type { GridItem } from './grid/gridContext';
import type { GridCommand } from './grid/keymap';
import { KeyHelp } from './KeyHelp';
import { type MenuAction, RowMenu } from './RowMenu';
import { usePanes } from './usePanes';

export function useGridOverlays(p: {
  api: () => GridApi<GridItem> | null;
  /** A row's plan index (the API speaks plan indexes, also under a filter). */
  planIndex: (rowId: string) => number | undefined;
  run: (a: MenuAction) => void;
  readOnly: boolean;
}) {
  const { api, planIndex, run, readOnly } = p;
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [help, setHelp] = useState(false);

  /** The focus back on the grid's focused cell (or its first cell). */
  const toGrid = useCallback(() => {
    const a = api();
    if (!a) return;
    const f = a.getFocusedCell();
    if (f) a.setFocusedCell(f.rowIndex, f.column, f.rowPinned);
    else a.setFocusedCell(0, 'name');
  }, [api]);
  usePanes(toGrid);
  // F1 anywhere in the view (the grid's own keys take it first when it has the focus)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F1' || e.defaultPrevented) return;
      e.preventDefault();
      setHelp(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onCommand = useCallback(
    (c: GridCommand): boolean => {
      if (c.kind === 'help') setHelp(true);
      else if (c.kind === 'menu') {
        const a = api();
        const f = a?.getFocusedCell();
        if (!a || !f || f.rowPinned) return false;
        const id = a.getDisplayedRowAtIndex(f.rowIndex)?.id ?? '';
        const el = document.querySelector(
          `[data-testid=plan-grid] .ag-row[row-id="${CSS.escape(id)}"] [col-id="${f.column.getColId()}"]`,
        );
        const r = el?.getBoundingClientRect();
        setMenu({ x: r ? r.left + 8 : 200, y: r ? r.bottom : 200 });
      } else if (c.kind === 'action') {
        if (readOnly) return false;
        run(c.action);
      } else return false;
      return true;
    },
    [api, run, readOnly],
  );

  /** Right-click on a body cell: focuses it and opens the row menu at the pointer. */
  const onContextMenu = useCallback(
    (e: React.MouseEvent) => {
      const target = e.target as Element;
      const cell = target.closest('[data-testid=plan-grid] .ag-cell');
      const row = target.closest('.ag-row');
      const a = api();
      if (!a || !cell || !row || row.getAttribute('row-id')?.startsWith('pin:')) return;
      const rowIndex = planIndex(row.getAttribute('row-id') ?? '');
      const colId = cell.getAttribute('col-id') ?? 'name';
      if (rowIndex === undefined || a.getEditingCells().length) return;
      e.preventDefault();
      a.setFocusedCell(rowIndex, colId === '__row' ? 'name' : colId);
      setMenu({ x: e.clientX, y: e.clientY });
    },
    [api, planIndex],
  );

  const closeMenu = useCallback(() => {
    setMenu(null);
    toGrid();
  }, [toGrid]);
  const overlays = (
    <>
      {menu && (
        <RowMenu
          x={menu.x}
          y={menu.y}
          readOnly={readOnly}
          onClose={closeMenu}
          onPick={(a) => {
            setMenu(null);
            toGrid();
            run(a);
          }}
        />
      )}
      {help && (
        <KeyHelp
          onClose={() => {
            setHelp(false);
            toGrid();
          }}
        />
      )}
    </>
  );
  return { onCommand, onContextMenu, overlays, openHelp: () => setHelp(true) };
}
