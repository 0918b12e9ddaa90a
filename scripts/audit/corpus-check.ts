/**
 * Prints, for every sheet of the corpus, how it was read and the error findings with their source
 * cells, compared with the hand audits in fixtures/audits when present.
 * Usage: npx tsx scripts/audit/corpus-check.ts [file-substring] [--all]
 */
import '../../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { checkWorkbook } from '../../src/cli/check';
import { readPlanFile } from '../../src/io/readPlan';

const filter = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '';
const showAll = process.argv.includes('--all');
let falseAlarms = 0;
let found = 0;
let real = 0;
for (const f of readdirSync('fixtures/mof').filter(
  (x) => x.endsWith('.xls') && x.includes(filter),
)) {
  const reading = readPlanFile(f, readFileSync(`fixtures/mof/${f}`));
  const auditPath = `fixtures/audits/${f.replace(/\.xls$/, '.json')}`;
  const audit = existsSync(auditPath) ? JSON.parse(readFileSync(auditPath, 'utf8')) : null;
  const result = checkWorkbook(f, reading);
  for (const s of result.sheets) {
    const a = audit?.sheets.find((x: { sheet: string }) => x.sheet === s.sheet);
    const ok = new Set<string>();
    for (const d of a?.realDifferences ?? [])
      for (const c of [d.cell, ...(d.alsoAt ?? [])]) ok.add(c);
    const errs = s.findings.filter((x) => x.severity === 'error');
    const fa = a ? errs.filter((e) => !ok.has(e.cell ?? '')) : [];
    const hit = (a?.realDifferences ?? []).filter((d: { cell: string; alsoAt?: string[] }) =>
      errs.some((e) => [d.cell, ...(d.alsoAt ?? [])].includes(e.cell ?? '')),
    );
    falseAlarms += fa.length;
    found += hit.length;
    real += a?.realDifferences?.length ?? 0;
    const st = a
      ? ` audit: sec ${a.sections?.length ?? '-'} items ${a.items ?? '-'} tot ${a.totals?.length ?? '-'} real ${a.realDifferences?.length ?? 0}`
      : '';
    console.log(
      `${f} ${s.sheet}: sec ${s.plan.sections} items ${s.plan.projects} tot ${s.plan.totals}; errors ${errs.length} warn ${s.findings.length - errs.length}${a ? ` FA ${fa.length} found ${hit.length}/${a.realDifferences?.length ?? 0}` : ''}${st}`,
    );
    for (const e of showAll ? errs : fa.slice(0, 6))
      console.log(`    ${e.cell} ${e.rule}: ${e.message}`);
  }
  for (const g of reading.skipped) console.log(`${f} ${g}: (plain grid)`);
}
console.log(`TOTAL false alarms ${falseAlarms}, real differences found ${found} of ${real}`);
