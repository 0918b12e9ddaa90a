import { describe, expect, it, vi } from 'vitest';
import { sheetFindings } from '../domain/checks';
import { ambiguousPaths } from '../domain/columnPath';
import { generatePlan } from '../domain/generate';
import { WorkbookSession } from './session';

// counted: each checker built for the rows of an update read the column tree once
vi.mock('../domain/columnPath', async (importOriginal) => {
  const m = await importOriginal<typeof import('../domain/columnPath')>();
  return { ...m, ambiguousPaths: vi.fn(m.ambiguousPaths) };
});

describe('the checks after a paste', () => {
  it('check the changed rows with one checker per sheet, finding what a fresh pass finds', () => {
    const s = new WorkbookSession(
      { workbook: generatePlan({ projects: 60 }), order: new Map(), rev: 1 },
      null,
    );
    const sheet = s.workbook.sheets[0];
    const projects = sheet.rows.filter((r) => r.kind === 'project').slice(0, 30);
    vi.mocked(ambiguousPaths).mockClear();
    // a block over 30 projects: every third states a total investment below its years' sum
    const r = s.dispatch(
      {
        type: 'setCells',
        sheetId: sheet.id,
        changes: projects.flatMap((p, k) => [
          { rowId: p.id, colId: 'y2022_dtpt', value: 100 + k },
          ...(k % 3 ? [] : [{ rowId: p.id, colId: 'stated', value: 1 }]),
        ]),
      },
      'edit',
    );
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const after = s.workbook.sheets[0];
    const found = s.checks.list(s.workbook, after.id);
    // several rows have findings (each would have read the tree with a checker of its own)
    expect(new Set(found.map((f) => f.rowId)).size).toBeGreaterThan(1);
    expect(vi.mocked(ambiguousPaths).mock.calls.length).toBeLessThanOrEqual(1);
    expect(found).toEqual(sheetFindings(after, s.workbook.meta, s.values(after.id)));
  });
});
