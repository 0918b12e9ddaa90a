import { describe, expect, it } from 'vitest';
import { sampleWorkbook } from './sample';
import { WorkbookSession } from './session';
import { editableCell, WARM_EDITS, warmEditPath } from './warmEdit';

describe('warmEditPath', () => {
  it('finds an editable project cell in the sample plan', () => {
    const wb = sampleWorkbook();
    const at = editableCell(wb);
    expect(at).not.toBeNull();
    const sheet = wb.sheets.find((s) => s.id === at!.sheetId);
    expect(sheet?.kind).toBe('appendix');
  });

  it('runs a real edit through a throwaway session and writes nothing to the page storage', () => {
    const before = globalThis.localStorage ? globalThis.localStorage.length : 0;
    expect(warmEditPath()).toBe(true);
    expect(globalThis.localStorage ? globalThis.localStorage.length : 0).toBe(before);
  });

  it('runs every warm edit as a change of the cell (each undone before the next)', () => {
    expect(warmEditPath(WARM_EDITS)).toBe(true);
  });

  it('marks its own build pb:warm-edit, never pb:engine-ready (one of those per open)', () => {
    const ready = () => performance.getEntriesByName('pb:engine-ready').length;
    const warm = () => performance.getEntriesByName('pb:warm-edit').length;
    const [r0, w0] = [ready(), warm()];
    warmEditPath();
    expect([ready() - r0, warm() - w0]).toEqual([0, 1]);
  });

  it('leaves an open session untouched: same workbook, no undo step', () => {
    const open = new WorkbookSession(
      { workbook: sampleWorkbook(), order: new Map(), rev: 0 },
      null,
    );
    const wb = open.workbook;
    warmEditPath();
    expect(open.workbook).toBe(wb);
    expect(open.undo()).toBe(false);
    open.close();
  });
});
