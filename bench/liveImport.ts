/**
 * CPU time of live totals at import (`withLiveTotals`) on generated plans whose sections state
 * the sums of their rows (as a file read): the step a confirmed import adds before storing.
 *   node --import tsx bench/liveImport.ts
 */
import { withLiveTotals } from '../src/app/liveImport';
import { sheetContext } from '../src/domain/checkContext';
import { generatePlan } from '../src/domain/generate';
import type { Workbook } from '../src/domain/types';
import { PlainValues } from '../src/engine/plainValues';

/** The plan with every section stating its sums (one in ten of them off by 7: an error kept). */
function stated(wb: Workbook): Workbook {
  const sheet = wb.sheets[0];
  const v = PlainValues.of(sheet)!.values();
  const cols = sheetContext(sheet).additive.filter((l) => l.role !== 'rowTotal');
  let k = 0;
  const rows = sheet.rows.map((r, i) => {
    if (r.kind === 'project') return r;
    const cells = { ...r.cells };
    for (const l of cols) {
      const x = v.value(i, l.id);
      if (typeof x === 'number') cells[l.id] = x + (k++ % 10 === 0 ? 7 : 0);
    }
    return { ...r, cells };
  });
  return { ...wb, sheets: [{ ...sheet, rows }] };
}

for (const projects of [1000, 10000, 50000]) {
  const wb = stated(generatePlan({ projects, seed: 1 }));
  const t0 = process.cpuUsage();
  const live = withLiveTotals(wb);
  const t = process.cpuUsage(t0);
  const count = (w: Workbook) =>
    w.sheets[0].rows.reduce(
      (n, r) =>
        n +
        (r.kind === 'project'
          ? 0
          : Object.values(r.cells).filter((x) => typeof x === 'number').length),
      0,
    );
  console.log(
    `${projects} projects: ${((t.user + t.system) / 1000).toFixed(0)} ms CPU; stated figures ${count(wb)} → ${count(live)}`,
  );
}
