/**
 * A cell edit's diff reads the rows the edit replaced, not every row of the sheet
 * (rowsReplaced.ts, #20), and gives the changes the full comparison gives.
 */
import { describe, expect, it } from 'vitest';
import { diffSheet } from './delta';
import { generatePlan } from './generate';
import { setCells } from './ops';

describe('the diff of a cell edit', () => {
  it('gives the changes of the full comparison, reading only the rows replaced', () => {
    const sheet = generatePlan({ projects: 2_000 }).sheets[0];
    const projects = sheet.rows.filter((r) => r.kind === 'project');
    const edited = setCells(sheet, [
      { rowId: projects[700].id, colId: 'y2023_dtpt', value: 5 },
      { rowId: projects[10].id, colId: 'y2023_dtpt', value: 6 },
      { rowId: projects[10].id, colId: 'y2024_dtpt', value: 7 },
      // unchanged: no change reported
      { rowId: projects[50].id, colId: 'name', value: projects[50].cells.name ?? null },
    ]);
    // the full comparison (a list with no note of what was replaced)
    const want = diffSheet(sheet, { ...edited, rows: edited.rows.slice() });
    expect(want?.rows.map((c) => c.id)).toEqual([projects[10].id, projects[700].id]);
    // every other row of the edited list counts its reads
    let reads = 0;
    const changed = new Set([projects[10].id, projects[700].id]);
    edited.rows.forEach((r, i) => {
      if (changed.has(r.id)) return;
      Object.defineProperty(edited.rows, i, { get: () => (reads++, r) });
    });
    expect(diffSheet(sheet, edited)).toEqual(want);
    expect(reads).toBe(0);
  });
});
