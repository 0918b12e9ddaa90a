/**
 * The grids register every community module but those Planbook never uses and that cost work
 * anyway: column autosize (a timer per changed row) and pagination (a hidden panel rewritten on
 * every model change, a large part of the open at 100,000 projects).
 */
import { AllCommunityModule } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { gridModules } from './gridOptions';

const names = (ms: readonly { moduleName: string }[]) => ms.map((m) => m.moduleName);

describe('the grid modules', () => {
  it('leave out column autosize and pagination', () => {
    expect(names(gridModules)).not.toContain('ColumnAutoSize');
    expect(names(gridModules)).not.toContain('Pagination');
    expect(names(gridModules)).not.toContain('PaginationPageNumbers');
  });

  it('keep every other community module (editing, filters, pinned rows, tooltips, locale)', () => {
    const left = new Set(['ColumnAutoSize', 'Pagination', 'PaginationPageNumbers']);
    const all = names(AllCommunityModule.dependsOn ?? []).filter((n) => !left.has(n));
    expect(names(gridModules)).toEqual(all);
    for (const n of ['ClientSideRowModel', 'TextEditor', 'TextFilter', 'PinnedRow', 'Tooltip'])
      expect(names(gridModules)).toContain(n);
  });
});
