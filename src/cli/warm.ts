/**
 * Warming the engine and the cross-checks while a worker thread reads the input: a small generated
 * plan is built and checked on the main thread, so that the real build and check run on code the
 * JavaScript engine has already optimised (reading and warming overlap on two cores).
 */
import { sheetFindings } from '../domain/checks';
import { generatePlan } from '../domain/generate';
import { PlanEngine } from '../engine/engine';

/** Inputs smaller than this (bytes) are read too fast for warming to pay. */
export const WARM_FROM_BYTES = 256 * 1024;

/** Builds and checks a generated plan of `projects` projects, and drops it. */
export function warmUp(projects = 500): void {
  const wb = generatePlan({ projects });
  const sheet = wb.sheets[0];
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  sheetFindings(sheet, wb.meta, engine.values(sheet.id));
}
