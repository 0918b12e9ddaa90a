/**
 * FROZEN (2026-12-01, before the execution engine was built in steps at open): the sheets' contents
 * made in one go, the oracle of executionSheets.test.ts.
 *
 * The contents of the execution engine's sheets for a tracking, made in steps (a generator that
 * yields every few thousand project rows): the Lines sheet (six inputs per source, then the
 * project's planned sum, rate and behind-target flag), the Blocks subtotals, the top-level Groups,
 * the sub-section rows to write later, and the Params target per block; with the layout the engine
 * keeps to find its cells. `engine/execution.ts` builds HyperFormula from it at once or in steps.
 */
import { columnLetter } from '../../../src/domain/columns';
import { type AnnualPlan, type ExecLine, lineKey } from '../../../src/domain/execution';
import { toDateReader } from '../../../src/domain/executionFigures';
import { blockCells } from '../../../src/engine/executionBlocks';
import { groupCells, isNested } from './executionGroups';
import { executionLayout, type Group } from '../executionEngineBefore/executionLayout';
import { readToDate, type ToDateRead } from '../../../src/engine/executionToDate';

const EPS = '0.000000001';

/** A tracking's engine contents and the layout the engine reads them by. */
export interface ExecutionSheets {
  sources: string[];
  projects: string[];
  rowOf: Map<string, number>;
  groups: Group[];
  /** Where each group's row is: the Groups sheet, or the sheet of sub-sections. */
  place: Map<string, { nested: boolean; row: number }>;
  /** Sub-section rows to write after the build (formulas). */
  pending: (string | number)[][];
  /** First column of the project's formulas. */
  sumCol: number;
  /** The to-date inputs, `[(row × sources + source) × 2 + part]`. */
  toDate: Float64Array<ArrayBuffer>;
  /** The sheets to build: Lines, Blocks, Groups, Sections (empty), Params. */
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
 * `block` the rows per subtotal), yielding after every `rowsPerStep` project rows made.
 */
export function* executionSheets(
  plan: AnnualPlan,
  target: number | null,
  block: number,
  rowsPerStep = Infinity,
): Generator<void, ExecutionSheets, void> {
  const { projects, groups } = executionLayout(plan);
  const S = plan.sources.length;
  const at = (s: number, field: number) => columnLetter(s * 6 + field);
  const sumCol = S * 6;
  const P = columnLetter(sumCol);
  const byKey = new Map<string, ExecLine>(
    plan.lines.map((l) => [lineKey(l.projectId, l.source), l]),
  );
  const toDate = new Float64Array(projects.length * S * 2);
  readToDate(linesToDate(plan, byKey), projects, plan.sources, toDate, 0, projects.length);
  const rows: (string | number | null)[][] = new Array(projects.length);
  for (let i = 0; i < projects.length; i++) {
    if (i && i % rowsPerStep === 0) yield;
    const id = projects[i];
    const r = i + 1;
    const cells: (number | string | null)[] = [];
    plan.sources.forEach((source, s) => {
      const l = byKey.get(lineKey(id, source));
      cells.push(
        l?.plan ?? 0,
        l?.carry ?? 0,
        l?.priorAllocated ?? 0,
        l?.priorDisbursed ?? 0,
        toDate[(i * S + s) * 2],
        toDate[(i * S + s) * 2 + 1],
      );
    });
    const terms = (field: number) => plan.sources.map((_, s) => `${at(s, field)}${r}`);
    // disbursed to date over the sources: inside the rate and the flag, not a cell of its own
    // (a report changes every project's figure: one formula fewer to recompute per project)
    const D = S === 1 ? terms(4)[0] : `(${terms(4).join('+')})`;
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
  // top-level groups now; sub-sections (every level below) in their own sheet, filled by the
  // engine's `buildSections` in steps after the build (or at once when one is asked for)
  const nested = groups.map((g, i) => (isNested(g) ? i : -1)).filter((i) => i >= 0);
  const nestedRow = new Map(nested.map((gi, k) => [gi, k]));
  const top: (string | number)[][] = [];
  const place = new Map<string, { nested: boolean; row: number }>();
  groups.forEach((g, i) => {
    const key = `${g.kind}:${g.key}`;
    if (isNested(g)) place.set(key, { nested: true, row: nestedRow.get(i)! });
    else {
      place.set(key, { nested: false, row: top.length });
      top.push(groupCells(g, top.length + 1, plan.sources, sumCol, [], block));
    }
  });
  const pending = nested.map((gi, k) =>
    groupCells(
      groups[gi],
      k + 1,
      plan.sources,
      sumCol,
      (groups[gi].children ?? []).map((c) => nestedRow.get(c)!),
      block,
    ),
  );
  // every input column, the planned sum and the behind flag: the columns groups add up
  const summed = [...Array.from({ length: sumCol + 1 }, (_, c) => c), sumCol + 3];
  return {
    sources: plan.sources,
    projects,
    rowOf: new Map(projects.map((id, i) => [id, i])),
    groups,
    place,
    pending,
    sumCol,
    toDate,
    contents: {
      Lines: rows,
      Blocks: blockCells(projects.length, block, summed),
      Groups: top,
      Sections: [],
      Params: targetCells(projects.length, block, target),
    },
  };
}
