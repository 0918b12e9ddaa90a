/**
 * Import preview totals (#20), old (a whole PlanEngine built) vs new (PlainValues, no engine), A/B
 * alternated in one process: CPU ms of previewTotals on a read generated plan of 10k and 100k
 * projects. Run: node --import tsx bench/previewTotals.ts [rounds]
 */
import { loadavg } from 'node:os';
import { readPlanFile } from '../src/io/readPlan';
import { previewTotals } from '../src/app/previewTotals';
import { previewTotals as before } from '../tests/support/previewTotalsBefore';
import { planXlsx } from './planXlsx';

const rounds = Number(process.argv[2] ?? 2);
const cpuMs = (f: () => unknown): [number, unknown] => {
  const t = process.cpuUsage();
  const out = f();
  const d = process.cpuUsage(t);
  return [(d.user + d.system) / 1000, out];
};

for (const projects of [10_000, 100_000]) {
  const wb = readPlanFile('plan.xlsx', planXlsx({ projects, findings: 'few' })).workbook;
  const times: Record<'old' | 'new', number[]> = { old: [], new: [] };
  for (let r = 0; r < rounds; r++)
    for (const [name, f] of [
      ['old', before],
      ['new', previewTotals],
    ] as const) {
      const [ms, out] = cpuMs(() => f(wb));
      times[name].push(ms);
      if (r === 0) console.log(`${projects} ${name}`, JSON.stringify(out));
    }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `${projects} projects: old ${med(times.old).toFixed(0)} ms CPU, new ${med(times.new).toFixed(0)} ms CPU` +
      ` (rounds ${rounds}; load ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')})`,
  );
}
