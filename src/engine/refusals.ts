/**
 * Refusing a write before it lands: each written formula is evaluated dry (`calculateFormula`,
 * nothing placed), an array result or an error refuses it, and so does a reference to the cell
 * itself or to any cell that depends on it (a cycle). What the dry check cannot see (formulas
 * reading each other in one paste, a change that breaks another cell) is caught after the write,
 * which is then put back by writing the old contents.
 */
import {
  CellType,
  DetailedCellError,
  type ErrorType,
  type ExportedChange,
  ExportedCellChange,
  type HyperFormula,
  type SimpleCellAddress,
  type SimpleCellRange,
} from 'hyperformula';
import { formulaRefs, hasDynamicRefs } from '../domain/formulaRefs';
import { type EngineErrorCode, engineRefusalCode } from '../domain/refusals';
import type { Id } from '../domain/types';

// HyperFormula's error kinds and Planbook's refusal codes are the same list (checked at compile time)
type HfKinds = `${ErrorType}`;
const sameKinds: [Exclude<HfKinds, EngineErrorCode>, Exclude<EngineErrorCode, HfKinds>] extends [
  never,
  never,
]
  ? true
  : false = true;
void sameKinds;

/** A refused cell write: the cell and why. */
export interface CellRefusal {
  rowId: Id;
  colId: Id;
  code: EngineErrorCode | 'DEPENDENT';
  message: string;
}

/** A write to check: an engine cell and the model cell it stands for. */
export interface CheckedWrite {
  row: number;
  col: number;
  content: unknown;
  rowId: Id;
  colId: Id;
}

/** Past this many formulas in one step the dry check is skipped (the check after the write holds). */
const DRY_LIMIT = 50;
/** Past this many dependents the cycle search gives up (the check after the write holds). */
const REACH_LIMIT = 5000;

type Node = SimpleCellAddress | SimpleCellRange;
const isRange = (n: Node): n is SimpleCellRange => 'start' in n;
const keyOf = (n: Node) =>
  isRange(n)
    ? `${n.start.sheet}:${n.start.row}:${n.start.col}:${n.end.row}:${n.end.col}`
    : `${n.sheet}:${n.row}:${n.col}`;

/** The cell and every formula cell that depends on it, directly or not (null: too many). */
function dependents(hf: HyperFormula, at: SimpleCellAddress): SimpleCellAddress[] | null {
  const seen = new Set<string>([keyOf(at)]);
  const cells: SimpleCellAddress[] = [at];
  const queue: Node[] = [at];
  while (queue.length) {
    const n = queue.pop()!;
    for (const d of hf.getCellDependents(n)) {
      const k = keyOf(d);
      if (seen.has(k)) continue;
      if (seen.size > REACH_LIMIT) return null;
      seen.add(k);
      if (!isRange(d)) cells.push(d);
      queue.push(d);
    }
  }
  return cells;
}

/** Whether a formula (placed at `at`) reads `at` itself or a cell depending on it. */
function makesCycle(hf: HyperFormula, at: SimpleCellAddress, formula: string): boolean | null {
  const regions = formulaRefs(formula).map((r) => ({
    sheet: r.sheet === undefined ? at.sheet : hf.getSheetId(r.sheet),
    r0: r.r0 ?? 0,
    r1: r.r1 ?? Infinity,
    c0: r.c0 ?? 0,
    c1: r.c1 ?? Infinity,
  }));
  if (!regions.length) return false;
  const deps = dependents(hf, at);
  if (!deps) return null;
  return deps.some((d) =>
    regions.some(
      (g) =>
        g.sheet === d.sheet && d.row >= g.r0 && d.row <= g.r1 && d.col >= g.c0 && d.col <= g.c1,
    ),
  );
}

/**
 * Whether every cell of a write can be set, asked once: the engine refuses a cell only for its
 * address (outside the sheet's limits), so the corners of the writes' rectangle answer for all
 * (a paste of 10,000 cells asks twice, not 10,000 times).
 */
function allSettable(
  hf: HyperFormula,
  sheet: number,
  writes: readonly { row: number; col: number }[],
): boolean {
  if (!writes.length) return true;
  let r0 = Infinity;
  let r1 = -Infinity;
  let c0 = Infinity;
  let c1 = -Infinity;
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col)) return false;
    r0 = Math.min(r0, w.row);
    r1 = Math.max(r1, w.row);
    c0 = Math.min(c0, w.col);
    c1 = Math.max(c1, w.col);
  }
  return (
    hf.isItPossibleToSetCellContents({ sheet, row: r0, col: c0 }) &&
    hf.isItPossibleToSetCellContents({ sheet, row: r1, col: c1 })
  );
}

/** The refusals of a planned write, found before anything is written. */
export function dryCheck(
  hf: HyperFormula,
  sheet: number,
  writes: readonly CheckedWrite[],
): CellRefusal[] {
  const out: CellRefusal[] = [];
  const formulas = writes.filter((w) => typeof w.content === 'string' && w.content.startsWith('='));
  if (!allSettable(hf, sheet, writes))
    for (const w of writes) {
      if (!hf.isItPossibleToSetCellContents({ sheet, row: w.row, col: w.col }))
        out.push({ rowId: w.rowId, colId: w.colId, code: 'SPILL', message: '' });
    }
  if (out.length) return out;
  const arrays = dryArrays(hf, sheet, formulas);
  if (arrays.length || formulas.length > DRY_LIMIT || !formulas.length) return arrays;
  // the written cells, only where a formula may read them (a paste of values builds none)
  const here = new Set(writes.map((w) => `${w.row}:${w.col}`));
  for (const w of formulas) {
    const f = w.content as string;
    const refs = formulaRefs(f);
    const readsWritten = refs.some((r) => {
      if (r.sheet !== undefined) return false;
      for (const k of here) {
        const [row, col] = k.split(':').map(Number);
        if (row === w.row && col === w.col) continue;
        if (
          row >= (r.r0 ?? 0) &&
          row <= (r.r1 ?? Infinity) &&
          col >= (r.c0 ?? 0) &&
          col <= (r.c1 ?? Infinity)
        )
          return true;
      }
      return false;
    });
    if (readsWritten || hasDynamicRefs(f)) continue;
    const at = { rowId: w.rowId, colId: w.colId };
    if (makesCycle(hf, { sheet, row: w.row, col: w.col }, f)) {
      out.push({ ...at, code: 'CYCLE', message: '' });
      continue;
    }
    let v: ReturnType<HyperFormula['calculateFormula']>;
    try {
      v = hf.calculateFormula(f, sheet);
    } catch {
      continue;
    }
    if (v instanceof DetailedCellError) {
      out.push({ ...at, code: engineRefusalCode(v.type), message: v.message });
    }
  }
  return out;
}

/**
 * Formulas that would spread an array over their neighbours, found without writing them (an array
 * is an array wherever the formula stands, so this holds before rows are moved into place).
 */
export function dryArrays(
  hf: HyperFormula,
  sheet: number,
  writes: readonly CheckedWrite[],
): CellRefusal[] {
  const out: CellRefusal[] = [];
  for (const w of writes) {
    if (typeof w.content !== 'string' || !w.content.startsWith('=')) continue;
    let v: ReturnType<HyperFormula['calculateFormula']>;
    try {
      v = hf.calculateFormula(w.content, sheet);
    } catch {
      continue;
    }
    if (Array.isArray(v)) out.push({ rowId: w.rowId, colId: w.colId, code: 'SPILL', message: '' });
  }
  return out;
}

/**
 * The refusals of a write already made: each written cell whose value is an error, or (when the
 * error is in a cell that depends on them) the first written cell, as `DEPENDENT`.
 */
export function errorsAfter(
  hf: HyperFormula,
  sheet: number,
  out: readonly ExportedChange[],
  written: readonly CheckedWrite[],
  dependentsToo = true,
): CellRefusal[] {
  const refusals: CellRefusal[] = [];
  // one cell holds one value: a formula that spreads an array over its neighbours is refused
  for (const w of written) {
    if (typeof w.content !== 'string' || !w.content.startsWith('=')) continue;
    const t = hf.getCellType({ sheet, row: w.row, col: w.col });
    if (t === CellType.ARRAYFORMULA || t === CellType.ARRAY)
      refusals.push({ rowId: w.rowId, colId: w.colId, code: 'SPILL', message: '' });
  }
  if (refusals.length) return refusals;
  const bad = out.some(
    (c) => c instanceof ExportedCellChange && c.newValue instanceof DetailedCellError,
  );
  if (!bad || !written.length) return [];
  for (const w of written) {
    const v = hf.getCellValue({ sheet, row: w.row, col: w.col });
    if (v instanceof DetailedCellError)
      refusals.push({
        rowId: w.rowId,
        colId: w.colId,
        code: engineRefusalCode(v.type),
        message: v.message,
      });
  }
  if (!refusals.length && dependentsToo) {
    const w = written[0];
    refusals.push({ rowId: w.rowId, colId: w.colId, code: 'DEPENDENT', message: '' });
  }
  return refusals;
}
