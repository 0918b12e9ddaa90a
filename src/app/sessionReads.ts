/**
 * What a session reads of its engine: computed values, totals, raw cells and layouts, through the
 * engine gate (figures from the stored rows until the engine is built, its own after).
 */
import type { CheckValues } from '../domain/checks';
import type { Id } from '../domain/types';
import type { EngineValue, PlanEngine } from '../engine/engine';
import type { SheetLayout } from '../engine/layout';
import type { EngineGate } from './engineGate';

export abstract class SessionReads {
  /** The gate to the engine (set by the session's constructor). */
  protected gate!: EngineGate;

  protected get engine(): PlanEngine {
    return this.gate.engine;
  }

  /** Whether the formula engine is built (before: figures from the stored rows, no checks yet). */
  get engineReady(): boolean {
    return this.gate.isReady;
  }

  /** Build steps run so far, and steps taken without the engine while it was being built. */
  get engineCounts(): { readonly buildSteps: number; readonly deferred: number } {
    return this.gate.counts;
  }

  /** Resolves once the engine is built (without asking for the build). */
  get engineBuilt(): Promise<void> {
    return this.gate.ready;
  }

  /** Computed value of a visible cell. */
  value(sheetId: Id, row: number, colId: Id): EngineValue {
    return this.gate.value(sheetId, row, colId);
  }

  /** Computed total for a source (null: all) in a column or a year group. */
  total(sheetId: Id, source: string | null, colId: Id): EngineValue {
    return this.gate.total(sheetId, source, colId);
  }

  /** The computed side of a sheet (checks, exports). */
  values(sheetId: Id): CheckValues {
    return this.gate.values(sheetId);
  }

  /** Computed value of a plain grid sheet's cell (0-based). */
  gridValue(gridId: Id, r: number, c: number): EngineValue {
    return this.gate.ensure().gridValue(gridId, r, c);
  }

  /** Raw content of an input cell (formula text or value). */
  raw(sheetId: Id, row: number, colId: Id): number | string | null {
    return this.gate.raw(sheetId, row, colId);
  }

  /** Where a sheet's rows and columns sit in the engine. */
  layout(sheetId: Id): SheetLayout {
    return this.gate.layout(sheetId);
  }
}
