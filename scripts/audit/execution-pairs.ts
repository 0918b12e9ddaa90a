/**
 * Reads, pairs and records disbursement reports built from every audited table's plan and the
 * seed's (src/cli/audit/executionPairs.ts) and prints the defects per variation.
 *   npx tsx scripts/audit/execution-pairs.ts [table-substring] [--all]
 */
import { executionTables, reportDefects, VARIATIONS } from '../../src/cli/audit/executionPairs';

const filter = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '';
const KINDS = [
  'mispaired',
  'unpaired',
  'missed',
  'invented',
  'noise',
  'wrongRates',
  'flagged',
  'unitNotes',
] as const;
type Row = Record<(typeof KINDS)[number] | 'reports' | 'lines', number>;
const zero = (): Row => ({
  reports: 0,
  lines: 0,
  mispaired: 0,
  unpaired: 0,
  missed: 0,
  invented: 0,
  noise: 0,
  wrongRates: 0,
  flagged: 0,
  unitNotes: 0,
});
const byVariation = new Map<string, Row>(VARIATIONS.map(([v]) => [v, zero()]));
const total = zero();
for (const t of executionTables().filter((x) => x.table.includes(filter)))
  for (const [v] of VARIATIONS) {
    const d = reportDefects(t, v);
    const row = byVariation.get(v)!;
    for (const r of [row, total]) {
      r.reports++;
      r.lines += d.lines;
      for (const k of KINDS) r[k] += d[k].length;
    }
    const bad = KINDS.filter((k) => k !== 'flagged' && k !== 'unitNotes' && d[k].length);
    if (bad.length || process.argv.includes('--all'))
      console.log(
        `${t.table} [${v}] ${d.lines} lines:`,
        ...KINDS.filter((k) => d[k].length).map(
          (k) => `\n  ${k} ${d[k].length}: ${d[k].slice(0, 3).join(' | ')}`,
        ),
      );
  }
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(
  `\n${'variation'.padEnd(34)}${KINDS.map((k) => pad(k, 11)).join('')}${pad('reports', 9)}${pad('lines', 8)}`,
);
for (const [v, r] of [...byVariation, ['TOTAL', total] as [string, Row]])
  console.log(
    `${v.padEnd(34)}${KINDS.map((k) => pad(r[k], 11)).join('')}${pad(r.reports, 9)}${pad(r.lines, 8)}`,
  );
console.log(JSON.stringify(total));
