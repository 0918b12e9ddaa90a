/** `planbook export`: a plan file to the submission .xlsx the app writes. */
import { writeFileSync } from 'node:fs';
import { sheetFindings } from '../domain/checks';
import { PlanEngine } from '../engine/engine';
import { exportXlsx } from '../io/export/xlsx';
import type { PlanReading } from '../io/readPlan';

/** Writes `out`; resolves with the number of sheets written. */
export async function exportPlan(reading: PlanReading, out: string): Promise<number> {
  const wb = reading.workbook;
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  const first = wb.sheets[0];
  const result = await exportXlsx({
    workbook: wb,
    values: (id) => engine.values(id),
    findings: sheetFindings(first, wb.meta, engine.values(first.id)),
    rowNumber: (id) =>
      id === null
        ? ''
        : String(reading.lineOf.get(id) ?? first.rows.findIndex((r) => r.id === id) + 1),
  });
  writeFileSync(out, result.bytes);
  return result.names.length;
}
