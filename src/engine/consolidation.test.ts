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
    expect(e.formula(1, 0, 0)).toBe('=SUM(Block_0!A1:A2)');
    expect(e.formula(0, 1, 1)).toBe('=SUM(Rows!D2:D3)');
    expect(e.formula(9, 0, 0)).toBe('=SUM(Rows!A1,Rows!A4)');
    expect(e.formula(9, 2, 0)).toBe('=C6-A6');
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

  it('reloads a new layout (a block changed, one added, one gone) as a fresh build would', () => {
    const b = (block: string, requested: number[]): EngineRowInput & { block?: string } => ({
      ...p(requested),
      block,
    });
    const blockOf = (rows: { block?: string }[]) => (i: number) => rows[i].block ?? '';
    const first: (EngineRowInput & { block?: string })[] = [
      g('section', 0),
      g('unit', 1),
      b('A', [1, 2]),
      b('A', [3, 4]),
      g('unit', 1),
      b('B', [5, 6]),
    ];
    const second: (EngineRowInput & { block?: string })[] = [
      g('section', 0),
      g('unit', 1),
      b('A', [1, 2]),
      b('A', [30, 4]),
      b('A', [7, 0]),
      g('unit', 1),
      b('C', [0.5, 0.25]),
      g('section', 0),
      g('unit', 1),
      b('A', [100, 0]),
    ];
    const groups = [{ id: 'A', rows: [2, 3, 4, 9] }];
    const e = new ConsolidationEngine();
    e.load(first, 2, [{ id: 'A', rows: [2, 3] }], blockOf(first));
    e.setProposed([{ row: 5, j: 0, value: 50 }]);
    expect(e.grand().proposed).toEqual([54, 12]);
    e.load(second, 2, groups, blockOf(second));
    const fresh = new ConsolidationEngine();
    fresh.load(second, 2, groups, blockOf(second));
    for (let i = 0; i <= second.length; i++)
      expect(e.row(i, second[i]?.kind === 'project')).toEqual(
        fresh.row(i, second[i]?.kind === 'project'),
      );
    expect(e.grand().requested).toEqual([138.5, 6.25]);
    expect(e.group('A')).toEqual(fresh.group('A'));
    expect(e.group('A')!.sums.requested).toBe(144);
    e.destroy();
    fresh.destroy();
  });

  it('adds up many blocks (one per unit) to the sum of their projects', () => {
    const rows: EngineRowInput[] = [];
    const blocks: string[] = [];
    let sum = 0;
    for (let u = 0; u < 60; u++) {
      rows.push(g('unit', 0));
      blocks.push('');
      for (let k = 0; k < 3; k++) {
        rows.push({ ...p([u * 10 + k, 1]), level: 1 });
        blocks.push(`unit ${u}`);
        sum += u * 10 + k + 1;
      }
    }
    const e = new ConsolidationEngine();
    e.load(rows, 2, [], (i) => blocks[i]);
    expect(e.grand().sums.requested).toBe(sum);
    expect(e.row(4 * 59, false).requested).toEqual([590 + 591 + 592, 3]);
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
