/**
 * Compares, sheet by sheet, how Planbook reads each corpus workbook and how it reads the same
 * workbook re-saved by LibreOffice (`.xlsx`, `.ods`, converted beforehand into a folder):
 * header band, columns, rows, figures, findings. Prints every difference.
 * Usage: npx tsx scripts/audit/convertSame.ts /tmp/h143-conv [file-substring]
 */
import '../../src/io/sheetJsEager';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { checkWorkbook } from '../../src/cli/check';
import { readPlanFile } from '../../src/io/readPlan';
import { digestDiff, readingDigest } from '../../tests/support/readingDigest';

const dir = process.argv[2] ?? '/tmp/h143-conv';
const filter = process.argv[3] ?? '';
let sheets = 0;
let differing = 0;
for (const f of readdirSync('fixtures/mof').filter(
  (x) => x.endsWith('.xls') && x.includes(filter),
)) {
  const base = digestOf(f, readFileSync(`fixtures/mof/${f}`));
  for (const ext of ['xlsx', 'ods']) {
    const p = `${dir}/${f.replace(/\.xls$/, `.${ext}`)}`;
    if (!existsSync(p)) continue;
    const other = digestOf(p, readFileSync(p));
    for (const [name, d] of base) {
      sheets++;
      const o = other.get(name);
      const diffs = o ? digestDiff(d, o).map((l) => `xls ${l}`) : ['sheet missing'];
      if (diffs.length) differing++;
      for (const l of diffs.slice(0, Number(process.env.SHOW ?? 12)))
        console.log(`${f} [${ext}] ${name}: ${l}`);
      if (diffs.length > Number(process.env.SHOW ?? 12))
        console.log(
          `${f} [${ext}] ${name}: … ${diffs.length - Number(process.env.SHOW ?? 12)} more`,
        );
    }
    for (const name of other.keys())
      if (!base.has(name)) console.log(`${f} [${ext}] ${name}: extra sheet`);
  }
}
console.log(`TOTAL ${differing} of ${sheets} sheet readings differ`);

function digestOf(file: string, bytes: Uint8Array): Map<string, string[]> {
  const reading = readPlanFile(file, bytes);
  const check = checkWorkbook(file, reading);
  return readingDigest(reading, check);
}
