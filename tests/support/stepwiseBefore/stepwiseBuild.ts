/**
 * Frozen copy of src/engine/stepwiseBuild.ts before the values were written in steps (commit
 * 85c2563): the values-only engine built in one go, then the formulas in steps. The oracle and the
 * "before" of bench/stepwiseBuild.ts.
 */
/**
 * HyperFormula built in short steps instead of one long task (issue 20: a 100,000-project build is
 * seconds of main thread). The engine is first built in one go from the sheets without the data
 * sheets' formulas (values only: no dependency edges, nothing to evaluate), then the formulas are
 * written in blocks of a few hundred cells, bottom up (a section's rows before the section), each
 * block evaluating only itself and what reads it. The engine ends holding the very contents the
 * one-go build gives it, with the same values (HyperFormula keeps its values exact after every
 * write); the undo stack the writes left is cleared, as after a build.
 */
import { HyperFormula } from 'hyperformula';
import { ENGINE_CONFIG } from '../../../src/engine/config';
import type { RawContent } from '../../../src/engine/layout';

/** Formula cells written per step (a step is then a few milliseconds to a few tens). */
export const STEP_CELLS = 500;

const isFormula = (v: RawContent): v is string => typeof v === 'string' && v.startsWith('=');

/** One rectangular write: formulas from (row, col), one line per row. */
interface Block {
  row: number;
  col: number;
  lines: string[][];
}

/**
 * The formula cells of a sheet as blocks, bottom up: each row's runs of formulas, and a column's
 * single formulas on consecutive rows (the row totals of a section's projects) as one tall block.
 */
export function formulaBlocks(rows: readonly (readonly RawContent[])[]): Block[] {
  const out: Block[] = [];
  const open = new Map<number, Block>(); // single-cell blocks that may grow upward, by column
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    let c = 0;
    while (c < r.length) {
      if (!isFormula(r[c])) {
        c++;
        continue;
      }
      const c0 = c;
      while (c < r.length && isFormula(r[c])) c++;
      const run = r.slice(c0, c) as string[];
      const tall = run.length === 1 ? open.get(c0) : undefined;
      if (tall && tall.row === i + 1) {
        tall.row = i;
        tall.lines.unshift(run);
        continue;
      }
      const b = { row: i, col: c0, lines: [run] };
      out.push(b);
      if (run.length === 1) open.set(c0, b);
    }
  }
  return out;
}

/** Blocks cut so that none holds more than `cells` formulas. */
function cut(blocks: Block[], cells: number): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const per = Math.max(1, Math.floor(cells / b.lines[0].length));
    // the lowest lines first: bottom up as the blocks are
    for (let end = b.lines.length; end > 0; end -= per) {
      const start = Math.max(0, end - per);
      out.push({ row: b.row + start, col: b.col, lines: b.lines.slice(start, end) });
    }
  }
  return out;
}

/**
 * Builds the engine over `contents` in steps (one per `next()`): `adopt` receives the instance once
 * it holds every value, and it holds every formula when the iterator is done. `stepwise` names the
 * sheets whose formulas are written in steps (the appendices' data sheets); the other sheets are
 * built whole at the first step.
 */
export function* buildInSteps(
  contents: Record<string, RawContent[][]>,
  stepwise: readonly string[],
  adopt: (hf: HyperFormula) => void,
  cells = STEP_CELLS,
): Generator<void, void, void> {
  const shells: Record<string, RawContent[][]> = Object.create(null);
  Object.assign(shells, contents);
  const later: { name: string; blocks: Block[] }[] = [];
  for (const name of stepwise) {
    const rows = contents[name];
    shells[name] = rows.map((r) =>
      r.some(isFormula) ? r.map((v) => (isFormula(v) ? null : v)) : r,
    );
    later.push({ name, blocks: cut(formulaBlocks(rows), cells) });
  }
  const hf = HyperFormula.buildFromSheets(shells, { ...ENGINE_CONFIG });
  adopt(hf);
  yield;
  for (const { name, blocks } of later) {
    const sheet = hf.getSheetId(name)!;
    let n = 0;
    for (const b of blocks) {
      if (n >= cells) {
        yield;
        n = 0;
      }
      hf.setCellContents({ sheet, row: b.row, col: b.col }, b.lines);
      n += b.lines.length * b.lines[0].length;
    }
  }
  hf.clearUndoStack();
}
