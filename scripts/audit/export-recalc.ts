/**
 * Exports each file given (read as the app reads it), has LibreOffice recalculate the export, and
 * prints every formula cell of its appendices whose recalculated value is not Planbook's.
 * Usage: node --import tsx scripts/audit/export-recalc.ts fixtures/mof/*.xls
 */
import '../../src/io/sheetJsEager';
import { readFileSync } from 'node:fs';
import { readPlanFile } from '../../src/io/readPlan';
import { recalcMismatches } from '../../tests/support/recalcCheck';

let bad = 0;
for (const f of process.argv.slice(2)) {
  const wb = readPlanFile(f, readFileSync(f)).workbook;
  const r = await recalcMismatches(wb);
  bad += r.mismatches.length;
  console.log(`${f}: ${r.checked} formula cells, ${r.mismatches.length} differ`);
  for (const m of r.mismatches) console.log(`    ${JSON.stringify(m)}`);
}
process.exitCode = bad ? 1 : 0;
