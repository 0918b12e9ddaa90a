/**
 * Recall under hostile layouts: in each audited table one item figure is raised by a fifth, and the
 * planted sheet is read in every hostile layout variant (src/cli/audit/hostileLayouts.ts); prints,
 * per variant, how many planted errors the published layout finds and how many the variant finds
 * too (and each one lost).   npx tsx scripts/audit/layout-recall.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { checkWorkbook } from '../../src/cli/check';
import { readGrids } from '../../src/io/readPlan';
import { gridsFromWorkbook } from '../../src/io/sheets';
import { hostileVariants } from '../../src/cli/audit/hostileLayouts';
import { plantable } from '../../src/cli/audit/plantErrors';
import type { RawGrid } from '../../src/io/appendix/grid';
const errs = (n: string, g: RawGrid) =>
  checkWorkbook(n, readGrids(n, [g]))
    .sheets.flatMap((s) => s.findings)
    .filter((f) => f.severity === 'error').length;
const tally: Record<string, [number, number, number]> = {};
for (const f of readdirSync('fixtures/audits').filter((x) => x.endsWith('.json'))) {
  const audit = JSON.parse(readFileSync(`fixtures/audits/${f}`, 'utf8'));
  const grids = gridsFromWorkbook(readFileSync(`fixtures/mof/${audit.file}`));
  for (const a of audit.sheets) {
    const g = grids.find((x) => x.name === a.sheet);
    if (!a.table || !a.data || !a.columns || !g) continue;
    const { skip, cols } = plantable(a);
    let pick: [number, number] | null = null;
    for (let line = a.data.first + 1; line <= a.data.last && !pick; line++) {
      const r = g.lineOf.indexOf(line);
      if (skip.has(line) || r < 0) continue;
      for (const c of cols) {
        const v = g.rows[r]?.[c]?.value;
        if (typeof v === 'number' && Math.abs(v) >= 100) {
          pick = [r, c];
          break;
        }
      }
    }
    if (!pick) continue;
    const [r, c] = pick;
    const cell = g.rows[r][c];
    const v =
      (cell.value as number) + Math.max(Math.round(Math.abs(cell.value as number) * 0.2), 100);
    const rows = g.rows.slice();
    rows[r] = rows[r].slice();
    rows[r][c] = { ...cell, value: v, text: String(v) };
    const planted = { ...g, rows };
    const base = errs(a.sheet, g);
    const foundPub = errs(a.sheet, planted) > base;
    for (const [name, make] of Object.entries(hostileVariants)) {
      const bv = make(g, a);
      const pv = make(planted, a);
      if (!bv || !pv) continue;
      const found = errs(a.sheet, pv) > errs(a.sheet, bv);
      const t = (tally[name] ??= [0, 0, 0]);
      t[0]++;
      if (foundPub) t[1]++;
      if (foundPub && found) t[2]++;
      if (foundPub && !found) console.log('lost', audit.file, a.sheet, name);
    }
  }
}
for (const [n, t] of Object.entries(tally))
  console.log(
    `${n}: planted ${t[0]}, found on the published sheet ${t[1]}, found in the variant too ${t[2]}`,
  );
