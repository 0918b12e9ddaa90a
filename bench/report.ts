/** The closing lines of the bench: how each figure grows with size, and the goals met or not. */
import type { AppFigures } from './app';
import type { PanelFigures } from './checksPanel';
import type { SideFigures } from './side';

type Figure = [
  label: string,
  unit: 'ms' | 'MiB',
  (s?: SideFigures, a?: AppFigures) => number | undefined,
];

const FIGURES: Figure[] = [
  ['CLI check, few findings', 'ms', (s) => s?.cli.few.ms],
  ['CLI check, thousands of findings', 'ms', (s) => s?.cli.many.ms],
  ['CLI check peak memory', 'MiB', (s) => s?.cli.many.peakMiB],
  ['LibreOffice open+recalc+save', 'ms', (s) => s?.lo.few.ms],
  ['LibreOffice peak memory', 'MiB', (s) => s?.lo.few.peakMiB],
  ['import (app worker; BENCH_APP=0: reader)', 'ms', (s) => s?.importMs],
  ['LibreOffice open (no start-up)', 'ms', (s) => s?.phases?.open],
  ['export (app)', 'ms', (s) => s?.exportMs],
  ['LibreOffice save (no start-up)', 'ms', (s) => s?.phases?.save],
  ['app open (click)', 'ms', (_, a) => a?.openClick],
  ['app edit → totals p95', 'ms', (_, a) => a?.editP95],
  ['app paste 1,000 × 10', 'ms', (_, a) => a?.pasteOver],
  ['app heap', 'MiB', (_, a) => a?.heapMiB],
];

const fmt = (v: number | undefined, unit: string) =>
  v === undefined || v < 0
    ? '—'
    : unit === 'ms' && v >= 1000
      ? `${(v / 1000).toFixed(2)} s`
      : `${v.toFixed(0)} ${unit}`;

/** A table: one line per figure, one column per size, and the growth exponent (1 = linear). */
export function growthLines(
  sizes: number[],
  side: Map<number, SideFigures>,
  app: Map<number, AppFigures>,
): string[] {
  const head = `${'figure'.padEnd(34)}${sizes.map((n) => n.toLocaleString('en').padStart(12)).join('')}   growth`;
  const out = [
    'How each figure grows with size (growth: exponent k of size^k between the smallest and largest size; 1 = linear):',
    head,
  ];
  for (const [label, unit, get] of FIGURES) {
    const vs = sizes.map((n) => get(side.get(n), app.get(n)));
    if (vs.every((v) => v === undefined)) continue;
    const [a, b] = [vs[0], vs[vs.length - 1]];
    const k =
      sizes.length > 1 && a && b && a > 0 && b > 0
        ? (Math.log(b / a) / Math.log(sizes[sizes.length - 1] / sizes[0])).toFixed(2)
        : '—';
    out.push(`${label.padEnd(34)}${vs.map((v) => fmt(v, unit).padStart(12)).join('')}   ${k}`);
  }
  return out;
}

function goal(ok: boolean | undefined, text: string): string {
  return `${ok === undefined ? '·' : ok ? '✓' : '✗'} ${text}`;
}

/** The goals with the measured figure; ✓ met, ✗ not met, · not measured in this run. */
export function goalLines(
  side: Map<number, SideFigures>,
  app: Map<number, AppFigures>,
  panel: PanelFigures | null,
): string[] {
  const s10 = side.get(10_000);
  const a10 = app.get(10_000);
  const s100 = side.get(100_000);
  const a100 = app.get(100_000);
  const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const out = ['Goals:'];
  if (s10) {
    for (const k of ['few', 'many'] as const)
      out.push(
        goal(
          s10.cli[k].ms <= 0.5 * s10.lo[k].ms,
          `10,000 (${k} findings): CLI check ${r(s10.cli[k].ms, s10.lo[k].ms)} LibreOffice's open+recalc+save (≤ 0.5×)`,
        ),
        goal(
          s10.cli[k].peakMiB <= s10.lo[k].peakMiB,
          `10,000 (${k} findings): CLI peak memory ${s10.cli[k].peakMiB.toFixed(0)} MiB vs LibreOffice ${s10.lo[k].peakMiB.toFixed(0)} MiB (≤)`,
        ),
      );
    const p = s10.phases;
    out.push(
      goal(
        p ? s10.exportMs <= 0.5 * p.save : undefined,
        `10,000: export ${p ? r(s10.exportMs, p.save) : '?'} LibreOffice's save (≤ 0.5×)`,
      ),
    );
  }
  if (a10)
    out.push(
      goal(a10.editP95 <= 16, `10,000: edit → totals p95 ${a10.editP95.toFixed(1)} ms (≤ 16 ms)`),
      goal(a10.openClick <= 1000, `10,000: open ${a10.openClick.toFixed(0)} ms (≤ 1 s)`),
      goal(
        a10.pasteOver >= 0 && a10.pasteOver <= 150,
        `10,000: paste 1,000 × 10 ${a10.pasteOver.toFixed(0)} ms (≤ 150 ms)`,
      ),
    );
  const p100 = s100?.phases;
  if (s100)
    out.push(
      goal(
        p100 ? s100.importMs <= p100.open : undefined,
        `100,000: import (${s100.app ? "the app's worker" : 'the reader alone'}) ${p100 ? r(s100.importMs, p100.open) : '?'} LibreOffice's open (≤ 1×)`,
      ),
      goal(
        p100 ? s100.exportMs <= p100.save : undefined,
        `100,000: export ${p100 ? r(s100.exportMs, p100.save) : '?'} LibreOffice's save (≤ 1×)`,
      ),
    );
  if (a100)
    out.push(
      goal(a100.openClick <= 4000, `100,000: open ${a100.openClick.toFixed(0)} ms (≤ 4 s)`),
      goal(
        a100.editP95 <= 50,
        `100,000: edit → totals p95 ${a100.editP95.toFixed(1)} ms (≤ 50 ms)`,
      ),
      goal(a100.heapMiB <= 1024, `100,000: heap ${a100.heapMiB.toFixed(0)} MiB (≤ 1 GiB)`),
    );
  if (panel)
    out.push(
      goal(
        panel.editP95 <= 50,
        `${panel.findings.toLocaleString('en')} projects with as many findings, checks panel open: edit → totals p95 ${panel.editP95.toFixed(1)} ms (≤ 50 ms)`,
      ),
    );
  if (!s100 && !a100) out.push('· 100,000-project goals: run with BENCH_PROJECTS=10000,100000');
  return out;
}
