import type { GridOptions } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { changedOptions } from './VanillaGrid';

type Item = { id: string };

describe('changedOptions', () => {
  const rows: Item[] = [{ id: 'a' }];
  const onGridReady = () => undefined;
  const base: GridOptions<Item> = { rowData: rows, onGridReady, animateRows: false };

  it('passes nothing on when every option is the same object or value', () => {
    expect(changedOptions(base, { ...base })).toBeNull();
  });

  it('passes on only the options whose identity changed (a new callback, new rows)', () => {
    const next = { ...base, rowData: [...rows], onGridReady: () => undefined };
    expect(Object.keys(changedOptions(base, next) ?? {}).sort()).toEqual([
      'onGridReady',
      'rowData',
    ]);
  });

  it('passes on an option given for the first time, or given as undefined again', () => {
    const withText = { ...base, localeText: { a: 'b' } };
    expect(changedOptions(base, withText)).toEqual({ localeText: { a: 'b' } });
    expect(changedOptions(withText, { ...base, localeText: undefined })).toEqual({
      localeText: undefined,
    });
  });
});
