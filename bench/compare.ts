/** Comparing two revisions of a 10,000-project plan (Node; the same code runs in the page). */
import { compareWithTable } from '../src/domain/adjustment';
import { generatePlan, prng } from '../src/domain/generate';
import type { Workbook } from '../src/domain/types';
import { evaluatedSide } from '../src/engine/sides';

/** A revised copy: 1 % of the amounts changed, 50 projects removed, 50 added, 20 renamed. */
function revise(a: Workbook, freshIds: boolean): Workbook {
  const b = structuredClone(a);
  const rnd = prng(7);
  const rows = b.sheets[0].rows;
  const projects = rows.filter((r) => r.kind === 'project');
  for (const p of projects)
    for (const k of Object.keys(p.cells))
      if (k.startsWith('y') && rnd() < 0.01) p.cells[k] = Math.round(rnd() * 5000);
  for (let k = 0; k < 20; k++)
    projects[k * 97].cells.name = `${String(projects[k * 97].cells.name)} (điều chỉnh)`;
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
  if (freshIds) b.sheets[0].rows = rows.map((r) => ({ ...r, id: `b${r.id}` }));
  return b;
}

export function benchCompare(n = 10_000): string[] {
  const a = generatePlan({ projects: n });
  const out: string[] = [];
  for (const fresh of [false, true]) {
    const b = revise(a, fresh);
    const times: number[] = [];
    let summary = '';
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      const r = compareWithTable(evaluatedSide('a', a), evaluatedSide('b', b));
      times.push(performance.now() - t);
      const c = r.comparison;
      summary = `${c.matched.length} matched, ${c.added.length} added, ${c.removed.length} removed, ${c.changes.length} changed cells`;
    }
    times.sort((x, y) => x - y);
    out.push(
      `compare two ${n}-project revisions (${fresh ? 'a foreign file: matched by name and unit' : 'same workbook: matched by identity'}) + adjustment table: median ${times[2].toFixed(0)} ms of 5 (${summary})   [target ≤ 300 ms]`,
    );
  }
  return out;
}
