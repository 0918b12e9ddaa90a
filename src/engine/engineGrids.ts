/**
 * The grid side of PlanEngine: adds, removes and writes its plain grid sheets, and writes again the
 * formulas that name a sheet after row operations were put back.
 */
import type { ExportedChange } from 'hyperformula';
import { formulaRefs } from '../domain/formulaRefs';
import type { GridChange } from '../domain/grid';
import type { CellInput, GridSheet, Id, Workbook } from '../domain/types';
import { EngineCore, type EngineEffects } from './engineCore';
import type { GridRefusal } from './gridSheets';
import { inputColumn, type RawContent } from './layout';
import { gridHasFormula } from './leanTexts';
import { writeBlocks } from './writes';

/** PlanEngine's grid sheets and formula restores, over the engine's core. */
export abstract class EngineGrids extends EngineCore {
  /** Adds a plain grid sheet. */
  addGrid(g: GridSheet): EngineEffects {
    if (gridHasFormula(g)) this.withTexts();
    return this.effects(this.grids.add(g), null);
  }

  /** Removes a plain grid sheet. */
  removeGrid(id: Id): EngineEffects {
    return this.effects(this.grids.remove(id), null);
  }

  /** Writes cells of a grid sheet (with `check`, an edit that would be an error is refused). */
  setGridCells(
    id: Id,
    changes: readonly (GridChange & { before?: CellInput })[],
    check: boolean,
  ): EngineEffects | GridRefusal[] {
    if (gridHasFormula({ cells: [changes.map((ch) => ch.value)] })) this.withTexts();
    const out = this.grids.setCells(id, changes, check);
    if (out.length && !('address' in out[0]) && 'r' in out[0]) return out as GridRefusal[];
    const fx = this.effects(out as ExportedChange[], null);
    const mine = fx.grids.find((g) => g.gridId === id);
    const rows = mine?.rows ?? new Set<number>();
    for (const ch of changes) rows.add(ch.r);
    if (!mine) fx.grids.unshift({ gridId: id, rows, structure: false });
    return fx;
  }

  /**
   * Writes again, from the model, every formula (of any appendix or grid sheet) that names one of
   * `names`: after row operations were put back, the engine's own rewrite of those references
   * (`#REF!` for a removed row) must not stay.
   */
  restoreFormulas(
    wb: Pick<Workbook, 'sheets' | 'grids'>,
    names: readonly string[],
    as: 'model' | 'gone' = 'model',
  ): void {
    const content = (v: string) => (as === 'gone' ? '=#REF!' : this.fix(v));
    const want = names.map((n) => n.trim().toLowerCase()).filter(Boolean);
    const names_ = (v: unknown): v is string =>
      typeof v === 'string' &&
      v.startsWith('=') &&
      want.some((n) => v.toLowerCase().includes(n)) &&
      formulaRefs(v).some(
        (r) => r.sheet !== undefined && want.includes(r.sheet.trim().toLowerCase()),
      );
    for (const sheet of wb.sheets) {
      const st = this.sheets.get(sheet.id);
      if (!st) continue;
      const writes: { row: number; col: number; content: RawContent }[] = [];
      sheet.rows.forEach((r, i) => {
        for (const [k, v] of Object.entries(r.cells)) {
          const col = names_(v) ? inputColumn(st.layout, r, k) : undefined;
          if (col !== undefined) writes.push({ row: i, col, content: content(v as string) });
        }
      });
      if (writes.length) writeBlocks(this.hf, this.dataId(st), writes);
    }
    for (const g of wb.grids ?? []) {
      if (!this.grids.has(g.id)) continue;
      const changes = g.cells.flatMap((row, r) =>
        row.flatMap((v, c) => (names_(v) ? [{ r, c, value: content(v) }] : [])),
      );
      if (changes.length) this.grids.setCells(g.id, changes, false);
    }
  }
}
