/**
 * Prints, for every sheet of the MoF corpus read as the preview's first sheet, the import preview's
 * computed total (and the column it totals, or why there is none) beside the grand totals the
 * table states in that column.
 * Usage: npx tsx scripts/audit/preview-totals.ts [file-substring]
 */
import '../../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readFileSync, readdirSync } from 'node:fs';
import { previewColumn, previewTotals } from '../../src/app/previewTotals';
import { leaves } from '../../src/domain/columns';
import { readPlanFile } from '../../src/io/readPlan';

const filter = process.argv[2] ?? '';
for (const f of readdirSync('fixtures/mof').filter(
  (x) => x.endsWith('.xls') && x.includes(filter),
)) {
  const reading = readPlanFile(f, readFileSync(`fixtures/mof/${f}`));
  for (const s of reading.workbook.sheets) {
    const got = previewTotals({ ...reading.workbook, sheets: [s] });
    const main = previewColumn(s);
    const ids = !main
      ? []
      : main.rowTotal
        ? leaves(s.columns).flatMap((l) => (l.role === 'amount' ? [l.id] : []))
        : [main.id];
    const stated = s.rows
      .filter((r) => r.kind === 'total' && !r.totalSource && !r.part)
      .map((r) => {
        const v = ids.map((id) => r.cells[id]).filter((x): x is number => typeof x === 'number');
        return v.length ? String(Math.round(v.reduce((a, b) => a + b, 0) * 100) / 100) : '·';
      });
    const shown =
      got.total === null
        ? `none (${got.none}${got.stated === undefined ? '' : `, states ${got.stated}`})`
        : String(got.total);
    const col = got.column ? ` [${got.column.replace(/\s+/g, ' ').slice(0, 32)}]` : '';
    console.log(`${f} ${s.name}\tpreview ${shown}${col}\tstated ${stated.join(' / ') || '—'}`);
  }
}
