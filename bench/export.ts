/** Export of a 10,000-project plan to the submission .xlsx (Node; the same code runs in the page). */
import '../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { sheetFindings } from '../src/domain/checks';
import { generatePlan } from '../src/domain/generate';
import { PlanEngine } from '../src/engine/engine';
import { exportXlsx } from '../src/io/export/xlsx';
import { readPlanFile } from '../src/io/readPlan';
import { workbookXlsx } from '../src/app/exports';
import { WorkbookSession } from '../src/app/session';

export async function benchExport(n = 10_000): Promise<string[]> {
  const wb = generatePlan({ projects: n });
  const e = new PlanEngine();
  e.loadWorkbook(wb);
  const sh = wb.sheets[0];
  const times: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const out = await exportXlsx({
      workbook: wb,
      values: (id) => e.values(id),
      findings: sheetFindings(sh, wb.meta, e.values(sh.id)),
      rowNumber: (id) => String(id),
    });
    times.push(performance.now() - t);
    bytes = out.bytes;
  }
  // as the app does it: the views' sheets too (unit figures summed from the cells, year view built)
  const session = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
  const full: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    await workbookXlsx(session, 'vi');
    full.push(performance.now() - t);
  }
  full.sort((a, b) => a - b);
  const t = performance.now();
  const back = readPlanFile('plan.xlsx', bytes);
  const read = performance.now() - t;
  times.sort((a, b) => a - b);
  return [
    `export ${n} projects to .xlsx: median ${times[1].toFixed(0)} ms of 3 (${(bytes.length / 2 ** 20).toFixed(1)} MiB)   [target ≤ 2000 ms]`,
    `export as the app does (with the unit and year sheets): median ${full[1].toFixed(0)} ms of 3   [target ≤ 2000 ms]`,
    `read the exported file back: ${read.toFixed(0)} ms (${back.workbook.sheets[0].rows.length} rows)`,
  ];
}

/** Import of a 10,000-project .xlsx written by SheetJS (a foreign file: no Planbook sheet inside). */
export async function benchImport(n = 10_000): Promise<string[]> {
  const XLSX = await import('@e965/xlsx');
  const { leaves } = await import('../src/domain/columns');
  const wb = generatePlan({ projects: n });
  const ls = leaves(wb.sheets[0].columns).filter((l) => l.role !== 'rowTotal');
  const head1 = ls.map((l) =>
    l.role === 'amount' ? (l.source === 'ĐTPT' ? String(l.year) : '') : l.label,
  );
  const head2 = ls.map((l) => (l.role === 'amount' ? `Vốn ${l.source}` : ''));
  const body = wb.sheets[0].rows.map((r) =>
    ls.map((l) => (r.kind === 'section' && l.role === 'amount' ? '' : (r.cells[l.id] ?? ''))),
  );
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([['DANH MỤC DỰ ÁN'], ['ĐVT: triệu đồng'], head1, head2, ...body]),
    'Phụ lục',
  );
  const bytes = new Uint8Array(
    XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer,
  );
  const times: number[] = [];
  let projects = 0;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const r = readPlanFile('plan.xlsx', bytes);
    times.push(performance.now() - t);
    projects = r.workbook.sheets[0].rows.filter((x) => x.kind === 'project').length;
  }
  times.sort((a, b) => a - b);
  return [
    `import a ${n}-project .xlsx (${(bytes.length / 2 ** 20).toFixed(1)} MiB): median ${times[1].toFixed(0)} ms of 3, ${projects} projects read   [target ≤ 3000 ms]`,
  ];
}
