/**
 * Checks on a 10,000-project plan (Node, after load): the full cross-check pass the app runs when a
 * workbook opens, the incremental pass after one edit, and the CLI's read + check of a 10,000-row
 * tab-separated file.
 */
import '../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { generatePlan } from '../src/domain/generate';
import { sheetFindings } from '../src/domain/checks';
import { setCells } from '../src/domain/ops';
import { PlanEngine } from '../src/engine/engine';
import { CheckStore } from '../src/app/checkStore';
import { diffWorkbooks } from '../src/domain/delta';
import { readPlanFile } from '../src/io/readPlan';
import { checkSheet } from '../src/cli/check';

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

export function benchChecks(n = 10_000): string[] {
  const wb = generatePlan({ projects: n });
  const sheet = wb.sheets[0];
  // every project states a total: make one in fifty disagree so findings are produced
  sheet.rows.forEach(
    (r, i) =>
      r.kind === 'project' && i % 50 === 0 && (r.cells.stated = Number(r.cells.stated ?? 0) + 7),
  );
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  const full: number[] = [];
  let found = 0;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    found = sheetFindings(sheet, wb.meta, engine.values(sheet.id)).length;
    full.push(performance.now() - t);
  }
  const store = new CheckStore();
  store.full(wb, engine);
  const inc: number[] = [];
  let s = sheet;
  let before = wb;
  for (let k = 0; k < 20; k++) {
    const row = s.rows.find((r, i) => r.kind === 'project' && i > k * 97)!;
    const ch = [{ rowId: row.id, colId: 'y2022_sn', value: 100 + k }];
    s = setCells(s, ch);
    const p = engine.setCells(s, ch);
    if (Array.isArray(p)) throw new Error('refused');
    // as the session does: the step's delta (the dispatcher's) carries the check context, then
    // the changed rows are checked again
    const after = { ...wb, sheets: [s] };
    const delta = diffWorkbooks(before, after);
    const t = performance.now();
    store.carry(before, after, delta);
    store.update(after, engine, [p], false);
    before = after;
    inc.push(performance.now() - t);
  }
  // the CLI path: a 10,000-row tab-separated appendix read, built and checked
  const cols = [
    'tt',
    'name',
    'lead',
    'coord',
    ...[2021, 2022, 2023, 2024, 2025].flatMap((y) => [`y${y}_dtpt`, `y${y}_sn`]),
    'stated',
  ];
  const lines = [
    'STT\tTên dự án\tĐơn vị thực hiện\tĐơn vị phối hợp\t2021\t\t2022\t\t2023\t\t2024\t\t2025\t\tTổng mức đầu tư',
    '\t\t\t\tVốn ĐTPT\tVốn SN\tVốn ĐTPT\tVốn SN\tVốn ĐTPT\tVốn SN\tVốn ĐTPT\tVốn SN\tVốn ĐTPT\tVốn SN\t',
  ];
  for (const r of sheet.rows)
    lines.push(
      cols
        .map((c) => (r.kind === 'section' && c.startsWith('y') ? '' : String(r.cells[c] ?? '')))
        .join('\t'),
    );
  const bytes = new TextEncoder().encode(lines.join('\n'));
  const t0 = performance.now();
  const reading = readPlanFile('plan.tsv', bytes);
  const t1 = performance.now();
  const cli = checkSheet('plan.tsv', reading, reading.workbook.sheets[0]);
  const t2 = performance.now();
  return [
    `checks, full pass over ${n} projects: median ${median(full).toFixed(1)} ms (${found} findings)   [target ≤ 200 ms]`,
    `checks, incremental after one edit: median ${median(inc).toFixed(2)} ms`,
    `CLI: read ${n}-project .tsv ${(t1 - t0).toFixed(0)} ms, engine build + check ${(t2 - t1).toFixed(0)} ms (${cli.findings.length} findings)`,
  ];
}
