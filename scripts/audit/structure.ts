/**
 * Prints, for every audited sheet, the structure the reader finds (sections stating figures, items,
 * totals, of-which rows, non-additive columns) beside the hand audit's, with the source rows where
 * they differ. Usage: npx tsx scripts/audit/structure.ts [file-substring] [--all]
 */
import '../../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readFileSync, readdirSync } from 'node:fs';
import { readPlanFile } from '../../src/io/readPlan';
import { tableStructure } from '../../src/domain/tableStructure';
import { isAdditive } from '../../src/domain/checkContext';
import { columnLetter, leaves } from '../../src/domain/columns';

const filter = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '';
const showAll = process.argv.includes('--all');
let same = 0;
let sheets = 0;
for (const f of readdirSync('fixtures/audits').filter((x) => x.endsWith('.json'))) {
  const audit = JSON.parse(readFileSync(`fixtures/audits/${f}`, 'utf8'));
  if (!audit.file.includes(filter)) continue;
  const reading = readPlanFile(audit.file, readFileSync(`fixtures/mof/${audit.file}`));
  for (const a of audit.sheets) {
    const s = reading.workbook.sheets.find((x) => x.name === a.sheet);
    if (!a.table || !s) continue;
    sheets++;
    const lines = reading.linesBySheet!.get(s.id)!;
    const st = tableStructure(s);
    const line = (i: number) => lines.get(s.rows[i].id)!;
    const sec = st.sections.map(line).sort((x, y) => x - y);
    const tot = st.totals.map(line).sort((x, y) => x - y);
    const items = st.items.map(line);
    const parts = st.parts
      .filter((i) => s.rows[i].part === 'ofWhich')
      .map(line)
      .sort((x, y) => x - y);
    const aParts: number[] = [...(a.ofWhich ?? [])].sort((x: number, y: number) => x - y);
    if (JSON.stringify(parts) !== JSON.stringify(aParts))
      console.log(`OFWHICH ${audit.file} ${a.sheet}: reader [${parts}] audit [${aParts}]`);
    const cols = reading.colOf!.get(s.id)!;
    for (const leaf of leaves(s.columns)) {
      if (!cols.has(leaf.id)) continue;
      const letter = columnLetter(cols.get(leaf.id)!);
      const role = a.columns?.[letter];
      if (role === undefined) continue;
      if ((role === 'amount') !== isAdditive(leaf))
        console.log(
          `COLUMN ${audit.file} ${a.sheet} ${letter}: audit ${role}, reader ${isAdditive(leaf) ? 'additive' : 'not added'} (${leaf.role})`,
        );
    }
    const read = new Set([...cols.values()].map((c) => columnLetter(c)));
    for (const [letter, role] of Object.entries(a.columns ?? {}))
      if ((role === 'amount' || role === 'ratio') && !read.has(letter))
        console.log(
          `COLUMN ${audit.file} ${a.sheet} ${letter}: audit ${role}, not read as a column`,
        );
    const derived = st.derived.map(line).sort((x, y) => x - y);
    if (
      JSON.stringify(derived) !==
      JSON.stringify([...(a.derived ?? [])].sort((x: number, y: number) => x - y))
    )
      console.log(
        `DERIVED ${audit.file} ${a.sheet}: reader [${derived}] audit [${a.derived ?? []}]`,
      );
    const aTot: number[] = [...(a.totals ?? [])].sort((x: number, y: number) => x - y);
    const aSec: number[] = [...(a.sections ?? [])].sort((x: number, y: number) => x - y);
    const ok =
      JSON.stringify(sec) === JSON.stringify(aSec) &&
      items.length === (a.items ?? 0) &&
      JSON.stringify(tot) === JSON.stringify(aTot);
    if (ok) same++;
    if (ok && !showAll) continue;
    console.log(
      `${ok ? 'same' : 'DIFF'} ${audit.file} ${a.sheet}: sections reader ${sec.length} audit ${aSec.length}; items reader ${items.length} audit ${a.items}; totals reader [${tot}] audit [${a.totals ?? []}]`,
    );
    const extra = sec.filter((x) => !aSec.includes(x));
    const missing = aSec.filter((x) => !sec.includes(x));
    if (extra.length) console.log(`    sections only the reader has: ${extra}`);
    if (missing.length) console.log(`    sections only the audit has: ${missing}`);
    if (items.length !== a.items) console.log(`    reader's items: ${items.join(' ')}`);
  }
}
console.log(`structure same on ${same} of ${sheets} sheets`);
