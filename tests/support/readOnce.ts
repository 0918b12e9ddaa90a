/**
 * Reads one file as any Node caller of the io layer does (SheetJS provided statically, no CLI set-up),
 * prints the refusal's reason and message, exits 2 when refused, 0 when read.
 */
import { readFileSync } from 'node:fs';
import '../../src/io/sheetJsEager';
import { PlanReadError, readPlanFile } from '../../src/io/readPlan';

const file = process.argv[2];
try {
  readPlanFile(file, new Uint8Array(readFileSync(file)));
  console.log('read');
} catch (e) {
  console.log(e instanceof PlanReadError ? `${e.reason}: ${e.message}` : String(e));
  process.exitCode = 2;
}
