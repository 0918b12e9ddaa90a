/**
 * The engine built in steps holds what the one-go build holds: the same contents and values on
 * every sheet (generated plans with total rows, column rules, texts, noise and plain grid sheets),
 * nothing to undo, and it takes the same edits to the same figures.
 */
import type { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { leaves, yearGroups } from '../domain/columns';
import { generatePlan, prng } from '../domain/generate';
import type { Row, Workbook } from '../domain/types';
import { PlanEngine } from './engine';
import { cut, cutSteps, formulaBlocks } from './stepwiseBuild';

const hfOf = (e: PlanEngine) => (e as unknown as { hf: HyperFormula }).hf;

/** Every sheet's serialized contents and values. */
function snapshot(e: PlanEngine): unknown {
  const hf = hfOf(e);
  return hf.getSheetNames().map((n) => {
    const id = hf.getSheetId(n)!;
    return [n, hf.getSheetSerialized(id), hf.getSheetValues(id)];
  });
}

function stepwise(wb: Workbook): { engine: PlanEngine; steps: number } {
  const engine = new PlanEngine();
  const it = engine.loadInSteps(wb);
  let steps = 0;
  while (!it.next().done) steps++;
  return { engine, steps };
}

/** A generated plan with total rows, rules, texts and noisy decimals (no formula typed in a cell). */
function awkward(seed: number, projects: number): Workbook {
  const rnd = prng(seed);
  const wb = generatePlan({ projects, seed });
  const sheet = wb.sheets[0];
  const ls = leaves(sheet.columns);
  const amounts = ls.filter((l) => l.role === 'amount');
  for (const r of sheet.rows)
    for (const l of ls)
      if (rnd() < 0.1) r.cells[l.id] = [0.1, -0.3, 1 / 3, 'chữ', '', 1e15][Math.floor(rnd() * 6)];
  amounts.forEach((l, k) => (l.code = String(k + 1)));
  amounts[2].code = '3=1+2';
  const total: Row = {
    id: 'tt',
    kind: 'total',
    level: 0,
    cells: { [amounts[0].id]: 5, [yearGroups(sheet.columns)[0].group.id]: 7 },
  };
  if (seed % 2) sheet.rows.push(total);
  else sheet.rows.unshift(total);
  // a second appendix, and a plain sheet of figures
  wb.sheets.push({
    ...generatePlan({ projects: 40, seed: seed + 1 }).sheets[0],
    id: 's2',
    name: 'Biểu 2',
  });
  wb.grids = [
    {
      id: 'g1',
      name: 'Ghi chú',
      cells: [
        ['a', 1, 2],
        [null, 3, 'x'],
      ],
    },
  ] as Workbook['grids'];
  return wb;
}

describe('the engine built in steps', () => {
  it('holds the one-go build’s contents and values, and nothing to undo', () => {
    for (const [seed, projects] of [
      [1, 30],
      [2, 700],
      [3, 2500],
    ]) {
      const wb = awkward(seed, projects);
      const once = new PlanEngine();
      once.loadWorkbook(wb);
      const { engine, steps } = stepwise(wb);
      expect(steps).toBeGreaterThan(projects > 1000 ? 5 : 0);
      expect(snapshot(engine)).toEqual(snapshot(once));
      expect(hfOf(engine).isThereSomethingToUndo()).toBe(false);
      // the same edit gives the same figures
      const sheet = wb.sheets[0];
      const p = sheet.rows.findIndex((r) => r.kind === 'project');
      const col = leaves(sheet.columns).find((l) => l.role === 'amount')!.id;
      const rows = sheet.rows.map((r, i) =>
        i === p ? { ...r, cells: { ...r.cells, [col]: 1234.5 } } : r,
      );
      for (const e of [once, engine]) expect(e.setCells({ ...sheet, rows })).not.toEqual([]);
      expect(snapshot(engine)).toEqual(snapshot(once));
      expect(engine.total(sheet.id, null, col)).toEqual(once.total(sheet.id, null, col));
    }
  });

  it('writes every formula of a sheet once, in blocks from the bottom up', () => {
    const rows = [
      ['=SUM(B2:B3)', 1, '=A1'],
      [null, 2, '=B2'],
      [null, 3, '=B3'],
      ['=1', '=2', 4],
    ];
    const blocks = formulaBlocks(rows);
    expect(blocks).toEqual([
      { row: 3, col: 0, lines: [['=1', '=2']] },
      { row: 0, col: 2, lines: [['=A1'], ['=B2'], ['=B3']] },
      { row: 0, col: 0, lines: [['=SUM(B2:B3)']] },
    ]);
  });

  it('cuts blocks by what they cost: tall ones in rows, a line of long sums in columns', () => {
    const tall = { row: 2, col: 1, lines: [['=A1'], ['=A2'], ['=A3'], ['=A4'], ['=A5']] };
    expect(cut([tall], 2).map((p) => [p.row, p.lines.length, p.weight])).toEqual([
      [5, 2, 2],
      [3, 2, 2],
      [2, 1, 1],
    ]);
    const long = `=SUM(${Array.from({ length: 60 }, (_, k) => `A${k + 1}`).join(',')})`; // 8 cells
    const line = { row: 0, col: 3, lines: [[long, long, '=1', long]] };
    expect(cut([line], 16).map((p) => [p.col, p.lines[0], p.weight])).toEqual([
      [3, [long, long], 16],
      [5, ['=1', long], 9],
    ]);
    expect(cut([line], 10).map((p) => [p.col, p.lines[0].length, p.weight])).toEqual([
      [3, 1, 8],
      [4, 2, 9],
      [6, 1, 8],
    ]);
    expect(cut([line], 100)).toEqual([{ ...line, weight: 25 }]);
  });

  it('cuts in steps (a 100,000-row sheet is not one long task) to what it cuts in one go', () => {
    const blocks = Array.from({ length: 9 }, (_, k) => ({
      row: k * 3,
      col: k % 2,
      lines: [
        [`=A${k + 1}`, '=1'],
        ['=2', '=3'],
      ],
    }));
    const it = cutSteps(blocks, 3, 8);
    let steps = 0;
    let r = it.next();
    for (; !r.done; r = it.next()) steps++;
    expect(r.value).toEqual(cut(blocks, 3));
    expect(steps).toBe(4); // 4 cells a block: a step after every second
  });
});
