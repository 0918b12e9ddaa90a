/**
 * The contents of the execution engine's sheets for a tracking, made in steps (a generator that
 * yields every few thousand project rows): the Lines sheet (six inputs per source, then the
 * project's planned sum, rate and behind-target flag), the Blocks subtotals, the top-level Groups
 * and the Params target per block; with the layout the engine keeps to find its cells and its copy
 * of the inputs (the sub-sections are added up from it: executionNested.ts). `engine/execution.ts` builds HyperFormula from it at once or in steps.
 */
import { columnLetter } from '../domain/columns';
import { type AnnualPlan, type ExecLine, lineKey } from '../domain/execution';
import { toDateReader } from '../domain/executionFigures';
import { blockCells } from './executionBlocks';
import { groupCells, isNested } from './executionGroups';
import { pushLineInputs } from './executionInputs';
import { type Group, layoutSteps } from './executionLayout';
import { readToDate, type ToDateRead } from './executionToDate';

const EPS = '0.000000001';

/** A tracking's engine contents and the layout the engine reads them by. */
export interface ExecutionSheets {
  sources: string[];
  projects: string[];
  rowOf: Map<string, number>;
  groups: Group[];
  /** Where each group's row is: the Groups sheet, or (nested) the engine's sub-sections. */
  place: Map<string, { nested: boolean; row: number }>;
  /** First column of the project's formulas. */
  sumCol: number;
  /** The to-date inputs, `[(row × sources + source) × 2 + part]`. */
  toDate: Float64Array<ArrayBuffer>;
  /** Every input of the Lines sheet, `[row × sources × 6 + column]`. */
  inputs: Float64Array<ArrayBuffer>;
  /** The target rate per block of rows, as the Params sheet holds it. */
  targets: Float64Array<ArrayBuffer>;
  /** The sheets to build: Lines, Blocks, Groups, Params. */
  contents: Record<string, (string | number | null)[][]>;
}

/** The figures to date of the plan's lines (0 for a key without a line). */
export function linesToDate(plan: AnnualPlan, lines: ReadonlyMap<string, unknown>): ToDateRead {
  const read = toDateReader(plan);
  return (k) => (lines.has(k) ? read(k) : { plan: 0, carry: 0 });
}

/** The Params sheet's column: the target rate once per block of `block` rows (one at least). */
export function targetCells(n: number, block: number, target: number | null | undefined) {
  const count = Math.max(1, Math.ceil(n / block));
  return Array.from({ length: count }, () => [target ?? 0]);
}

/**
 * The engine's sheets of `plan` at its latest period (`target` the rate the flags compare with,
 * `block` the rows per subtotal), yielding after every `rowsPerStep` project rows laid out, read
 * or made, and after every group row made whose formulas name about as many ranges.
 */
export function* executionSheets(
  plan: AnnualPlan,
  target: number | null,
  block: number,
  rowsPerStep = Infinity,
): Generator<void, ExecutionSheets, void> {
  const { projects, groups } = yield* layoutSteps(plan, rowsPerStep);
  const S = plan.sources.length;
  const at = (s: number, field: number) => columnLetter(s * 6 + field);
  const sumCol = S * 6;
  const P = columnLetter(sumCol);
  const byKey = new Map<string, ExecLine>();
  for (const [i, l] of plan.lines.entries()) {
    if (i && i % rowsPerStep === 0) yield;
    byKey.set(lineKey(l.projectId, l.source), l);
  }
  const toDate = new Float64Array(projects.length * S * 2);
  const read = linesToDate(plan, byKey);
  for (let from = 0; from < projects.length; from += rowsPerStep) {
    if (from) yield;
    const to = Math.min(projects.length, from + rowsPerStep);
    readToDate(read, projects, plan.sources, toDate.subarray(from * S * 2), from, to);
  }
  const rows: (string | number | null)[][] = new Array(projects.length);
  const inputs = new Float64Array(projects.length * S * 6);
  for (let i = 0; i < projects.length; i++) {
    if (i && i % rowsPerStep === 0) yield;
    const id = projects[i];
    const r = i + 1;
    const cells: (number | string | null)[] = [];
    plan.sources.forEach((source, s) =>
      pushLineInputs(cells, byKey.get(lineKey(id, source)), toDate, (i * S + s) * 2),
    );
    const terms = (field: number) => plan.sources.map((_, s) => `${at(s, field)}${r}`);
    // disbursed to date over the sources: inside the rate and the flag, not a cell of its own
    // (a report changes every project's figure: one formula fewer to recompute per project)
    const D = S === 1 ? terms(4)[0] : `(${terms(4).join('+')})`;
    inputs.set(cells as number[], i * S * 6);
    cells.push(
      `=${terms(0).join('+')}`,
      null,
      // operators, not IF/AND (a report recomputes them all): no plan gives #DIV/0!, read as null
      `=${D}/${P}${r}`,
      // the target of the row's block: a report recorded in steps moves it a block at a time
      `=(${P}${r}>0)*(${D}<Params!$A$${Math.floor(i / block) + 1}*${P}${r}-${EPS})`,
    );
    rows[i] = cells;
  }
  // top-level groups in the Groups sheet; sub-sections (every level below) by their order, added
  // up by the engine itself
  let nested = 0;
  const top: (string | number)[][] = [];
  const place = new Map<string, { nested: boolean; row: number }>();
  // a step after every quarter of `rowsPerStep` runs of rows put in group formulas (a run is a
  // range per column)
  const runsPerStep = Math.max(1, rowsPerStep / 4);
  let runs = 0;
  for (const g of groups) {
    runs += g.runs.length;
    if (runs >= runsPerStep) {
      runs = 0;
      yield;
    }
    const key = `${g.kind}:${g.key}`;
    if (isNested(g)) place.set(key, { nested: true, row: nested++ });
    else {
      place.set(key, { nested: false, row: top.length });
      top.push(groupCells(g, top.length + 1, plan.sources, sumCol, block));
    }
  }
  // every input column, the planned sum and the behind flag: the columns groups add up
  const summed = [...Array.from({ length: sumCol + 1 }, (_, c) => c), sumCol + 3];
  const rowOf = new Map<string, number>();
  for (const [i, id] of projects.entries()) {
    if (i % rowsPerStep === 0) yield;
    rowOf.set(id, i);
  }
  return {
    sources: plan.sources,
    projects,
    rowOf,
    groups,
    place,
    sumCol,
    toDate,
    inputs,
    targets: Float64Array.from(targetCells(projects.length, block, target), (t) => t[0]),
    contents: {
      Lines: rows,
      Blocks: blockCells(projects.length, block, summed),
      Groups: top,
      Params: targetCells(projects.length, block, target),
    },
  };
}
