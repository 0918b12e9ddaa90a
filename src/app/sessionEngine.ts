/** How a workbook session builds its engine (the options of `WorkbookSession`'s constructor). */
import type { GateOptions } from './engineGate';

/** A deferred engine is built by then even if no grid asked for it (a view without one), in ms. */
export const ENGINE_FALLBACK_MS = 5000;

/** How a session builds its engine: at once (false), or after the grid is shown (`defer`). */
export type EngineOptions =
  | boolean
  | (GateOptions & {
      defer: boolean;
      /** Rows per step of the checks' first pass (tests take smaller steps). */
      checkRows?: number;
    });
