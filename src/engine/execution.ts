/**
 * The live figures of a year's tracking in HyperFormula. One row per project, sorted by lead unit
 * then section (so a unit is one block of rows and a section a few), with six inputs per capital
 * source — the year's plan, the carry-over, the cumulative allocation and disbursement to the end of
 * N−1, the disbursement to date of the plan and of the carry-over — then the project's sums over its
 * sources, its rate and its behind-target flag as formulas. A groups sheet adds up the total, each
 * source (its columns), unit (its block) and section (its runs of rows) with rates, what remains and
 * the cumulative disbursement since the start. Groups add up whole blocks of rows through their
 * subtotals (`executionBlocks`): an edit recomputes one project, one block and its groups. The
 * sub-sections (below the top level) are added up outside HyperFormula from the engine's copy of
 * the inputs, when read (`executionNested`): there as soon as the engine is built.
 */
import { HyperFormula } from 'hyperformula';
import { type AnnualPlan, lineKey } from '../domain/execution';
import { toDateReader } from '../domain/executionFigures';
import { ENGINE_CONFIG } from './engine';
import { BLOCK_ROWS } from './executionBlocks';
import { executionLayout, type Group, type GroupKind } from './executionLayout';
import { type ExecutionSheets, executionSheets, linesToDate, targetCells } from './executionSheets';
import { NestedSums } from './executionNested';
import { readToDate, type ToDateRead, writeToDate } from './executionToDate';
import { buildInSteps } from './stepwiseBuild';
import {
  copyToDateInputs,
  inputBlocks,
  inputRows,
  LINE_INPUTS,
  type LineInput,
} from './executionInputs';
import { figures, groupFigures, type LiveFigures, num, rateOrNull } from './executionReads';

export type { LiveFigures };

export { LINE_INPUTS, type LineInput };

export { executionLayout, type Group, type GroupKind };

/**
 * Formula cells per piece of the stepped build (stepwiseBuild's weight): a group row sums up to
 * hundreds of ranges, a block row thousands of cells, so pieces are a tenth of the plan's.
 */
export const BUILD_CELLS = 50;

export class ExecutionEngine {
  private hf: HyperFormula;
  private sources: string[] = [];
  private projects: string[] = [];
  private rowOf = new Map<string, number>();
  private groups: Group[] = [];
  /** Where each group's row is: the Groups sheet, or (nested) the sub-sections' order. */
  private place = new Map<string, { nested: boolean; row: number }>();
  /** The sub-sections' sums, and the copy of the inputs they are made of. */
  private nested = new NestedSums([], 1, new Float64Array(0), new Float64Array(0), 1);
  private ids = { lines: 0, groups: 1, params: 2 };
  /** First column of the project's formulas (planned, disbursed, rate, behind flag). */
  private sumCol = 0;
  /** The to-date inputs the engine holds, `[(row × sources + source) × 2 + part]` (0 plan, 1 carry). */
  private toDate = new Float64Array(0);

  /** `block`: project rows per block subtotal (BLOCK_ROWS; tests take a few to have many blocks). */
  constructor(private readonly block = BLOCK_ROWS) {
    this.hf = HyperFormula.buildEmpty({ ...ENGINE_CONFIG });
  }

  /** Builds the sheets of a tracking at its latest period (one build). */
  load(plan: AnnualPlan, target: number | null): void {
    const it = executionSheets(plan, target, this.block);
    let r = it.next();
    while (!r.done) r = it.next();
    const sheets = r.value;
    this.adopt(sheets, HyperFormula.buildFromSheets(sheets.contents, { ...ENGINE_CONFIG }));
  }

  /**
   * `load` in steps (a report splitting lines by source lays the rows out anew): the step, run
   * until it says done, makes the sheets' contents a few thousand rows at a time, then builds a
   * new HyperFormula in steps (stepwiseBuild.ts); the engine keeps its figures until the last
   * step swaps the new one in (a step failing leaves it as it was).
   */
  loadSteps(plan: AnnualPlan, target: number | null): (deadline: number) => boolean {
    const block = this.block;
    let built: HyperFormula | null = null;
    const steps = (function* (): Generator<void, ExecutionSheets, void> {
      const sheets = yield* executionSheets(plan, target, block, 1000);
      yield* buildInSteps(sheets.contents, ['Lines', 'Blocks'], (hf) => (built = hf), BUILD_CELLS);
      return sheets;
    })();
    return (deadline) => {
      try {
        do {
          const r = steps.next();
          if (r.done) {
            this.adopt(r.value, built!);
            return true;
          }
        } while (performance.now() < deadline);
        return false;
      } catch (e) {
        (built as HyperFormula | null)?.destroy();
        throw e;
      }
    };
  }

  /** Takes a tracking's sheets and the HyperFormula built of them (the one before destroyed). */
  private adopt(s: ExecutionSheets, hf: HyperFormula): void {
    this.sources = s.sources;
    this.projects = s.projects;
    this.rowOf = s.rowOf;
    this.groups = s.groups;
    this.place = s.place;
    this.sumCol = s.sumCol;
    this.toDate = s.toDate;
    this.nested = new NestedSums(s.groups, s.sources.length, s.inputs, s.targets, this.block);
    this.hf.destroy();
    this.hf = hf;
    this.ids = {
      lines: this.hf.getSheetId('Lines')!,
      groups: this.hf.getSheetId('Groups')!,
      params: this.hf.getSheetId('Params')!,
    };
  }

  private cell(key: string): { row: number; col: number } | undefined {
    const cut = key.lastIndexOf('|');
    const row = this.rowOf.get(key.slice(0, cut));
    const s = this.sources.indexOf(key.slice(cut + 1));
    return row === undefined || s < 0 ? undefined : { row, col: s * 6 };
  }

  /** Writes inputs of lines in one batch (one block per project). */
  setInputs(changes: { key: string; field: LineInput; value: number }[]): void {
    const sheet = this.ids.lines;
    const byRow = new Map<number, Map<number, number>>();
    for (const ch of changes) {
      const at = this.cell(ch.key);
      if (!at) continue;
      let m = byRow.get(at.row);
      if (!m) byRow.set(at.row, (m = new Map()));
      const f = LINE_INPUTS.indexOf(ch.field);
      m.set(at.col + f, ch.value);
      this.nested.set(at.row, at.col + f, ch.value);
      if (f >= 4) this.toDate[(at.row * this.sources.length + at.col / 6) * 2 + f - 4] = ch.value;
    }
    // every block read before the batch: the engine answers no read while a batch is open
    const blocks = inputBlocks(byRow, (row, col) => num(this.hf.getCellValue({ sheet, row, col })));
    this.hf.batch(() => {
      for (const b of blocks) this.hf.setCellContents({ sheet, row: b.row, col: b.c0 }, [b.values]);
    });
  }

  /** Rewrites every input of every line in one block (a report recorded, an undo of one). */
  setAll(plan: AnnualPlan): void {
    const byKey = new Map(plan.lines.map((l) => [lineKey(l.projectId, l.source), l]));
    const S = this.sources.length;
    readToDate(linesToDate(plan, byKey), this.projects, this.sources, this.toDate, 0, this.size);
    const block = inputRows(byKey, this.projects, this.sources, this.toDate);
    for (const [i, row] of block.entries()) this.nested.inputs.set(row, i * S * 6);
    this.nested.touchAll();
    if (block.length) this.hf.setCellContents({ sheet: this.ids.lines, row: 0, col: 0 }, block);
  }

  /**
   * Rewrites the to-date figures that changed (runs of rows per source and part) and, when given,
   * the target rate, evaluated once: after a report is recorded or a period removed.
   */
  setToDate(plan: AnnualPlan, target?: number | null): void {
    this.setToDateRows(toDateReader(plan), 0, this.projects.length, target);
  }

  /**
   * `setToDate` for project rows `from`..`to`−1 only (`read`: the figures to date of the plan's
   * lines) and the target of the blocks starting among them, evaluated once: a report recorded in
   * steps writes a range of rows per step, the last block's target with its first rows.
   */
  setToDateRows(read: ToDateRead, from: number, to: number, target?: number | null): void {
    const next = new Float64Array(Math.max(0, to - from) * this.sources.length * 2);
    readToDate(read, this.projects, this.sources, next, from, to);
    // evaluation suspended while the runs are written: one recalculation (faster than a batch)
    this.hf.suspendEvaluation();
    try {
      writeToDate(this.hf, this.ids.lines, this.sources.length, this.toDate, next, from, to);
      this.copyToDate(from, to);
      // the target of the blocks starting in the rows (each block's flags compare with its own)
      const k0 = Math.ceil(from / this.block);
      const k1 = Math.ceil(to / this.block);
      if (target !== undefined && k1 > k0) {
        this.hf.setCellContents(
          { sheet: this.ids.params, row: k0, col: 0 },
          this.targets(target).slice(k0, k1),
        );
        this.nested.targets.fill(target ?? 0, k0, k1);
        this.nested.touchRows(k0 * this.block, k1 * this.block);
      }
    } finally {
      this.hf.resumeEvaluation();
    }
  }

  /** The target rate the behind flags compare with (null: none). */
  setTarget(target: number | null): void {
    this.hf.setCellContents({ sheet: this.ids.params, row: 0, col: 0 }, this.targets(target));
    this.nested.targets.fill(target ?? 0);
    this.nested.touchAll();
  }

  /** Copies the to-date figures of rows `from`..`to`−1 to the inputs the sub-sections add up. */
  private copyToDate(from: number, to: number): void {
    copyToDateInputs(this.toDate, this.nested.inputs, this.sources.length, from, to);
    this.nested.touchRows(from, to);
  }

  /** The Params sheet's column: the target rate once per block of rows (one at least). */
  private targets(target: number | null | undefined): number[][] {
    return targetCells(this.projects.length, this.block, target);
  }

  /** The groups (total, sources, sections, units), in the engine's order. */
  groupList(): readonly Group[] {
    return this.groups;
  }

  /** Project ids in the engine's row order. */
  projectOrder(): readonly string[] {
    return this.projects;
  }

  /** Figures of one project × source line (undefined for an unknown key). */
  line(key: string): LiveFigures | undefined {
    const at = this.cell(key);
    if (!at) return undefined;
    const sheet = this.ids.lines;
    const v = this.hf
      .getRangeValues({
        start: { sheet, row: at.row, col: at.col },
        end: { sheet, row: at.row, col: at.col + 5 },
      })[0]
      .map(num);
    const target = num(
      this.hf.getCellValue({
        sheet: this.ids.params,
        row: Math.floor(at.row / this.block),
        col: 0,
      }),
    );
    return figures(v, v[0] ? v[4] / v[0] : null, v[0] > 0 && v[4] < target * v[0] - 1e-9 ? 1 : 0);
  }

  /** Figures of a project over its sources (rate and flag from the engine). */
  project(projectId: string): LiveFigures | undefined {
    const row = this.rowOf.get(projectId);
    if (row === undefined) return undefined;
    const sheet = this.ids.lines;
    const all = this.hf.getRangeValues({
      start: { sheet, row, col: 0 },
      end: { sheet, row, col: this.sumCol + 3 },
    })[0];
    const v = [0, 0, 0, 0, 0, 0];
    for (let s = 0; s < this.sources.length; s++)
      for (let f = 0; f < 6; f++) v[f] += num(all[s * 6 + f]);
    return figures(v, rateOrNull(all[this.sumCol + 2]), num(all[this.sumCol + 3]));
  }

  /** Figures of a group (`kind`, `key` as in the layout), undefined when there is none. */
  group(kind: GroupKind, key: string): LiveFigures | undefined {
    const at = this.place.get(`${kind}:${key}`);
    if (!at) return undefined;
    if (at.nested) return groupFigures(this.nested.row(at.row));
    const sheet = this.ids.groups;
    const row = at.row;
    const v = this.hf.getRangeValues({
      start: { sheet, row, col: 0 },
      end: { sheet, row, col: 10 },
    })[0];
    return groupFigures(v);
  }

  /** Project rows per block subtotal (a report recorded in steps writes whole blocks). */
  get blockRows(): number {
    return this.block;
  }

  /** Number of project rows (for tests and the benchmark). */
  get size(): number {
    return this.projects.length;
  }

  destroy(): void {
    this.hf.destroy();
  }
}
