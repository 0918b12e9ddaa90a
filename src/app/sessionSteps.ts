/**
 * The step listeners of a session, in their order: the save queue (the stored change recorded
 * ahead, then one IndexedDB transaction), the checks, the unit and year views; the UI hears a
 * step after them. A reload (another tab's newer workbook) starts the checks and views anew.
 */
import type { Id } from '../domain/types';
import type { PlanEngine } from '../engine/engine';
import type { SheetViews } from '../engine/sheetViews';
import type { CheckRunner } from './checkRunner';
import type { CheckStore } from './checkStore';
import type { Dispatcher } from './dispatcher';
import type { EngineGate } from './engineGate';
import type { SaveQueue } from './saveQueue';
import { storedChange } from './storedChange';
import { touchesUnits } from './viewSync';

/** What the listeners update. */
export interface StepParts {
  saves: SaveQueue;
  /** Row order keys by row id (storage's). */
  order: Map<Id, string>;
  checks: CheckStore;
  runner: CheckRunner;
  gate: EngineGate;
  engine: () => PlanEngine;
  views: SheetViews;
}

/** Adds the storage, checks and views listeners to the dispatcher, in that order. */
export function listenToSteps(dispatcher: Dispatcher, p: StepParts): void {
  dispatcher.use((e) => {
    if (e.kind !== 'reload') p.saves.push(storedChange(e.delta, e.after, p.order, e.before));
  });
  dispatcher.use((e) => {
    if (e.kind === 'reload') {
      return p.runner.once(); // (a pass under way in steps is dropped)
    }
    // before the build: no checks yet (the build runs them over the workbook as it is then)
    if (!p.gate.isReady) return;
    p.checks.carry(e.before, e.after, e.delta);
    p.checks.update(e.after, p.engine(), e.patches, !!e.delta.meta);
    // moved rows in a large workbook: the checks pass again in idle steps
    p.runner.follow();
  });
  dispatcher.use((e) => {
    if (e.kind === 'reload') return p.views.reset();
    // before the build no view is built (a view builds the engine first)
    if (!p.gate.isReady) return;
    const { stale } = p.views.afterStep((id) => touchesUnits(e.delta, e.after, id), e.before.meta);
    e.viewsStale = stale;
  });
}
