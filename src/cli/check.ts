/**
 * `planbook check` in one call: the cross-checks of a read plan, from values computed without the
 * engine when every sheet allows it (plainValues.ts: the same figures), else from a PlanEngine.
 */
import type { AppendixSheet } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import type { PlanReading } from '../io/readPlan';
import {
  type CheckJson,
  sheetCheck,
  type SheetValues,
  type WorkbookCheckJson,
  workbookCheck,
} from './checkJson';
import { plainValuesOf } from './plainCheck';

export * from './checkJson';

/** The values of every sheet of a workbook from an engine that holds it. */
export function engineValues(engine: PlanEngine): (sheet: AppendixSheet) => SheetValues {
  return (sheet) => ({
    values: engine.values(sheet.id),
    total: (s, c) => engine.total(sheet.id, s, c),
  });
}

/** The values of every sheet: computed without the engine when all allow it, else by one engine build. */
export function valuesFor(reading: PlanReading): (sheet: AppendixSheet) => SheetValues {
  const plain = plainValuesOf(reading.workbook.sheets);
  if (plain) return plain;
  const engine = new PlanEngine();
  engine.loadWorkbook(reading.workbook);
  return engineValues(engine);
}

/** The check result of one sheet of a read plan (`engine` already holds the workbook). */
export function checkSheet(
  file: string,
  reading: PlanReading,
  sheet: AppendixSheet,
  engine?: PlanEngine,
): CheckJson {
  const of = engine ? engineValues(engine) : valuesFor(reading);
  return sheetCheck(file, reading, sheet, of(sheet));
}

/** Checks every appendix sheet of a read file (one engine build for all of them, when one is needed). */
export function checkWorkbook(file: string, reading: PlanReading): WorkbookCheckJson {
  return workbookCheck(file, reading, valuesFor(reading));
}
