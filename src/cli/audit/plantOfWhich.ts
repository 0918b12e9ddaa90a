/**
 * Of-which errors planted in the hand-audited corpus: in every audited table with *Trong đó*
 * lines, one part's figure is raised until the parts together exceed the line they break down
 * (by a fifth of the part, at least 100), the sheet read and checked again, and the error findings
 * compared with the unchanged sheet's. Measures how many such errors the of-which check finds.
 */
import type { RawGrid } from '../../io/appendix/grid';
import { auditedTables, colIndex, errorsOf, plantOne, type Planting, seeded } from './plantErrors';

/** Runs of consecutive of-which lines of an audited sheet. */
function runs(lines: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const l of [...lines].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && l === last[last.length - 1] + 1) last.push(l);
    else out.push([l]);
  }
  return out;
}

const figure = (grid: RawGrid, line: number, c: number): number | null => {
  const r = grid.lineOf.indexOf(line);
  const v = r < 0 ? undefined : grid.rows[r]?.[c]?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/**
 * Plants at most `perSheet` of-which errors in each audited table of `fixtures/mof`: a part of a
 * run of of-which lines raised above what its owner (the nearest line above the run with a figure
 * in the column) leaves for it. Runs with a negative part or an owner without a positive figure
 * take none.
 */
export function plantOfWhich(perSheet: number, seed = 11): Planting {
  const rand = seeded(seed);
  const out: Planting = { planted: 0, found: 0, missed: [] };
  for (const t of auditedTables()) {
    const { a, grid } = t;
    if (!a.ofWhich?.length) continue;
    const parts = new Set(a.ofWhich);
    const cols = Object.entries(a.columns)
      .filter(([, k]) => k === 'amount')
      .map(([c]) => colIndex(c));
    const candidates: { line: number; c: number; v: number }[] = [];
    for (const run of runs(a.ofWhich))
      for (const c of cols) {
        let owner: number | null = null;
        for (let l = run[0] - 1; l >= a.data.first && owner === null; l--)
          if (!parts.has(l)) owner = figure(grid, l, c);
        const ys = run.map((l) => figure(grid, l, c));
        if (owner === null || owner <= 0 || ys.some((y) => y !== null && y < 0)) continue;
        const sum = ys.reduce<number>((s, y) => s + (y ?? 0), 0);
        run.forEach((line, k) => {
          const y = ys[k];
          if (y === null || y < 100) return;
          const v = owner - (sum - y) + Math.max(Math.round(Math.abs(y) * 0.2), 100);
          // a raise: a part typed too large (a part lowered is no error of this kind)
          if (v > y) candidates.push({ line, c, v });
        });
      }
    if (!candidates.length) continue;
    const base = errorsOf(a.sheet, grid);
    for (let k = 0; k < perSheet && candidates.length; k++) {
      const { line, c, v } = candidates.splice(Math.floor(rand() * candidates.length), 1)[0];
      plantOne(out, t, base, grid.lineOf.indexOf(line), c, v);
    }
  }
  return out;
}
