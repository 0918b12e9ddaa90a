import type { GridApi } from 'ag-grid-community';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbookSession } from '../../app/session';
import type { GridCtx, GridItem } from './gridContext';
import { focusFirstProject } from './useGridKeys';

/** A grid API that records where the focus was put; `focused` is its focused cell before. */
function gridApi(focused: { rowIndex: number } | null) {
  const calls: [number, string][] = [];
  const api = {
    getFocusedCell: () => focused,
    ensureIndexVisible: () => undefined,
    ensureColumnVisible: () => undefined,
    setFocusedCell: (r: number, c: string) => calls.push([r, c]),
  } as unknown as GridApi<GridItem>;
  return { api, calls };
}

const ctx = { sheetId: 's1', leafIds: ['name', 'y1'], leafIndex: new Map([['name', 0]]) };
const session = {
  workbook: {
    sheets: [{ id: 's1', rows: [{ kind: 'section' }, { kind: 'project' }, { kind: 'project' }] }],
  },
} as unknown as WorkbookSession;

describe('focusFirstProject (the focus when a sheet first shows its rows)', () => {
  const had = Object.getOwnPropertyDescriptor(globalThis, 'document');
  afterEach(() => {
    if (had) Object.defineProperty(globalThis, 'document', had);
    else delete (globalThis as { document?: unknown }).document;
  });
  const page = () =>
    Object.defineProperty(globalThis, 'document', {
      value: { activeElement: null, body: {} },
      configurable: true,
    });

  it("puts the focus on the first project's name when no cell has it", () => {
    page();
    const { api, calls } = gridApi(null);
    focusFirstProject(api, ctx as unknown as GridCtx, session);
    expect(calls).toEqual([[1, 'name']]);
  });

  it('leaves a cell focused before the first rows were drawn where it is', () => {
    page();
    const { api, calls } = gridApi({ rowIndex: 2 });
    focusFirstProject(api, ctx as unknown as GridCtx, session);
    expect(calls).toEqual([]);
  });
});
