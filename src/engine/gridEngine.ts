/**
 * GridEngine: plain grid sheets on their own (a plan engine without appendices), for callers that
 * only evaluate grids. The app keeps grids in the plan's engine (`PlanEngine.grids`).
 */
import type { GridChange } from '../domain/grid';
import type { GridSheet, Id } from '../domain/types';
import { PlanEngine } from './engine';
import type { EngineValue, GridRefusal } from './gridSheets';

export type { GridRefusal };

export class GridEngine {
  private e = new PlanEngine();

  /**
   * Replaces the engine's content with these grid sheets.
   * @param grids the workbook's plain grid sheets
   */
  load(grids: readonly GridSheet[]): void {
    this.e.loadWorkbook({ sheets: [], grids: [...grids] });
  }

  /** Adds a grid sheet (its formulas may refer to the sheets already there). */
  add(g: GridSheet): void {
    this.e.addGrid(g);
  }

  /** Removes a grid sheet. */
  remove(id: Id): void {
    this.e.removeGrid(id);
  }

  /**
   * Writes cells of a grid sheet. With `check`, when a written cell would evaluate to an error,
   * nothing is changed and the refusals are returned; otherwise the rows whose values changed.
   */
  setCells(id: Id, changes: readonly GridChange[], check = true): Set<number> | GridRefusal[] {
    const r = this.e.setGridCells(id, changes, check);
    if (Array.isArray(r)) return r;
    return r.grids.find((g) => g.gridId === id)?.rows ?? new Set();
  }

  /**
   * Computed value of a cell (0-based row and column).
   * @returns a number, text, boolean, blank, or the error kind and message
   */
  value(id: Id, r: number, c: number): EngineValue {
    return this.e.gridValue(id, r, c);
  }
}
