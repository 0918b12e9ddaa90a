/**
 * Comparing two revisions of a 10,000-project plan (Node; the same code runs in the page): the
 * comparison and its adjustment table as the view opens it (columns and totals; rows built as the
 * grid shows them), then every row built, as an export reads them.
 */
import '../src/io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import {
  type ComparisonResult,
  compareWithTable,
  compareWithTableSteps,
} from '../src/domain/adjustment';
import { leaves } from '../src/domain/columns';
import { generatePlan, prng } from '../src/domain/generate';
import type { Workbook } from '../src/domain/types';
import { evaluatedSide } from '../src/engine/sides';
import { readPlanFile } from '../src/io/readPlan';

/**
 * A revised copy: 1 % of the amounts changed, 50 projects removed, 50 added, 20 renamed; with
 * `reworked`, as another hand would send it: 30 names abbreviated, 30 projects moved to another
 * section, the rows of every tenth section in reverse order.
 */
export function revise(a: Workbook, freshIds: boolean, reworked = false): Workbook {
  const b = structuredClone(a);
  const rnd = prng(7);
  const rows = b.sheets[0].rows;
  const projects = rows.filter((r) => r.kind === 'project');
  for (const p of projects)
    for (const k of Object.keys(p.cells))
      if (k.startsWith('y') && rnd() < 0.01) p.cells[k] = Math.round(rnd() * 5000);
  for (let k = 0; k < 20; k++)
    projects[k * 97].cells.name = `${String(projects[k * 97].cells.name)} (điều chỉnh)`;
  if (reworked) {
    for (let k = 0; k < 30; k++) {
      const p = projects[k * 131 + 3];
      p.cells.name = String(p.cells.name).replace('Dự án số', 'DA số');
      p.cells.lead = String(p.cells.lead).replace('Sở TT và TT', 'Sở Thông tin và Truyền thông');
    }
    for (let k = 0; k < 30; k++) {
      const p = projects[k * 277 + 11];
      rows.splice(rows.indexOf(p), 1);
      rows.splice(rows.indexOf(projects[(k * 277 + 5011) % projects.length]), 0, p);
    }
  }
  for (let k = 0; k < 50; k++) rows.splice(rows.indexOf(projects[k * 150 + 7]), 1);
  for (let k = 0; k < 50; k++) {
    const at = rows.indexOf(projects[k * 150 + 70]);
    rows.splice(at, 0, {
      id: `new${k}`,
      kind: 'project',
      level: rows[at].level,
      cells: { name: `Dự án mới ${k}`, y2021_dtpt: 1000 },
    });
  }
  if (reworked)
    for (let s = 0, start = -1; s < rows.length; s++) {
      if (rows[s].kind !== 'project') start = s;
      else if (start % 10 === 0 && (s + 1 === rows.length || rows[s + 1].kind !== 'project'))
        rows.splice(start + 1, s - start, ...rows.slice(start + 1, s + 1).reverse());
    }
  if (freshIds) b.sheets[0].rows = rows.map((r) => ({ ...r, id: `b${r.id}` }));
  return b;
}

/** The plan as a department's tab-separated table: 3 header lines, then one line per row. */
export function asTable(wb: Workbook): Uint8Array {
  const sheet = wb.sheets[0];
  const ls = leaves(sheet.columns).filter((l) => l.role !== 'rowTotal');
  const head = [
    ls.map((l) => (l.role === 'amount' ? 'Nhu cầu vốn' : l.label)),
    ls.map((l) => (l.role === 'amount' ? String(l.year) : '')),
    ls.map((l) => (l.role === 'amount' ? `Vốn ${l.source}` : '')),
  ];
  const lines = sheet.rows.map((r) =>
    ls.map((l) => {
      const v = r.cells[l.id];
      return v === null || v === undefined ? '' : String(v).replace(/[\t\n]/g, ' ');
    }),
  );
  return new TextEncoder().encode([...head, ...lines].map((x) => x.join('\t')).join('\n'));
}

/**
 * Median wall time of n runs, and the median CPU time of this process (the machine is shared);
 * also the CPU time of the first run (what is kept for the next comparison is made then).
 */
function median(run: () => void, n = 5): { wall: number; cpu: number; text: string } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < n; k++) {
    const c = process.cpuUsage();
    const t = performance.now();
    run();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const first = cpu[0].toFixed(0);
  const mid = (xs: number[]) => xs.slice().sort((x, y) => x - y)[Math.floor(n / 2)];
  const r = { wall: mid(wall), cpu: mid(cpu) };
  return {
    ...r,
    text: `median ${r.wall.toFixed(0)} ms (CPU ${r.cpu.toFixed(0)} ms) of ${n}, the first CPU ${first} ms`,
  };
}

/** CPU time of building every row of a comparison's adjustment table (as an export does). */
function allRows(r: ComparisonResult): string {
  const c = process.cpuUsage();
  const n = r.table.rows.length;
  const u = process.cpuUsage(c);
  return `every one of its ${n} rows built: CPU ${((u.user + u.system) / 1000).toFixed(0)} ms more`;
}

/** The pair read from files (for profiling). */
export function filePair(n = 10_000): [Workbook, Workbook] {
  const a = generatePlan({ projects: n });
  return [
    readPlanFile('a.tsv', asTable(a)).workbook,
    readPlanFile('b.tsv', asTable(revise(a, true, true))).workbook,
  ];
}

export function benchCompare(n = 10_000): string[] {
  const a = generatePlan({ projects: n });
  const out: string[] = [];
  for (const fresh of [false, true]) {
    const b = revise(a, fresh);
    let summary = '';
    let r: ComparisonResult | undefined;
    const t = median(() => {
      r = compareWithTable(
        evaluatedSide('a', a, 'w'),
        evaluatedSide('b', b, fresh ? undefined : 'w'),
      );
      const c = r.comparison;
      summary = `${c.matched.length} matched, ${c.added.length} added, ${c.removed.length} removed, ${c.changes.length} changed cells`;
    });
    out.push(
      `compare two ${n}-project revisions (${fresh ? 'another workbook: matched by name, unit, section' : 'same workbook: matched by identity'}) + adjustment table: ${t.text} (${summary}; ${allRows(r!)})   [target ≤ 300 ms]`,
    );
  }
  // a pair read from files, as `planbook compare a.tsv b.tsv` does: ids numbered by the reader
  const bytesA = asTable(a);
  const bytesB = asTable(revise(a, true, true));
  let ra = readPlanFile('a.tsv', bytesA);
  let rb = readPlanFile('b.tsv', bytesB);
  const read = median(() => {
    ra = readPlanFile('a.tsv', bytesA);
    rb = readPlanFile('b.tsv', bytesB);
  }, 3);
  let summary = '';
  let r: ComparisonResult | undefined;
  const t = median(() => {
    r = compareWithTable(evaluatedSide('a.tsv', ra.workbook), evaluatedSide('b.tsv', rb.workbook));
    const c = r.comparison;
    const doubtful = c.matched.filter((m) => m.doubtful).length;
    summary = `${c.matched.length} matched (${c.matched.filter((m) => m.renamed).length} renamed, ${c.matched.filter((m) => m.moved).length} moved, ${doubtful} to confirm), ${c.added.length} added, ${c.removed.length} removed, ${c.changes.length} changed cells`;
  });
  out.push(
    `compare a ${n}-project pair read from files (reading both: ${read.wall.toFixed(0)} ms) + adjustment table: ${t.text} (${summary}; ${allRows(r!)})   [target ≤ 300 ms]`,
  );
  return out;
}

/** CPU time (ms) of this process so far. */
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * The first comparison of two versions (nothing kept from an earlier one) as the app runs it: in
 * pieces, one turn of the page until a 10 ms deadline; the longest turn's CPU time, the total,
 * and how many turns (the old path: one turn of the whole total).
 */
export function benchFirstInPieces(n = 100_000): string[] {
  const out: string[] = [];
  for (const fresh of [false, true]) {
    // new plans each time: nothing kept from an earlier comparison
    const a = generatePlan({ projects: n });
    const b = revise(a, fresh);
    const steps = compareWithTableSteps(
      evaluatedSide('a', a, 'w'),
      evaluatedSide('b', b, fresh ? undefined : 'w'),
    );
    let longest = 0;
    let turns = 0;
    let over = 0;
    const start = cpuNow();
    for (let done = false; !done; turns++) {
      const c = cpuNow();
      const deadline = performance.now() + 10;
      do done = !!steps.next().done;
      while (!done && performance.now() < deadline);
      const took = cpuNow() - c;
      longest = Math.max(longest, took);
      if (took > 50) over++;
    }
    out.push(
      `first compare of two ${n}-project versions in pieces (${fresh ? 'matched by name' : 'by identity'}): longest turn CPU ${longest.toFixed(0)} ms, total CPU ${(cpuNow() - start).toFixed(0)} ms in ${turns} turns (${over} over 50 ms)   [target: no turn > 50 ms]`,
    );
  }
  return out;
}

if (process.argv[1]?.endsWith('bench/compare.ts')) {
  const n = Number(process.argv[2]) || 10_000;
  const lines = process.env.BENCH_FIRST ? benchFirstInPieces(n) : benchCompare(n);
  for (const line of lines) console.log(line);
}
