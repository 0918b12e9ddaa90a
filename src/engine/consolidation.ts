/**
 * The consolidated appendix's live figures in HyperFormula. A `Rows` sheet holds one row per table
 * row and the grand total last: per form column the requested figure, the proposed one and the
 * difference, then the three row sums. A project row holds its two figures as plain values; every
 * group row (section, unit) adds up its direct children, the grand total the top-level rows, each
 * difference is proposed − requested, all as formulas. A `Groups` sheet adds up the per-unit and
 * per-section figures asked for (a unit's subtotal rows across sections, a section's projects). An
 * edit of a proposed amount recomputes its ancestors, the grand total and the groups that hold it.
 */
import { HyperFormula } from 'hyperformula';
import { columnLetter } from '../domain/columns';
import { ENGINE_CONFIG } from './engine';

/** A row as the engine needs it: a group (formulas over its children) or a project (values). */
export interface EngineRowInput {
  kind: 'section' | 'unit' | 'project';
  level: number;
  requested: readonly number[];
  proposed: readonly number[];
}

/** A group outside the table's tree: the table rows it adds up. */
export interface ExtraGroup {
  id: string;
  rows: readonly number[];
}

/** Figures of a row as the engine computes them (amounts in the form's unit). */
export interface EngineFigures {
  requested: number[];
  proposed: number[];
  difference: number[];
  sums: { requested: number; proposed: number; difference: number };
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** `A3:A9` style ranges (or single cells) of sorted row indices in one column, 0-based rows. */
function ranges(col: number, rows: readonly number[], prefix = ''): string {
  const c = columnLetter(col);
  const parts: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const a = `${prefix}${c}${rows[i] + 1}`;
    parts.push(i === j ? a : `${a}:${c}${rows[j] + 1}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Direct children of each row (rows one level deeper, inside its subtree). */
function childrenOf(levels: readonly number[]): number[][] {
  return levels.map((lv, i) => {
    const out: number[] = [];
    for (let j = i + 1; j < levels.length && levels[j] > lv; j++)
      if (levels[j] === lv + 1) out.push(j);
    return out;
  });
}

export class ConsolidationEngine {
  private hf: HyperFormula;
  private n = 0;
  private count = 0;
  private groupRow = new Map<string, number>();
  private ids = { rows: 0, groups: 1 };

  constructor() {
    this.hf = HyperFormula.buildEmpty({ ...ENGINE_CONFIG });
  }

  /** Columns of a figure: requested 0..n−1, proposed n..2n−1, difference 2n..3n−1, then sums. */
  private col(figure: 0 | 1 | 2, j: number): number {
    return figure * this.n + j;
  }

  /** The formulas of a row adding up `prefix`-sheet rows `of` (row `r`, 0-based, of its sheet). */
  private sumRow(r: number, of: readonly number[], prefix: string): (string | number)[] {
    const n = this.n;
    const cells: (string | number)[] = [];
    for (const f of [0, 1] as const)
      for (let j = 0; j < n; j++)
        cells.push(of.length ? `=SUM(${ranges(this.col(f, j), of, prefix)})` : 0);
    return [...cells, ...this.derived(r)];
  }

  /** Differences and row sums of row `r` (0-based) from its own figures. */
  private derived(r: number): string[] {
    const n = this.n;
    const at = (c: number) => `${columnLetter(c)}${r + 1}`;
    const out: string[] = [];
    for (let j = 0; j < n; j++) out.push(`=${at(this.col(1, j))}-${at(this.col(0, j))}`);
    const span = (f: 0 | 1) => (n ? `=SUM(${at(this.col(f, 0))}:${at(this.col(f, n - 1))})` : '=0');
    out.push(span(0), span(1), `=${at(3 * n + 1)}-${at(3 * n)}`);
    return out;
  }

  /** Builds the sheets for a table's rows (`n` form columns) and the extra groups, in one build. */
  load(rows: readonly EngineRowInput[], n: number, groups: readonly ExtraGroup[] = []): void {
    this.n = n;
    this.count = rows.length;
    const children = childrenOf(rows.map((r) => r.level));
    const body = rows.map((r, i) =>
      r.kind === 'project' ? [...r.requested, ...r.proposed] : this.sumRow(i, children[i], ''),
    );
    const top = rows.flatMap((r, i) => (r.level === 0 ? [i] : []));
    body.push(this.sumRow(rows.length, top, ''));
    const extra = groups.map((g, i) =>
      this.sumRow(
        i,
        [...g.rows].sort((a, b) => a - b),
        'Rows!',
      ),
    );
    this.groupRow = new Map(groups.map((g, i) => [g.id, i]));
    this.hf.destroy();
    this.hf = HyperFormula.buildFromSheets(
      { Rows: body, Groups: extra.length ? extra : [[]] },
      { ...ENGINE_CONFIG },
    );
    this.ids = { rows: this.hf.getSheetId('Rows')!, groups: this.hf.getSheetId('Groups')! };
  }

  /** Sets proposed amounts of project rows (`row` of the table, `j` the form column), one batch. */
  setProposed(writes: readonly { row: number; j: number; value: number }[]): void {
    const sheet = this.ids.rows;
    this.hf.batch(() => {
      for (const w of writes)
        this.hf.setCellContents({ sheet, row: w.row, col: this.col(1, w.j) }, [[w.value]]);
    });
  }

  private read(sheet: number, row: number, width: number): unknown[] {
    return this.hf.getRangeValues({
      start: { sheet, row, col: 0 },
      end: { sheet, row, col: width - 1 },
    })[0];
  }

  private figures(v: unknown[], derived: boolean): EngineFigures {
    const n = this.n;
    const requested = v.slice(0, n).map(num);
    const proposed = v.slice(n, 2 * n).map(num);
    if (!derived) {
      const add = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const [r, p] = [add(requested), add(proposed)];
      return {
        requested,
        proposed,
        difference: proposed.map((x, j) => x - requested[j]),
        sums: { requested: r, proposed: p, difference: p - r },
      };
    }
    return {
      requested,
      proposed,
      difference: v.slice(2 * n, 3 * n).map(num),
      sums: {
        requested: num(v[3 * n]),
        proposed: num(v[3 * n + 1]),
        difference: num(v[3 * n + 2]),
      },
    };
  }

  /**
   * Figures of table row `i` (`rowCount` for the grand total); a project's differences and sums
   * are its own arithmetic, a group's and the grand total's come from their formulas.
   */
  row(i: number, isProject: boolean): EngineFigures {
    const width = isProject ? 2 * this.n : 3 * this.n + 3;
    return this.figures(this.read(this.ids.rows, i, width), !isProject);
  }

  /** Figures of the grand total row. */
  grand(): EngineFigures {
    return this.row(this.count, false);
  }

  /** Figures of an extra group, undefined for an unknown id. */
  group(id: string): EngineFigures | undefined {
    const r = this.groupRow.get(id);
    return r === undefined
      ? undefined
      : this.figures(this.read(this.ids.groups, r, 3 * this.n + 3), true);
  }

  /** The formula of a row's cell (figure 0 requested, 1 proposed, 2 difference), if it has one. */
  formula(i: number, figure: 0 | 1 | 2, j: number): string | undefined {
    return this.hf.getCellFormula({ sheet: this.ids.rows, row: i, col: this.col(figure, j) });
  }

  /** Number of table rows (the grand total is the row after them). */
  get rowCount(): number {
    return this.count;
  }

  destroy(): void {
    this.hf.destroy();
  }
}
