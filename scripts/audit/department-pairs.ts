/**
 * Compares every audited table (and the seed's appendix) with copies edited as departments do
 * (src/cli/audit/departmentPairs.ts) and prints the pairing and change defects.
 *   npx tsx scripts/audit/department-pairs.ts [table-substring] [--all] [--limits]
 */
import {
  departmentTables,
  READING_LIMITS,
  tableDefects,
} from '../../src/cli/audit/departmentPairs';

const filter = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '';
const limits = { comparisons: 0, defects: 0 };
const totals = { comparisons: 0, projects: 0, mispaired: 0, unpaired: 0, missed: 0, invented: 0 };
for (const { table, grid } of departmentTables().filter((t) => t.table.includes(filter)))
  for (const d of tableDefects(table, grid)) {
    const bad = d.mispaired.length + d.unpaired.length + d.missed.length + d.invented.length;
    if (READING_LIMITS.has(d.edit)) {
      limits.comparisons++;
      limits.defects += bad ? 1 : 0;
      if (!process.argv.includes('--limits')) continue;
    }
    totals.comparisons++;
    totals.projects += d.projects;
    totals.mispaired += d.mispaired.length;
    totals.unpaired += d.unpaired.length;
    totals.missed += d.missed.length;
    totals.invented += d.invented.length;
    if (bad || process.argv.includes('--all'))
      console.log(
        `${table} [${d.edit}] ${d.projects} projects:`,
        ...[
          ['mispaired', d.mispaired],
          ['unpaired', d.unpaired],
          ['missed', d.missed],
          ['invented', d.invented],
        ]
          .filter(([, xs]) => xs.length)
          .map(([k, xs]) => `\n  ${k} ${xs.length}: ${(xs as string[]).slice(0, 4).join(' | ')}`),
      );
  }
console.log(JSON.stringify(totals));
if (READING_LIMITS.size)
  console.log(
    `reading limits (${[...READING_LIMITS].join(', ')}; --limits shows them): ${limits.defects} of ${limits.comparisons} comparisons wrong`,
  );
