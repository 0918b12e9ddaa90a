import { describe, expect, it } from 'vitest';
import { ConsolidationEngine, type EngineRowInput } from './consolidation';

/** A project row with requested figures (proposed equal unless given). */
const p = (requested: number[], proposed = requested): EngineRowInput => ({
  kind: 'project',
  level: 2,
  requested,
  proposed,
});
/** A group row: its figures are left to the engine (the zeros here are never read). */
const g = (kind: 'section' | 'unit', level: number): EngineRowInput => ({
  kind,
  level,
  requested: [0, 0],
  proposed: [0, 0],
});

// I section: unit A (2 projects), unit B (1); II section: unit A (1)
const rows: EngineRowInput[] = [
  g('section', 0),
  g('unit', 1),
  p([100, 10]),
  p([200, 20], [150, 20]),
  g('unit', 1),
  p([0.1, 0.2]),
  g('section', 0),
  g('unit', 1),
  p([40, 0]),
];

describe('the consolidation engine', () => {
  it('adds up subtotals, the grand total and differences as formulas', () => {
    const e = new ConsolidationEngine();
    e.load(rows, 2, [
      { id: 'A', rows: [2, 3, 8] },
      { id: 'none', rows: [] },
    ]);
    expect(e.formula(1, 0, 0)).toBe('=SUM(A3:A4)');
    expect(e.formula(0, 1, 1)).toBe('=SUM(D2,D5)');
    expect(e.formula(9, 0, 0)).toBe('=SUM(A1,A7)');
    expect(e.formula(9, 2, 0)).toBe('=C10-A10');
    expect(e.formula(2, 0, 0)).toBeUndefined(); // a project holds values
    expect(e.row(1, false).requested).toEqual([300, 30]);
    expect(e.row(0, false).sums).toEqual({ requested: 330.3, proposed: 280.3, difference: -50 });
    expect(e.grand().requested).toEqual([340.1, 30.2]);
    expect(e.grand().difference).toEqual([-50, 0]);
    expect(e.group('A')!.proposed).toEqual([290, 30]);
    expect(e.group('none')!.sums.requested).toBe(0);
    expect(e.group('missing')).toBeUndefined();
    e.destroy();
  });

  it('recomputes the ancestors, the grand total and the groups of an edited proposal', () => {
    const e = new ConsolidationEngine();
    e.load(rows, 2, [{ id: 'A', rows: [2, 3, 8] }]);
    e.setProposed([
      { row: 2, j: 0, value: 60 },
      { row: 8, j: 1, value: 5 },
    ]);
    expect(e.row(2, true)).toEqual({
      requested: [100, 10],
      proposed: [60, 10],
      difference: [-40, 0],
      sums: { requested: 110, proposed: 70, difference: -40 },
    });
    expect(e.row(1, false).proposed).toEqual([210, 30]);
    expect(e.row(6, false).proposed).toEqual([40, 5]);
    expect(e.grand().sums).toEqual({ requested: 370.3, proposed: 285.3, difference: -85 });
    expect(e.group('A')!.sums.difference).toBe(-85);
    e.destroy();
  });

  it('gives zeros for an empty table', () => {
    const e = new ConsolidationEngine();
    e.load([], 3);
    expect(e.grand().sums).toEqual({ requested: 0, proposed: 0, difference: 0 });
    expect(e.grand().requested).toEqual([0, 0, 0]);
    e.destroy();
  });
});
