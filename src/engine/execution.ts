/**
 * The live figures of a year's tracking in HyperFormula. One row per project, sorted by lead unit
 * then section (so a unit is one block of rows and a section a few), with six inputs per capital
 * source — the year's plan, the carry-over, the cumulative allocation and disbursement to the end of
 * N−1, the disbursement to date of the plan and of the carry-over — then the project's sums over its
 * sources, its rate and its behind-target flag as formulas. A groups sheet adds up the total, each
 * source (its columns), unit (its block) and section (its runs of rows) with rates, what remains and
 * the cumulative disbursement since the start. Groups add up whole blocks of rows through their
 * subtotals (`executionBlocks`): an edit recomputes one project, one block and its groups.
 */
import { HyperFormula } from 'hyperformula';
import { columnLetter } from '../domain/columns';
import { type AnnualPlan, type ExecLine, lineKey } from '../domain/execution';
import { toDateReader } from '../domain/executionFigures';
import { ENGINE_CONFIG } from './engine';
import { BLOCK_ROWS, blockCells } from './executionBlocks';
import { groupCells, isNested } from './executionGroups';
import { executionLayout, type Group, type GroupKind } from './executionLayout';
import { readToDate, type ToDateRead, writeToDate } from './executionToDate';

export { executionLayout, type Group, type GroupKind };

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const rateOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const EPS = '0.000000001';

/** Input columns of a source, in the engine's order. */
export const LINE_INPUTS = [
  'plan',
  'carry',
  'priorAllocated',
  'priorDisbursed',
  'ytdPlan',
  'ytdCarry',
] as const;
export type LineInput = (typeof LINE_INPUTS)[number];

/** Figures of a line, project or group as the engine computes them (rates 0..1, null: no plan). */
export interface LiveFigures {
  planned: number;
  carry: number;
  priorAllocated: number;
  priorDisbursed: number;
  disbursed: number;
  carryDisbursed: number;
  rate: number | null;
  carryRate: number | null;
  remaining: number;
  cumulativeDisbursed: number;
  /** Behind the target (a group: how many projects). */
  behind: number;
}

export class ExecutionEngine {
  private hf: HyperFormula;
  private sources: string[] = [];
  private projects: string[] = [];
  private rowOf = new Map<string, number>();
  private groups: Group[] = [];
  /** Where each group's row is: the Groups sheet, or the sheet of sub-sections. */
  private place = new Map<string, { nested: boolean; row: number }>();
  /** Sub-section rows to write (formulas) and how many are written. */
  private pending: (string | number)[][] = [];
  private built = 0;
  private ids = { lines: 0, groups: 1, sections: 2, params: 3 };
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
    const { projects, groups } = executionLayout(plan);
    this.sources = plan.sources;
    this.projects = projects;
    this.rowOf = new Map(projects.map((id, i) => [id, i]));
    this.groups = groups;
    const S = plan.sources.length;
    const at = (s: number, field: number) => columnLetter(s * 6 + field);
    this.sumCol = S * 6;
    const P = columnLetter(this.sumCol);
    const byKey = new Map<string, ExecLine>(
      plan.lines.map((l) => [lineKey(l.projectId, l.source), l]),
    );
    this.toDate = new Float64Array(projects.length * S * 2);
    readToDate(linesToDate(plan, byKey), projects, plan.sources, this.toDate, 0, projects.length);
    const rows = projects.map((id, i) => {
      const r = i + 1;
      const cells: (number | string | null)[] = [];
      plan.sources.forEach((source, s) => {
        const l = byKey.get(lineKey(id, source));
        cells.push(
          l?.plan ?? 0,
          l?.carry ?? 0,
          l?.priorAllocated ?? 0,
          l?.priorDisbursed ?? 0,
          this.toDate[(i * S + s) * 2],
          this.toDate[(i * S + s) * 2 + 1],
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
        `=(${P}${r}>0)*(${D}<Params!$A$${Math.floor(i / this.block) + 1}*${P}${r}-${EPS})`,
      );
      return cells;
    });
    // top-level groups now; sub-sections (every level below) in their own sheet, filled by
    // `buildSections` in steps after the first build (or at once when one is asked for)
    const nested = groups.map((g, i) => (isNested(g) ? i : -1)).filter((i) => i >= 0);
    const nestedRow = new Map(nested.map((gi, k) => [gi, k]));
    const top: (string | number)[][] = [];
    this.place = new Map();
    groups.forEach((g, i) => {
      const key = `${g.kind}:${g.key}`;
      if (isNested(g)) this.place.set(key, { nested: true, row: nestedRow.get(i)! });
      else {
        this.place.set(key, { nested: false, row: top.length });
        top.push(groupCells(g, top.length + 1, plan.sources, this.sumCol, [], this.block));
      }
    });
    this.pending = nested.map((gi, k) =>
      groupCells(
        groups[gi],
        k + 1,
        plan.sources,
        this.sumCol,
        (groups[gi].children ?? []).map((c) => nestedRow.get(c)!),
        this.block,
      ),
    );
    // every input column, the planned sum and the behind flag: the columns groups add up
    const summed = [...Array.from({ length: this.sumCol + 1 }, (_, c) => c), this.sumCol + 3];
    this.built = 0;
    this.hf.destroy();
    this.hf = HyperFormula.buildFromSheets(
      {
        Lines: rows,
        Blocks: blockCells(projects.length, this.block, summed),
        Groups: top,
        Sections: [],
        Params: this.targets(target),
      },
      { ...ENGINE_CONFIG },
    );
    this.ids = {
      lines: this.hf.getSheetId('Lines')!,
      groups: this.hf.getSheetId('Groups')!,
      sections: this.hf.getSheetId('Sections')!,
      params: this.hf.getSheetId('Params')!,
    };
  }

  /**
   * Writes up to `rows` more sub-section rows (all by default); true when every one is built. The
   * app calls it in idle time after opening a tracking; a sub-section asked for builds the rest.
   */
  buildSections(rows = Infinity): boolean {
    if (this.built < this.pending.length) {
      const end = Math.min(this.pending.length, this.built + rows);
      this.hf.setCellContents(
        { sheet: this.ids.sections, row: this.built, col: 0 },
        this.pending.slice(this.built, end),
      );
      this.built = end;
    }
    return this.built >= this.pending.length;
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
      if (f >= 4) this.toDate[(at.row * this.sources.length + at.col / 6) * 2 + f - 4] = ch.value;
    }
    // every block read before the batch: the engine answers no read while a batch is open
    const blocks = [...byRow].map(([row, m]) => {
      const cols = [...m.keys()];
      const c0 = Math.min(...cols);
      const c1 = Math.max(...cols);
      const values: number[] = [];
      for (let c = c0; c <= c1; c++)
        values.push(m.has(c) ? m.get(c)! : num(this.hf.getCellValue({ sheet, row, col: c })));
      return { row, c0, values };
    });
    this.hf.batch(() => {
      for (const b of blocks) this.hf.setCellContents({ sheet, row: b.row, col: b.c0 }, [b.values]);
    });
  }

  /** Rewrites every input of every line in one block (a report recorded, an undo of one). */
  setAll(plan: AnnualPlan): void {
    const byKey = new Map(plan.lines.map((l) => [lineKey(l.projectId, l.source), l]));
    const S = this.sources.length;
    readToDate(linesToDate(plan, byKey), this.projects, this.sources, this.toDate, 0, this.size);
    const block = this.projects.map((id, i) =>
      this.sources.flatMap((source, s) => {
        const l = byKey.get(lineKey(id, source));
        return [
          l?.plan ?? 0,
          l?.carry ?? 0,
          l?.priorAllocated ?? 0,
          l?.priorDisbursed ?? 0,
          this.toDate[(i * S + s) * 2],
          this.toDate[(i * S + s) * 2 + 1],
        ];
      }),
    );
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
      // the target of the blocks starting in the rows (each block's flags compare with its own)
      const k0 = Math.ceil(from / this.block);
      const k1 = Math.ceil(to / this.block);
      if (target !== undefined && k1 > k0)
        this.hf.setCellContents(
          { sheet: this.ids.params, row: k0, col: 0 },
          this.targets(target).slice(k0, k1),
        );
    } finally {
      this.hf.resumeEvaluation();
    }
  }

  /** The target rate the behind flags compare with (null: none). */
  setTarget(target: number | null): void {
    this.hf.setCellContents({ sheet: this.ids.params, row: 0, col: 0 }, this.targets(target));
  }

  /** The Params sheet's column: the target rate once per block of rows (one at least). */
  private targets(target: number | null | undefined): number[][] {
    const count = Math.max(1, Math.ceil(this.projects.length / this.block));
    return Array.from({ length: count }, () => [target ?? 0]);
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
    if (at.nested && at.row >= this.built) this.buildSections();
    const sheet = at.nested ? this.ids.sections : this.ids.groups;
    const row = at.row;
    const v = this.hf.getRangeValues({
      start: { sheet, row, col: 0 },
      end: { sheet, row, col: 10 },
    })[0];
    return {
      planned: num(v[0]),
      carry: num(v[1]),
      priorAllocated: num(v[2]),
      priorDisbursed: num(v[3]),
      disbursed: num(v[4]),
      carryDisbursed: num(v[5]),
      behind: num(v[6]),
      rate: rateOrNull(v[7]),
      carryRate: rateOrNull(v[8]),
      remaining: num(v[9]),
      cumulativeDisbursed: num(v[10]),
    };
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

/** The figures to date of the plan's lines (0 for a key without a line). */
function linesToDate(plan: AnnualPlan, lines: ReadonlyMap<string, unknown>): ToDateRead {
  const read = toDateReader(plan);
  return (k) => (lines.has(k) ? read(k) : { plan: 0, carry: 0 });
}

/** Figures from six inputs (plan, carry, prior allocated, prior disbursed, to date, carry to date). */
function figures(v: number[], rate: number | null, behind: number): LiveFigures {
  const [plan, carry, pa, pd, dp, dc] = v;
  return {
    planned: plan,
    carry,
    priorAllocated: pa,
    priorDisbursed: pd,
    disbursed: dp,
    carryDisbursed: dc,
    rate,
    carryRate: carry ? dc / carry : null,
    remaining: plan - dp,
    cumulativeDisbursed: pd + dp + dc,
    behind,
  };
}
