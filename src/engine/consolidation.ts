/**
 * The consolidated appendix's live figures in HyperFormula. Each unit's projects sit on a sheet of
 * their own (a block: per form column the requested figure, then the proposed ones, as values).
 * The `Rows` sheet has one row per group row of the table (section, unit) and the grand total:
 * per form column the requested sum, the proposed sum and the difference, then the three row sums,
 * all formulas (a group adds up its direct children, the grand total the top-level rows). The
 * `Groups` sheet adds up the per-unit and per-section figures asked for. An edit of a proposed
 * amount recomputes its ancestors, the grand total and the groups that hold it; a new layout (a
 * re-submission, a resolution) rewrites only the blocks and group rows whose content changed.
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

type Content = (number | string)[][];
type Place = { sheet: string; row: number };

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const ROWS = 'Rows';
const GROUPS = 'Groups';

/** Direct children of each row (rows one level deeper, inside its subtree). */
function childrenOf(levels: readonly number[]): number[][] {
  return levels.map((lv, i) => {
    const out: number[] = [];
    for (let j = i + 1; j < levels.length && levels[j] > lv; j++)
      if (levels[j] === lv + 1) out.push(j);
    return out;
  });
}

/** Runs of rows per sheet of some places: `[sheet, first, last]`, rows 0-based. */
function runsOf(places: readonly Place[]): [string, number, number][] {
  const bySheet = new Map<string, number[]>();
  for (const p of places) {
    const list = bySheet.get(p.sheet);
    if (list) list.push(p.row);
    else bySheet.set(p.sheet, [p.row]);
  }
  const out: [string, number, number][] = [];
  for (const [sheet, rows] of bySheet) {
    rows.sort((a, b) => a - b);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      out.push([sheet, rows[i], rows[j]]);
      i = j + 1;
    }
  }
  return out;
}

/** `Block_3!A3:A9,Rows!A2` style references of runs in one column. */
function refs(col: number, runs: readonly [string, number, number][]): string {
  const c = columnLetter(col);
  return runs
    .map(([sheet, a, b]) =>
      a === b ? `${sheet}!${c}${a + 1}` : `${sheet}!${c}${a + 1}:${c}${b + 1}`,
    )
    .join(',');
}

const sameRow = (a: readonly unknown[] | undefined, b: readonly unknown[]) =>
  !!a && a.length === b.length && a.every((x, k) => x === b[k]);

export class ConsolidationEngine {
  private hf: HyperFormula | null = null;
  private n = -1;
  private count = 0;
  /** Where each table row lives (the grand total: the row after them). */
  private places: Place[] = [];
  private groupRow = new Map<string, number>();
  /** Block sheet name of each block key (kept while the engine lives, so reloads reuse it). */
  private blockSheet = new Map<string, string>();
  /** What each sheet holds now (reloads write only what differs). */
  private written = new Map<string, Content>();

  /** Columns of a figure: requested 0..n−1, proposed n..2n−1, difference 2n..3n−1, then sums. */
  private col(figure: 0 | 1 | 2, j: number): number {
    return figure * this.n + j;
  }

  /** A row of sums over `of` (row `r`, 0-based, of its own sheet): figures, differences, sums. */
  private sumRow(r: number, of: readonly Place[]): (string | number)[] {
    const n = this.n;
    const cells: (string | number)[] = [];
    const runs = runsOf(of);
    for (const f of [0, 1] as const)
      for (let j = 0; j < n; j++)
        cells.push(runs.length ? `=SUM(${refs(this.col(f, j), runs)})` : 0);
    const at = (c: number) => `${columnLetter(c)}${r + 1}`;
    for (let j = 0; j < n; j++) cells.push(`=${at(this.col(1, j))}-${at(this.col(0, j))}`);
    const span = (f: 0 | 1) => (n ? `=SUM(${at(this.col(f, 0))}:${at(this.col(f, n - 1))})` : 0);
    cells.push(span(0), span(1), `=${at(3 * n + 1)}-${at(3 * n)}`);
    return cells;
  }

  /**
   * Lays out a table's rows (`n` form columns) and the extra groups, each project in the block
   * `blockOf(i)` names (its unit; table order kept in a block): one build the first time, then
   * only the sheets' rows whose content changed are written.
   */
  load(
    rows: readonly EngineRowInput[],
    n: number,
    groups: readonly ExtraGroup[] = [],
    blockOf: (i: number) => string = () => '',
  ): void {
    const rebuild = !this.hf || n !== this.n;
    if (rebuild) this.blockSheet = new Map();
    this.n = n;
    this.count = rows.length;
    const sheets = new Map<string, Content>();
    const content = (name: string) => {
      let c = sheets.get(name);
      if (!c) sheets.set(name, (c = []));
      return c;
    };
    const rowsSheet = content(ROWS);
    this.places = rows.map((r, i) => {
      if (r.kind !== 'project') return { sheet: ROWS, row: rowsSheet.push([]) - 1 };
      const key = blockOf(i);
      let sheet = this.blockSheet.get(key);
      if (!sheet) this.blockSheet.set(key, (sheet = `Block_${this.blockSheet.size}`));
      const block = content(sheet);
      return { sheet, row: block.push([...r.requested, ...r.proposed]) - 1 };
    });
    this.places.push({ sheet: ROWS, row: rowsSheet.length });
    const children = childrenOf(rows.map((r) => r.level));
    const at = (list: readonly number[]) => list.map((i) => this.places[i]);
    rows.forEach((r, i) => {
      if (r.kind !== 'project')
        rowsSheet[this.places[i].row] = this.sumRow(this.places[i].row, at(children[i]));
    });
    const top = rows.flatMap((r, i) => (r.level === 0 ? [i] : []));
    rowsSheet.push(this.sumRow(rowsSheet.length, at(top)));
    const groupSheet = content(GROUPS);
    groups.forEach((g, k) => groupSheet.push(this.sumRow(k, at(g.rows))));
    this.groupRow = new Map(groups.map((g, k) => [g.id, k]));
    // every block sheet known stays (emptied when unused), so formulas never name a missing one
    for (const name of this.blockSheet.values()) content(name);
    if (rebuild) {
      this.hf?.destroy();
      this.hf = HyperFormula.buildFromSheets(Object.fromEntries(sheets), { ...ENGINE_CONFIG });
    } else this.update(sheets);
    this.written = sheets;
  }

  /** Writes the rows of each sheet that differ from what it holds (one recalculation). */
  private update(sheets: Map<string, Content>): void {
    const hf = this.hf!;
    hf.suspendEvaluation();
    try {
      // the blocks first, added where new: the group rows then name only existing sheets
      const order = [...sheets.keys()].sort(
        (a, b) => Number(a === ROWS || a === GROUPS) - Number(b === ROWS || b === GROUPS),
      );
      for (const name of order) {
        const next = sheets.get(name)!;
        const before = this.written.get(name);
        if (!before) {
          hf.addSheet(name);
          if (next.length) hf.setSheetContent(hf.getSheetId(name)!, next);
          continue;
        }
        const sheet = hf.getSheetId(name)!;
        if (before.length !== next.length) {
          hf.setSheetContent(sheet, next);
          continue;
        }
        next.forEach((row, r) => {
          if (!sameRow(before[r], row)) hf.setCellContents({ sheet, row: r, col: 0 }, [row]);
        });
      }
    } finally {
      hf.resumeEvaluation();
    }
  }

  /** Sets proposed amounts of project rows (`row` of the table, `j` the form column), one batch. */
  setProposed(writes: readonly { row: number; j: number; value: number }[]): void {
    const hf = this.hf!;
    hf.batch(() => {
      for (const w of writes) {
        const p = this.places[w.row];
        const col = this.col(1, w.j);
        hf.setCellContents({ sheet: hf.getSheetId(p.sheet)!, row: p.row, col }, [[w.value]]);
        this.written.get(p.sheet)![p.row][col] = w.value;
      }
    });
  }

  private read(sheet: string, row: number, width: number): unknown[] {
    const id = this.hf!.getSheetId(sheet)!;
    return this.hf!.getRangeValues({
      start: { sheet: id, row, col: 0 },
      end: { sheet: id, row, col: width - 1 },
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
    const p = this.places[i];
    const width = isProject ? 2 * this.n : 3 * this.n + 3;
    return this.figures(this.read(p.sheet, p.row, width), !isProject);
  }

  /** Figures of the grand total row. */
  grand(): EngineFigures {
    return this.row(this.count, false);
  }

  /** Figures of an extra group, undefined for an unknown id. */
  group(id: string): EngineFigures | undefined {
    const r = this.groupRow.get(id);
    return r === undefined ? undefined : this.figures(this.read(GROUPS, r, 3 * this.n + 3), true);
  }

  /** The formula of a row's cell (figure 0 requested, 1 proposed, 2 difference), if it has one. */
  formula(i: number, figure: 0 | 1 | 2, j: number): string | undefined {
    const p = this.places[i];
    const sheet = this.hf!.getSheetId(p.sheet)!;
    return this.hf!.getCellFormula({ sheet, row: p.row, col: this.col(figure, j) });
  }

  /** Number of table rows (the grand total is the row after them). */
  get rowCount(): number {
    return this.count;
  }

  destroy(): void {
    this.hf?.destroy();
    this.hf = null;
  }
}
