/**
 * Consolidating 60 departments' submissions of 200 projects each (Node; the same code runs in the
 * page): each read workbook evaluated and checked (engine + checks, as an import), its columns
 * mapped, the whole consolidated with duplicates across units; then one unit's re-submission
 * compared with its last one, applied and the appendix consolidated again; proposals edited (the
 * engine recomputes subtotals and totals); and the export. Each consolidation includes building
 * the engine that holds the appendix's subtotals, totals and differences.
 */
import { consolidate, unitKey } from '../src/domain/consolidate';
import { formColumnsOf } from '../src/domain/consolidateColumns';
import {
  applyResubmission,
  diffSubmissions,
  requestedByProject,
} from '../src/domain/consolidateDiff';
import { formSectionsOf } from '../src/domain/consolidateSections';
import type { Consolidation, Submission } from '../src/domain/consolidateTypes';
import { generatePlan, prng } from '../src/domain/generate';
import type { Workbook } from '../src/domain/types';
import { exportConsolidationXlsx } from '../src/io/export/consolidationXlsx';
import { submissionFromReading } from '../src/io/submission';
import { PlanEngine } from '../src/engine/engine';
import { LiveConsolidation } from '../src/app/consolidationLive';

const UNITS = 60;
const PROJECTS = 200;
const VERBS = [
  'Xây dựng',
  'Nâng cấp',
  'Triển khai',
  'Mua sắm',
  'Duy trì',
  'Số hóa',
  'Thuê dịch vụ',
];
const THINGS = [
  'hệ thống quản lý văn bản',
  'cơ sở dữ liệu chuyên ngành',
  'mạng nội bộ',
  'phần mềm một cửa',
  'cổng thông tin',
  'trung tâm dữ liệu',
  'hệ thống giám sát an toàn thông tin',
  'thiết bị hội nghị trực tuyến',
  'kho lưu trữ điện tử',
  'chữ ký số',
];
/** Projects several units submit (the duplicates to flag). */
const SHARED = Array.from({ length: 40 }, (_, k) => `Dự án dùng chung của tỉnh số ${k + 1}`);

/** A unit's plan: 200 projects with varied names, three of them shared with other units. */
function unitPlan(u: number, seed = u): Workbook {
  const wb = generatePlan({ projects: PROJECTS, firstYear: 2026, years: 5, perSection: 20, seed });
  const rnd = prng(seed * 31 + 7);
  let k = 0;
  for (const r of wb.sheets[0].rows) {
    if (r.kind !== 'project') continue;
    const name =
      k < 3
        ? SHARED[(u * 3 + k) % SHARED.length]
        : `${VERBS[Math.floor(rnd() * VERBS.length)]} ${THINGS[Math.floor(rnd() * THINGS.length)]} đơn vị ${u} hạng mục ${k}`;
    r.cells.name = name;
    r.cells.lead = `Đơn vị ${u}`;
    k++;
  }
  return {
    ...wb,
    meta: { ...wb.meta, issuingBody: `UBND TỈNH X - SỞ SỐ ${u}`, unit: 'triệu đồng' },
  };
}

/** The submission of a workbook read from a file (engine and checks included). */
const engine = new PlanEngine();

function submit(wb: Workbook, u: number, at: number): Submission {
  return submissionFromReading(
    { workbook: wb, lineOf: new Map(), warnings: [], skipped: [] },
    {
      fileName: `don-vi-${u}.xlsx`,
      sha256: 'x'.repeat(64),
      size: 1,
      receivedAt: new Date(at).toISOString(),
    },
    undefined,
    engine,
  );
}

/** Wall-clock and CPU time of a step (the CPU time does not count waiting for a busy machine). */
function timer(): () => { wall: number; cpu: number } {
  const t = performance.now();
  const c = process.cpuUsage();
  return () => {
    const d = process.cpuUsage(c);
    return { wall: performance.now() - t, cpu: (d.user + d.system) / 1000 };
  };
}
const fmt = (x: { wall: number; cpu: number }) =>
  `${x.wall.toFixed(0)} ms (CPU ${x.cpu.toFixed(0)} ms)`;
const plus = (a: { wall: number; cpu: number }, b: { wall: number; cpu: number }) => ({
  wall: a.wall + b.wall,
  cpu: a.cpu + b.cpu,
});

export async function benchConsolidate(): Promise<string[]> {
  const plans = Array.from({ length: UNITS }, (_, u) => unitPlan(u + 1));
  let t = timer();
  const subs = plans.map((wb, u) => submit(wb, u + 1, Date.UTC(2025, 7, 1) + u * 60_000));
  const tRead = t();
  t = timer();
  const columns = formColumnsOf(subs.flatMap((s) => s.columns));
  let c: Consolidation = {
    id: 'bench',
    form: {
      title: 'Tổng hợp',
      unit: 'triệu đồng',
      columns,
      sections: formSectionsOf(subs.flatMap((s) => s.projects.map((p) => p.sections))),
      units: subs.map((s) => s.provenance.unit),
    },
    submissionIds: subs.map((s) => s.id),
    current: Object.fromEntries(subs.map((s) => [unitKey(s.provenance.unit), s.id])),
    mappings: {},
    proposed: {},
    resolutions: {},
    grouping: 'section',
    createdAt: 0,
    updatedAt: 0,
  };
  const all = new Map(subs.map((s) => [s.id, s]));
  const table = consolidate(c, all);
  const tLayout = t();
  const live = new LiveConsolidation();
  live.load(table);
  const tCons = t();

  // unit 30 sends a new file: 10 figures changed, 5 projects dropped, 5 added
  const v2 = unitPlan(30);
  const rows = v2.sheets[0].rows;
  const projects = rows.filter((r) => r.kind === 'project');
  for (let k = 0; k < 10; k++) projects[10 + k * 15].cells.y2027_dtpt = 1234 + k;
  for (let k = 0; k < 5; k++) rows.splice(rows.indexOf(projects[7 + k * 30]), 1);
  for (let k = 0; k < 5; k++)
    rows.splice(rows.indexOf(projects[20 + k * 30]), 0, {
      id: `n${k}`,
      kind: 'project',
      level: 2,
      cells: { name: `Dự án bổ sung ${k}`, lead: 'Đơn vị 30', y2026_sn: 100 },
    });
  const old = subs[29];
  t = timer();
  const next = submit(v2, 30, Date.UTC(2025, 8, 1));
  const tReread = t();
  t = timer();
  const diff = diffSubmissions(old, next, columns);
  c = applyResubmission(c, unitKey(old.provenance.unit), diff, {
    before: requestedByProject(old, columns),
    after: requestedByProject(next, columns),
  });
  c = { ...c, submissionIds: [...c.submissionIds, next.id] };
  all.set(next.id, next);
  const again = consolidate(c, all);
  live.load(again);
  const tApply = t();

  // the consolidator cuts proposals: each edit recomputes the subtotals and totals in the engine
  const projectRows = again.rows.filter((r) => r.kind === 'project');
  const edits: number[] = [];
  for (let k = 0; k < 40; k++) {
    const r = projectRows[(k * 293) % projectRows.length];
    const col = columns[k % columns.length].id;
    c = { ...c, proposed: { ...c.proposed, [r.key]: { [col]: 10 + k } } };
    const e = timer();
    live.patch(c, [{ key: r.key, column: col }]);
    void live.table!.grand.sums.proposed;
    edits.push(e().wall);
  }
  edits.sort((a, b) => a - b);
  live.destroy();

  t = timer();
  const x = await exportConsolidationXlsx({
    table: again,
    form: c.form,
    subtitle: '',
    submissions: [],
  });
  const tExport = t();
  const n = UNITS * PROJECTS;
  return [
    `consolidation: ${UNITS} submissions × ${PROJECTS} projects (${n} projects, ${columns.length} form columns, ${table.duplicates.length} duplicate pairs flagged)`,
    `  mapped and consolidated (duplicates included), engine built: ${fmt(tCons)} (target ≤ 3000 ms; of which the domain's layout ${fmt(tLayout)}); before that, each file evaluated and checked as an import (engine + checks): ${fmt(tRead)} for the 60`,
    `  one re-submission (${diff.changes.length} changed figures, ${diff.added.length} added, ${diff.removed.length} removed): compared, applied, consolidated again ${fmt(tApply)} (target ≤ 500 ms); with its evaluation and checks ${fmt(plus(tReread, tApply))}`,
    `  edit of a proposed amount → subtotals, totals, per-unit and per-section figures from the engine: median ${edits[20].toFixed(1)} ms, p95 ${edits[37].toFixed(1)} ms (40 edits)`,
    `  export of the consolidated appendix: ${fmt(tExport)}, ${(x.bytes.length / 1024).toFixed(0)} KiB`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`)
  void benchConsolidate().then((lines) => console.log(lines.join('\n')));
