/**
 * `node --import tsx bench/allocEdit.ts`: where an edit's allocation and CPU go. Runs EDIT_RUNS
 * edits (default 20) of bench/app.ts's edit figure under the CDP sampling heap profiler (GC'd
 * samples kept, so short-lived garbage counts) and the CPU profiler, both started at each Enter and
 * stopped once the grand total changed; prints KiB allocated and ms of CPU per edit by function
 * (self, and CPU inclusive). Use an unminified build (`npx vite build --minify false --outDir X`, BENCH_DIST=X) to
 * read the names. ALLOC_WHOLE=1 samples the allocation over the whole edit (focus, typing, Enter).
 * BENCH_PROJECTS (default 10,000); PROFILE_DIR: each edit's CPU profile is written
 * there (edit-N.cpuprofile). ALLOC_AFTER_MS: also sample that long after the total changed (the
 * idle work an edit starts: checks, views, storage, backup).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkbookPageModel } from '../tests/e2e/pages/WorkbookPage';
import { armEditTimer } from './app';
import { openGeneratedPlan } from './openedPlan';

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface HeapNode {
  callFrame: Frame;
  selfSize: number;
  children: HeapNode[];
}
interface CpuNode {
  id: number;
  callFrame: Frame;
  children?: number[];
}

const name = (f: Frame) =>
  `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;

function heapSelf(n: HeapNode, into: Map<string, number>, path: string[]): void {
  const k = name(n.callFrame);
  // the self size is attributed to the function and, for context, to its caller
  const ctx = path.length ? `${k} ← ${path[path.length - 1]}` : k;
  into.set(ctx, (into.get(ctx) ?? 0) + n.selfSize);
  for (const c of n.children) heapSelf(c, into, [...path, k]);
}

const top = (m: Map<string, number>, k: number, div: number, unit: string) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([n, t]) => `  ${(t / div).toFixed(1).padStart(8)} ${unit}  ${n}`);

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PROJECTS ?? 10_000);
  const runs = Number(process.env.EDIT_RUNS ?? 20);
  const { page, context, done } = await openGeneratedPlan(n, process.env.BENCH_DIST, 2000);
  await armEditTimer(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const grid = new WorkbookPageModel(page);
  const alloc = new Map<string, number>();
  const cpu = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  let edits = 0;
  for (let i = 0; i < runs; i++) {
    const r = 2 + ((i * 37) % 200);
    const sample = () =>
      cdp.send('HeapProfiler.startSampling', {
        samplingInterval: 1024,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    // ALLOC_WHOLE=1: the whole edit as the user makes it (focus, typing, Enter), not Enter alone
    const whole = !!process.env.ALLOC_WHOLE;
    if (whole) await sample();
    await grid.focus(r, 'y2023_dtpt');
    // a section or total row's figure is computed: typing there changes no total
    const isProject = await page.evaluate(
      `!!document.querySelector('.ag-row[row-index="${r}"]')?.classList.contains('pb-project')`,
    );
    if (!isProject) {
      if (whole) await cdp.send('HeapProfiler.stopSampling');
      continue;
    }
    await page.keyboard.type(String(5000 + i));
    await page.waitForTimeout(100);
    const k = (await page.evaluate('window.__lat.length')) as number;
    if (!whole) await sample();
    await cdp.send('Profiler.start');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`window.__lat.length > ${k}`, undefined, { timeout: 60_000 });
    // ALLOC_AFTER_MS: go on sampling the idle work an edit starts (checks, views, storage, backup)
    if (process.env.ALLOC_AFTER_MS) await page.waitForTimeout(Number(process.env.ALLOC_AFTER_MS));
    const { profile: cp } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: CpuNode[]; samples: number[]; timeDeltas: number[] };
    };
    const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
      profile: { head: HeapNode };
    };
    if (process.env.PROFILE_DIR)
      writeFileSync(join(process.env.PROFILE_DIR, `edit-${i}.cpuprofile`), JSON.stringify(cp));
    const before = [...alloc.values()].reduce((a, b) => a + b, 0);
    heapSelf(profile.head, alloc, []);
    total += [...alloc.values()].reduce((a, b) => a + b, 0) - before;
    const byId = new Map(cp.nodes.map((x) => [x.id, x]));
    const parent = new Map<number, number>();
    for (const x of cp.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
    cp.samples.forEach((s, j) => {
      const f = byId.get(s)!.callFrame;
      if (f.functionName === '(idle)' || f.functionName === '(program)') return;
      const dt = (cp.timeDeltas[j + 1] ?? 0) / 1000;
      cpu.set(name(f), (cpu.get(name(f)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let id: number | undefined = s; id !== undefined; id = parent.get(id)) {
        const k = name(byId.get(id)!.callFrame);
        if (seen.has(k)) continue;
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + dt);
      }
    });
    edits++;
  }
  const lat = (await page.evaluate('window.__lat')) as number[];
  console.log(`${edits} edits: ${lat.map((x) => x.toFixed(0)).join(' ')} ms`);
  console.log(
    `allocated ${(total / edits / 1024).toFixed(0)} KiB per edit; by function (self ← caller):`,
  );
  for (const l of top(alloc, 40, edits * 1024, 'KiB/edit')) console.log(l);
  console.log('CPU by function (self):');
  for (const l of top(cpu, 40, edits, 'ms/edit')) console.log(l);
  console.log('CPU by function (inclusive):');
  for (const l of top(incl, 70, edits, 'ms/edit')) console.log(l);
  await done();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
