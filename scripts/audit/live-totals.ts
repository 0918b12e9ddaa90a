/**
 * Live totals over the corpus (h157): for every sheet of fixtures/mof and fixtures/provincial, how
 * many figures its sections and total rows state, how many become live totals at import (they
 * agree with their rows) and how many stay stated; and whether the findings stay the same (errors
 * exactly; warnings may only go, a rounding-only figure following its rows).
 * Usage: npx tsx scripts/audit/live-totals.ts
 */
import '../../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readFileSync, readdirSync } from 'node:fs';
import { withLiveTotals } from '../../src/app/liveImport';
import { checkWorkbook } from '../../src/cli/check';
import { statedCells } from '../../src/domain/liveTotals';
import { readPlanFile } from '../../src/io/readPlan';

const files = ['fixtures/mof', 'fixtures/provincial'].flatMap((d) =>
  readdirSync(d)
    .filter((x) => /\.(xlsx?|ods)$/i.test(x))
    .map((x) => `${d}/${x}`),
);
let stated = 0;
let live = 0;
let errorsBefore = 0;
let errorsSame = 0;
let warnBefore = 0;
let warnAfter = 0;
let newFindings = 0;
for (const path of files) {
  let reading;
  try {
    reading = readPlanFile(path, readFileSync(path));
  } catch {
    continue;
  }
  const wb = withLiveTotals(reading.workbook);
  const before = checkWorkbook(path, reading);
  const after = checkWorkbook(path, { ...reading, workbook: wb });
  reading.workbook.sheets.forEach((s, k) => {
    const n = statedCells(s).length;
    const m = n - statedCells(wb.sheets[k]).length;
    stated += n;
    live += m;
    const key = (f: {
      rule: string;
      cell?: string | null;
      severity: string;
      row?: number | null;
    }) => `${f.rule}|${f.cell ?? f.row}|${f.severity}`;
    const b = before.sheets[k]?.findings ?? [];
    const a = after.sheets[k]?.findings ?? [];
    const eb = b.filter((f) => f.severity === 'error').map(key);
    const ea = new Set(a.filter((f) => f.severity === 'error').map(key));
    errorsBefore += eb.length;
    errorsSame += eb.filter((x) => ea.has(x)).length;
    for (const x of eb.filter((y) => !ea.has(y))) console.log(`lost: ${path} ${s.name} ${x}`);
    warnBefore += b.length - eb.length;
    warnAfter += a.length - ea.size;
    const was = new Set(b.map(key));
    const fresh = a.filter((f) => !was.has(key(f)));
    newFindings += fresh.length;
    for (const f of fresh) console.log(`new: ${path} ${s.name} ${key(f)}`);
    if (n) console.log(`${path} ${s.name}: stated ${n}, live ${m}, kept ${n - m}`);
  });
}
console.log(
  `TOTAL stated figures ${stated}: live ${live}, kept stated ${stated - live}; errors ${errorsBefore} before, ${errorsSame} of them after, ${newFindings} new findings; warnings ${warnBefore} → ${warnAfter}`,
);
