/**
 * HyperFormula built in short steps instead of one long task (issue 20: a 100,000-project build is
 * seconds of main thread). The engine is first built with every sheet empty, then the values are
 * written in blocks of some thousands of cells (valueWrites.ts: as the engine's own build makes
 * them, nothing to evaluate), then the formulas in blocks of a few hundred cells, the data sheets'
 * bottom up (a section's rows before the section), then the other sheets' (the totals), each block
 * evaluating only itself and what reads it. The engine ends holding the very contents the one-go
 * build gives it, with the same values (HyperFormula keeps its values exact after every write);
 * the undo stack the writes left is cleared, as after a build.
 */
import { HyperFormula } from 'hyperformula';
import { ENGINE_CONFIG } from './config';
import type { RawContent } from './layout';
import { type ValuePath, valueWriter } from './valueWrites';

/** Formula cells written per step, a long formula counting for more (a step is then a few ms to a few tens). */
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
 * A step (`yield`) after every `cells` cells read.
 */
export function* scanFormulas(
  rows: readonly (readonly RawContent[])[],
  cells = Infinity,
): Generator<void, Block[], void> {
  const out: Block[] = [];
  const open = new Map<number, Block>(); // single-cell blocks that may grow upward, by column
  let n = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    n += r.length;
    if (n >= cells) {
      n = 0;
      yield;
    }
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
        tall.lines.push(run); // bottom up: turned round at the end
        continue;
      }
      const b = { row: i, col: c0, lines: [run] };
      out.push(b);
      if (run.length === 1) open.set(c0, b);
    }
  }
  for (const b of out) b.lines.reverse();
  return out;
}

/** scanFormulas in one go. */
export function formulaBlocks(rows: readonly (readonly RawContent[])[]): Block[] {
  const it = scanFormulas(rows);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Formula characters that cost as much to write as a cell (a totals sum of 200 cells is 100). */
const FORMULA_CHARS = 32;

/** What writing a formula costs, in cells: a long one (many terms) more. */
const weight = (f: string) => 1 + Math.floor(f.length / FORMULA_CHARS);

/** A block to write in one step, and what it costs (cells). */
interface Piece extends Block {
  weight: number;
}

/**
 * Blocks cut so that none costs more than `cells` (a line of long formulas is cut in columns; a
 * formula is never cut), the lowest lines first: bottom up as the blocks are.
 */
export function cut(blocks: Block[], cells: number): Piece[] {
  const it = cutSteps(blocks, cells);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/**
 * `cut` in steps: a step (`yield`) after every `every` formula cells cut (a 100,000-row sheet's
 * blocks are a long task in one go).
 */
export function* cutSteps(
  blocks: Block[],
  cells: number,
  every = Infinity,
): Generator<void, Piece[], void> {
  const out: Piece[] = [];
  let done = 0;
  for (const b of blocks) {
    done += b.lines.length * b.lines[0].length;
    if (done >= every) {
      done = 0;
      yield;
    }
    const line = b.lines[0];
    for (let c0 = 0; c0 < line.length;) {
      let c1 = c0;
      let w = 0;
      while (c1 < line.length && (c1 === c0 || w + weight(line[c1]) <= cells)) {
        w += weight(line[c1++]);
      }
      const whole = c0 === 0 && c1 === line.length;
      const per = Math.max(1, Math.floor(cells / w));
      for (let end = b.lines.length; end > 0; end -= per) {
        const start = Math.max(0, end - per);
        const lines = b.lines.slice(start, end);
        out.push({
          row: b.row + start,
          col: b.col + c0,
          lines: whole ? lines : lines.map((l) => l.slice(c0, c1)),
          weight: w * lines.length,
        });
      }
      c0 = c1;
    }
  }
  return out;
}

/** Value cells written per step (a step is then a few tens of milliseconds at most). */
export const VALUE_STEP_CELLS = 8000;

/** Cells read per step when the formulas are looked for (reading is cheap beside writing). */
const SCAN_CELLS = 20_000;

/**
 * Builds the engine over `contents` in steps (one per `next()`): `adopt` receives the instance once
 * it holds every value, and it holds every formula when the iterator is done. `stepwise` names the
 * sheets whose formulas are written first (the appendices' data sheets), the other sheets' formulas
 * (the totals, which read them) after them. `path` says how values are written (valueWrites.ts).
 */
export function* buildInSteps(
  contents: Record<string, RawContent[][]>,
  stepwise: readonly string[],
  adopt: (hf: HyperFormula) => void,
  cells = STEP_CELLS,
  path: ValuePath = 'direct',
  valueCells = VALUE_STEP_CELLS,
): Generator<void, void, void> {
  // every sheet, empty: the ids are given in the contents' order, as a build from them gives them
  const empty: Record<string, RawContent[][]> = Object.create(null);
  for (const name in contents) empty[name] = [];
  yield;
  const hf = HyperFormula.buildFromSheets(empty, { ...ENGINE_CONFIG });
  yield;
  const write = valueWriter(hf, path);
  yield;
  for (const name in contents) {
    const sheet = hf.getSheetId(name)!;
    const rows = contents[name];
    let from = 0;
    let n = 0;
    for (let i = 0; i < rows.length; i++) {
      n += rows[i].length;
      if (n < valueCells) continue;
      write(sheet, rows, from, i + 1);
      from = i + 1;
      n = 0;
      yield;
    }
    write(sheet, rows, from, rows.length);
  }
  adopt(hf);
  yield;
  const first = new Set(stepwise);
  const order = [...stepwise, ...Object.keys(contents).filter((n) => !first.has(n))];
  const blocks: Piece[][] = [];
  for (const name of order)
    blocks.push(
      yield* cutSteps(yield* scanFormulas(contents[name], SCAN_CELLS), cells, SCAN_CELLS),
    );
  let n = 0;
  for (const [k, name] of order.entries()) {
    const sheet = hf.getSheetId(name)!;
    for (const b of blocks[k]) {
      if (n >= cells) {
        yield;
        n = 0;
      }
      hf.setCellContents({ sheet, row: b.row, col: b.col }, b.lines);
      n += b.weight;
    }
  }
  hf.clearUndoStack();
}
