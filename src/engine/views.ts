/**
 * The unit and year views of an appendix sheet, as HyperFormula sheets fed by the project sheet, so
 * that an edit updates them in the same recalculation. By unit: a helper column holds each project's
 * unit index and per-block partial SUMIFs add it up (an edit recomputes one block of 50–250 rows; one
 * SUMIF over 10,000 rows cost ~10 ms per unit and column), written as PBSUMIF (unitSumIf.ts: SUMIF's
 * result at a fraction of its cost). By year: references to the totals sheet.
 */
import type { UnitGroup } from '../domain/units';
import type { Id } from '../domain/types';
import type { RawContent } from './layout';
import { UNIT_SUMIF } from './unitSumIf';
import { yearViewContents } from './viewYears';
import {
  BLOCK_ROWS_PER_STEP,
  blockRows,
  FIELDS,
  quote,
  ref,
  ROWS_PER_STEP,
  SLACK,
  type UnitState,
  type ViewHost,
  type YearField,
  type YearState,
} from './viewShapes';

export { blockRows } from './viewShapes';
export type { ViewHost, YearField } from './viewShapes';

export class PlanViews {
  private units = new Map<Id, UnitState>();
  private years = new Map<Id, YearState>();
  private n = 0;
  /** Whole rewrites of a unit index so far (an edit's sync). */
  private indexWrites = 0;

  constructor(private readonly host: (sheetId: Id) => ViewHost) {}

  /** Forgets every view (the engine was rebuilt: its sheets are gone). */
  reset(): void {
    this.units.clear();
    this.years.clear();
  }

  /** Removes a sheet's views. */
  drop(sheetId: Id): void {
    const h = this.host(sheetId);
    const u = this.units.get(sheetId);
    const y = this.years.get(sheetId);
    for (const name of [u?.parts, u?.units, y?.name])
      if (name !== undefined && h.hf.doesSheetExist(name)) h.hf.removeSheet(h.hf.getSheetId(name)!);
    this.units.delete(sheetId);
    this.years.delete(sheetId);
  }

  /** Whether the unit view of a sheet is built or being built (false once dropped). */
  hasUnits(sheetId: Id): boolean {
    return this.units.has(sheetId);
  }

  /** Whether the unit view of a sheet is built. */
  unitsReady(sheetId: Id): boolean {
    return !!this.units.get(sheetId)?.ready;
  }

  /**
   * Steps that build (or rebuild) the unit view: the helper column, then one block of partial sums
   * per step, then the unit totals. Run them all at once, or one per idle moment.
   */
  *buildUnits(sheetId: Id, groups: readonly UnitGroup[]): Generator<void, void> {
    const h = this.host(sheetId);
    if (this.units.has(sheetId)) this.dropUnits(sheetId);
    const k = ++this.n;
    const block = blockRows(h.rows.length);
    const st: UnitState = {
      keys: groups.map((g) => g.key),
      parts: `UnitParts_${k}`,
      units: `Units_${k}`,
      blocks: Math.max(1, Math.ceil(h.rows.length / block)),
      ready: false,
    };
    this.units.set(sheetId, st);
    const d = h.hf.getSheetId(h.data)!;
    yield* this.writeIndexInSteps(h, d, groups);
    h.hf.addSheet(st.parts);
    h.hf.addSheet(st.units);
    yield;
    const cols = h.layout.amountCols;
    const U = groups.length;
    const p = h.hf.getSheetId(st.parts)!;
    const D = `${quote(h.data)}!`;
    const uc = h.layout.unitCol;
    const perStep = Math.max(1, Math.floor(BLOCK_ROWS_PER_STEP / block));
    for (let b = 0; b < st.blocks; b++) {
      const r0 = b * block;
      const r1 = b === st.blocks - 1 ? h.rows.length + SLACK : r0 + block - 1;
      const crit = `${D}${ref(uc, r0)}:${ref(uc, r1)}`;
      h.hf.batch(() => {
        for (let u = 0; u < U; u++) {
          const row: RawContent[] = cols.map(
            (c) => `=${UNIT_SUMIF}(${crit},${u},${D}${ref(c, r0, false)}:${ref(c, r1, false)})`,
          );
          row.push(`=COUNTIF(${crit},${u})`);
          h.hf.setCellContents({ sheet: p, row: u * st.blocks + b, col: 0 }, [row]);
        }
      });
      if ((b + 1) % perStep === 0) yield;
    }
    const P = `${quote(st.parts)}!`;
    const width = cols.length + 1;
    const rows: RawContent[][] = groups.map((_, u) => {
      const row: RawContent[] = [];
      for (let j = 0; j < width; j++)
        row.push(`=SUM(${P}${ref(j, u * st.blocks)}:${ref(j, u * st.blocks + st.blocks - 1)})`);
      row.push(cols.length ? `=SUM(${ref(0, u, false)}:${ref(cols.length - 1, u, false)})` : 0);
      return row;
    });
    h.hf.setSheetContent(h.hf.getSheetId(st.units)!, rows);
    st.ready = true;
  }

  /**
   * After an edit: rewrites the unit index of the rows whose unit changed. False when the view must
   * be rebuilt instead (a unit it does not know).
   */
  syncUnits(sheetId: Id, groups: readonly UnitGroup[]): boolean {
    const st = this.units.get(sheetId);
    if (!st) return true;
    if (!groups.every((g) => st.keys.includes(g.key))) return false;
    const h = this.host(sheetId);
    this.writeIndex(h, h.hf.getSheetId(h.data)!, groups, st.keys);
    return true;
  }

  /** A unit's figure: an amount column's sum, the number of projects, or the row total. */
  unit(sheetId: Id, u: number, what: Id | 'count' | 'total'): number {
    const st = this.units.get(sheetId);
    if (!st?.ready) return 0;
    const h = this.host(sheetId);
    const cols = h.layout.amountCols;
    const j =
      what === 'count'
        ? cols.length
        : what === 'total'
          ? cols.length + 1
          : cols.indexOf(h.layout.col.get(what) ?? -1);
    if (j < 0) return 0;
    const v = h.hf.getCellValue({ sheet: h.hf.getSheetId(st.units)!, row: u, col: j });
    return typeof v === 'number' ? v : 0;
  }

  /** Builds the year view (cheap: references to the totals sheet); `ceilings` by `year|source`. */
  buildYears(sheetId: Id, ceilings: Record<string, number>): void {
    const h = this.host(sheetId);
    const old = this.years.get(sheetId);
    if (old && h.hf.doesSheetExist(old.name)) h.hf.removeSheet(h.hf.getSheetId(old.name)!);
    const { years, sources, rows } = yearViewContents(h, ceilings);
    const st: YearState = { name: `Years_${++this.n}`, years, sources };
    this.years.set(sheetId, st);
    h.hf.addSheet(st.name);
    h.hf.setSheetContent(h.hf.getSheetId(st.name)!, rows);
  }

  /** Sets (or clears) one annual ceiling. */
  setCeiling(sheetId: Id, year: number, source: string, value: number | null): void {
    const st = this.years.get(sheetId);
    if (!st) return;
    const r = st.years.indexOf(year);
    const k = st.sources.indexOf(source);
    if (r < 0 || k < 0) return;
    const h = this.host(sheetId);
    h.hf.setCellContents({ sheet: h.hf.getSheetId(st.name)!, row: r, col: k * FIELDS.length + 3 }, [
      [value],
    ]);
  }

  /** A figure of the year view: per source (null: all sources; no ceiling nor gap then). */
  year(sheetId: Id, year: number, source: string | null, field: YearField): number | null {
    const st = this.years.get(sheetId);
    if (!st) return null;
    const r = st.years.indexOf(year);
    const k = source === null ? st.sources.length : st.sources.indexOf(source);
    const f = FIELDS.indexOf(field);
    if (r < 0 || k < 0 || (source === null && f > 2)) return null;
    const h = this.host(sheetId);
    const v = h.hf.getCellValue({
      sheet: h.hf.getSheetId(st.name)!,
      row: r,
      col: k * FIELDS.length + f,
    });
    return typeof v === 'number' ? v : null;
  }

  /** Whether the year view of a sheet is built. */
  yearsReady(sheetId: Id): boolean {
    return this.years.has(sheetId);
  }

  private dropUnits(sheetId: Id): void {
    const st = this.units.get(sheetId)!;
    const h = this.host(sheetId);
    for (const name of [st.units, st.parts])
      if (h.hf.doesSheetExist(name)) h.hf.removeSheet(h.hf.getSheetId(name)!);
    this.units.delete(sheetId);
  }

  /** Writes each row's unit index into the helper column (only the cells that differ). */
  private writeIndex(h: ViewHost, d: number, groups: readonly UnitGroup[], keys?: string[]): void {
    this.indexWrites++;
    this.writeRuns(h, d, this.indexRuns(h, d, groups, keys));
  }

  /**
   * Writes the unit index over several steps (at most ROWS_PER_STEP rows each); an edit between
   * two steps that rewrote the whole index (`writeIndex`) leaves nothing more to write.
   */
  private *writeIndexInSteps(h: ViewHost, d: number, groups: readonly UnitGroup[]) {
    const runs = this.indexRuns(h, d, groups);
    const epoch = this.indexWrites;
    yield;
    for (let k = 0; k < runs.length && this.indexWrites === epoch;) {
      let rows = 0;
      let e = k;
      while (e < runs.length && (e === k || rows + runs[e][1] - runs[e][0] <= ROWS_PER_STEP))
        rows += runs[e][1] - runs[e++][0];
      this.writeRuns(h, d, runs.slice(k, e));
      k = e;
      if (k < runs.length) yield;
    }
  }

  /** Runs [from, to) of rows whose unit index differs from what the engine holds, and the index. */
  private indexRuns(
    h: ViewHost,
    d: number,
    groups: readonly UnitGroup[],
    keys?: string[],
  ): [number, number, (number | null)[]][] {
    const want: (number | null)[] = new Array(h.rows.length).fill(null);
    groups.forEach((g, u) => {
      const index = keys ? keys.indexOf(g.key) : u;
      for (const r of g.rows) want[r] = index;
    });
    const col = h.layout.unitCol;
    const differs = (r: number) => {
      const have = h.hf.getCellValue({ sheet: d, row: r, col });
      return (typeof have === 'number' ? have : null) !== want[r];
    };
    // consecutive differing cells are written as one block (single-cell writes are slow)
    const runs: [number, number, (number | null)[]][] = [];
    for (let r = 0; r < want.length;) {
      if (!differs(r)) {
        r++;
        continue;
      }
      let e = r + 1;
      while (e < want.length && differs(e)) e++;
      runs.push([r, e, want]);
      r = e;
    }
    return runs;
  }

  private writeRuns(h: ViewHost, d: number, runs: [number, number, (number | null)[]][]): void {
    if (!runs.length) return;
    const col = h.layout.unitCol;
    h.hf.batch(() => {
      for (const [r, e, want] of runs)
        h.hf.setCellContents(
          { sheet: d, row: r, col },
          want.slice(r, e).map((v) => [v]),
        );
    });
  }
}
